import { describe, expect, it } from 'vitest';
import {
  ariaSortOf,
  columnAriaSort,
  hrefInOrder,
  nextSort,
  orderFrom,
  pageIndexOf,
  positionText,
  rowsBefore,
  sortedRows,
} from './lists';

const noun = { one: 'dossier', many: 'dossiers' };
const exact = (total: number) => ({ total, approximate: false });

describe('positionText', () => {
  it('says where the page sits in the list: "1–25 sur 132 dossiers"', () => {
    expect(positionText({ shown: 25, before: 0, total: exact(132), noun })).toBe('1–25 sur 132 dossiers.');
    expect(positionText({ shown: 7, before: 125, total: exact(132), noun })).toBe(
      '126–132 sur 132 dossiers.',
    );
    expect(positionText({ shown: 1, before: 25, total: exact(26), noun })).toBe('26 sur 26 dossiers.');
  });

  it('gives the number alone when one page holds the whole list, in the singular for one', () => {
    expect(positionText({ shown: 12, before: 0, total: exact(12), noun })).toBe('12 dossiers.');
    expect(positionText({ shown: 1, before: 0, total: exact(1), noun })).toBe('1 dossier.');
  });

  it('says "plus de" for a total that is a lower bound, with French digit grouping', () => {
    expect(positionText({ shown: 25, before: 0, total: { total: 5000, approximate: true }, noun })).toBe(
      '1–25 sur plus de 5\u202f000 dossiers.',
    );
  });

  it('without a known position or total, says what is shown', () => {
    expect(positionText({ shown: 25, before: undefined, total: exact(132), noun })).toBe(
      '25 dossiers affichés sur 132 dossiers.',
    );
    expect(positionText({ shown: 1, before: 0, total: undefined, noun })).toBe('1 dossier affiché.');
  });
});

describe('page position and order', () => {
  it('knows the rows before a page only from the cursors of the earlier pages', () => {
    expect(pageIndexOf(undefined, [])).toBe(0);
    expect(pageIndexOf('c2', [''])).toBe(1);
    expect(pageIndexOf('c3', ['', 'c2'])).toBe(2);
    expect(pageIndexOf('c3', [])).toBeUndefined();
    expect(rowsBefore(2, 25)).toBe(50);
    expect(rowsBefore(undefined, 25)).toBeUndefined();
  });

  it('reads the order from the URL and links to the other order on the first page, filters kept', () => {
    expect(orderFrom(new URLSearchParams('order=oldest'))).toBe('oldest');
    expect(orderFrom(new URLSearchParams('order=name'))).toBe('newest');
    const url = new URL('http://x/dossiers?q=Ines&cursor=abc');
    expect(hrefInOrder(url, 'oldest')).toBe('/dossiers?q=Ines&order=oldest');
    expect(hrefInOrder(new URL('http://x/dossiers?order=oldest&cursor=a'), 'newest')).toBe('/dossiers');
    expect(ariaSortOf('oldest')).toBe('ascending');
    expect(ariaSortOf('newest')).toBe('descending');
  });
});

describe('column sorts of a whole list', () => {
  const people = [
    { name: 'Émile', city: 'Lyon' },
    { name: 'zoé', city: 'Paris' },
    { name: 'Adam', city: 'Lille' },
    { name: 'eric', city: 'Arles' },
  ];
  const textOf = (p: (typeof people)[number], key: 'name' | 'city') => p[key];

  it('sorts in French order, accents and case aside, both ways', () => {
    expect(sortedRows(people, { key: 'name', direction: 'ascending' }, textOf).map((p) => p.name)).toEqual([
      'Adam',
      'Émile',
      'eric',
      'zoé',
    ]);
    expect(sortedRows(people, { key: 'city', direction: 'descending' }, textOf).map((p) => p.city)).toEqual([
      'Paris',
      'Lyon',
      'Lille',
      'Arles',
    ]);
  });

  it('reverses the same column, starts another ascending, and says which column is sorted', () => {
    const byName = { key: 'name', direction: 'ascending' } as const;
    expect(nextSort(byName, 'name')).toEqual({ key: 'name', direction: 'descending' });
    expect(nextSort({ key: 'name', direction: 'descending' }, 'city')).toEqual({
      key: 'city',
      direction: 'ascending',
    });
    expect(columnAriaSort(byName, 'name')).toBe('ascending');
    expect(columnAriaSort<'name' | 'city'>(byName, 'city')).toBe('none');
  });
});
