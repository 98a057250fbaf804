/** The verification page's sentences, in plain French for someone who has never heard of CléA. */
import { formatLongDate } from '$lib/format';
import type { CredentialReason, PublicCertificate, Unavailable } from './publicApi';

const certificationLabels: Record<PublicCertificate['certification'], string> = {
  clea: 'CléA',
  'clea-numerique': 'CléA numérique',
};

/** `Camille D.`: first name and last-name initial, as the registry gives them to anyone. */
const holderShortName = ({ firstName, lastInitial }: PublicCertificate['holder']): string =>
  `${firstName} ${lastInitial.endsWith('.') ? lastInitial : `${lastInitial}.`}`;

/** « Délivré le 15 juin 2026 par le jury de la région Île-de-France à Camille D. » */
const issuedSentence = (c: PublicCertificate): string =>
  `Délivré le ${formatLongDate(c.issuedOn)} par le jury de la région ${c.region.name} à ${holderShortName(c.holder)}`;

const statusSentence = (c: PublicCertificate): string => {
  const label = certificationLabels[c.certification] ?? 'CléA';
  if (c.status === 'valid') return `Ce certificat ${label} est valide.`;
  const when = c.revokedOn ? ` le ${formatLongDate(c.revokedOn)}` : '';
  return `Ce certificat ${label} a été révoqué${when} : ce certificat n'est plus valide.`;
};

const credentialReasons: Record<CredentialReason, string> = {
  signature:
    "La signature ne correspond pas : ce certificat numérique a été modifié, ou il n'a pas été émis par Socle.",
  expired: 'Ce certificat numérique a expiré. Demandez au titulaire de vous en transmettre un nouveau.',
  revoked: "Le certificat a été révoqué : il n'est plus valide.",
  unknown: 'Aucun certificat du registre ne correspond à ce certificat numérique.',
  malformed:
    "Le texte collé n'est pas un certificat numérique lisible. Vérifiez qu'il a été copié en entier, sans espace ajouté.",
};

const seconds = (n: number) => (n === 1 ? '1 seconde' : `${n} secondes`);

/** The sentence for a refused or failed request. */
const unavailableSentence = (outcome: Unavailable): string =>
  outcome.kind === 'rateLimited'
    ? `Trop de vérifications depuis votre connexion. Réessayez dans ${
        outcome.retryAfter ? seconds(outcome.retryAfter) : 'quelques instants'
      }.`
    : "La vérification n'a pas pu aboutir : vérifiez votre connexion à Internet, puis réessayez.";

export {
  certificationLabels,
  credentialReasons,
  holderShortName,
  issuedSentence,
  statusSentence,
  unavailableSentence,
};
