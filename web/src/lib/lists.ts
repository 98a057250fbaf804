/**
 * What the staff lists say about themselves: where the page sits in the list ("1–25 sur 132
 * dossiers") and in which order it is sorted. Pure, so it is tested on its own.
 */
import type { ListOrder, ListTotal } from '@socle/domain';

const numberFormat = new Intl.NumberFormat('fr-FR');

interface Noun {
  one: string;
  many: string;
}

interface PagePosition {
  /** Rows on the page. */
  shown: number;
  /** Rows on the earlier pages, when known (a page opened from a shared link does not know them). */
  before: number | undefined;
  /** The list's total under its filters, when it could be read. */
  total: ListTotal | undefined;
  noun: Noun;
}

const counted = (n: number, noun: Noun) => `${numberFormat.format(n)} ${n > 1 ? noun.many : noun.one}`;

const totalText = (total: ListTotal, noun: Noun) =>
  total.approximate ? `plus de ${counted(total.total, noun)}` : counted(total.total, noun);

/**
 * The page's place in the list, as shown above the table: "1–25 sur 132 dossiers", "132 dossiers"
 * when one page holds them all, "plus de 5 000" when the total is a lower bound; without a total
 * or a known position, only what is shown.
 */
const positionText = ({ shown, before, total, noun }: PagePosition): string => {
  if (total && before === 0 && !total.approximate && shown >= total.total)
    return `${counted(total.total, noun)}.`;
  if (total && before !== undefined) {
    const first = before + 1;
    const last = before + shown;
    const range =
      first === last
        ? numberFormat.format(first)
        : `${numberFormat.format(first)}–${numberFormat.format(last)}`;
    return `${range} sur ${totalText(total, noun)}.`;
  }
  const page = `${counted(shown, noun)} ${shown > 1 ? 'affichés' : 'affiché'}`;
  return total ? `${page} sur ${totalText(total, noun)}.` : `${page}.`;
};

/** The rows before a page: `pageIndex` pages (0 on the first); unknown on a page reached by a link. */
const rowsBefore = (pageIndex: number | undefined, pageSize: number): number | undefined =>
  pageIndex === undefined ? undefined : pageIndex * pageSize;

/** How far a page is from the first: 0 without a cursor; known only with the earlier pages' cursors. */
const pageIndexOf = (cursor: string | undefined, previousCursors: readonly string[]): number | undefined =>
  !cursor ? 0 : previousCursors.length > 0 ? previousCursors.length : undefined;

/** `aria-sort` of a column sorted by time: newest first is descending. */
const ariaSortOf = (order: ListOrder): 'ascending' | 'descending' =>
  order === 'oldest' ? 'ascending' : 'descending';

/** The list's address in the other order, back on its first page (a cursor belongs to one order). */
const hrefInOrder = (url: URL, order: ListOrder): string => {
  const next = new URL(url);
  next.searchParams.delete('cursor');
  if (order === 'oldest') next.searchParams.set('order', 'oldest');
  else next.searchParams.delete('order');
  return `${next.pathname}${next.search}`;
};

/** The order named in the URL; anything else is the default, newest first. */
const orderFrom = (params: URLSearchParams): ListOrder =>
  params.get('order') === 'oldest' ? 'oldest' : 'newest';

/** A column sort of a list held whole in the page (organisms, staff): exact, unlike a sort of one page. */
interface ColumnSort<Key extends string> {
  key: Key;
  direction: 'ascending' | 'descending';
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** The rows sorted by the text of a column, in French order (accents and case aside), ties kept in place. */
const sortedRows = <Row, Key extends string>(
  rows: readonly Row[],
  sort: ColumnSort<Key>,
  textOf: (row: Row, key: Key) => string,
): Row[] => {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => sign * collator.compare(textOf(a, sort.key), textOf(b, sort.key)));
};

/** Sorting again by the same column reverses it; another column starts ascending. */
const nextSort = <Key extends string>(current: ColumnSort<Key>, key: Key): ColumnSort<Key> =>
  current.key === key
    ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
    : { key, direction: 'ascending' };

/** `aria-sort` of a column under a column sort. */
const columnAriaSort = <Key extends string>(sort: ColumnSort<Key>, key: Key) =>
  sort.key === key ? sort.direction : 'none';

export type { ColumnSort, Noun, PagePosition };
export {
  ariaSortOf,
  columnAriaSort,
  hrefInOrder,
  nextSort,
  orderFrom,
  pageIndexOf,
  positionText,
  rowsBefore,
  sortedRows,
};
