/**
 * A recipient's address as French post expects it on an envelope (La Poste, norme NF Z10-011): at
 * most six lines, the recipient first, the street lines, then the postcode and the town in capitals
 * without accents; the country, in capitals, last and only for an address abroad.
 */

/** Where a paper copy goes, as it was requested. */
interface PostalRecipient {
  name: string;
  /** One line or several (separated by line breaks): number and street, building, place called. */
  addressLine: string;
  postalCode: string;
  city: string;
  /** Absent or France: nothing is printed. */
  country?: string;
}

/** Lines an address may have: six in all, so four for the street between the name and the town. */
const MAX_ADDRESS_LINES = 6;

/** `Saint-Étienne` → `SAINT-ETIENNE`: the automatic sorting machines read capitals without accents. */
const postalCapitals = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase().replace(/\s+/g, ' ').trim();

const isFrance = (country: string | undefined) =>
  !country || /^(france|fr|fra)$/i.test(postalCapitals(country));

interface PostalAddress {
  name: string;
  /** As typed, blank lines dropped. */
  street: string[];
  /** The town line, then the country when abroad. */
  tail: string[];
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The address in its three parts: who, where in the town, which town (and country). */
const postalAddress = (recipient: PostalRecipient): PostalAddress => ({
  name: oneLine(recipient.name),
  street: recipient.addressLine.split(/\r?\n/).map(oneLine).filter(Boolean),
  tail: [
    postalCapitals(`${recipient.postalCode} ${recipient.city}`),
    ...(isFrance(recipient.country) ? [] : [postalCapitals(recipient.country as string)]),
  ],
});

/** The lines of the label, top to bottom, six at most (the street gives way first). */
const postalLines = (recipient: PostalRecipient): string[] => {
  const { name, street, tail } = postalAddress(recipient);
  return [name, ...street.slice(0, MAX_ADDRESS_LINES - 1 - tail.length), ...tail];
};

export type { PostalAddress, PostalRecipient };
export { MAX_ADDRESS_LINES, postalAddress, postalCapitals, postalLines };
