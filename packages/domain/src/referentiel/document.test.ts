import { describe, expect, it } from 'vitest';
import cleaData from '../../data/referentiel-clea.json' with { type: 'json' };
import numeriqueData from '../../data/referentiel-clea-numerique.json' with { type: 'json' };
import fixture from './fixtures/clea-numerique.fixture.json' with { type: 'json' };
import { ReferentielDocument, ReferentielDraftDocument, allCriteria, jsonPath } from './document.ts';

const paths = (result: { error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((i) => jsonPath(i.path)) ?? [];

describe('Schema: ReferentielDocument', () => {
  it('accepts the shipped CléA: 7 domains, 28 sub-domains, 107 criteria', () => {
    const doc = ReferentielDocument.parse(cleaData);
    expect([
      doc.domains.length,
      doc.domains.flatMap((d) => d.subdomains).length,
      allCriteria(doc).length,
    ]).toEqual([7, 28, 107]);
  });

  it('refuses a duplicated criterion code, naming its JSON path', () => {
    const doc = structuredClone(cleaData);
    const target = doc.domains[0]?.subdomains[0]?.criteria[1];
    if (target) target.code = '1.1.1';
    expect(paths(ReferentielDocument.safeParse(doc))).toContain('domains[0].subdomains[0].criteria[1].code');
  });

  it('refuses a criterion filed under the wrong sub-domain', () => {
    const doc = structuredClone(cleaData);
    const target = doc.domains[1]?.subdomains[0]?.criteria[0];
    if (target) target.code = '9.9.9';
    expect(paths(ReferentielDocument.safeParse(doc))).toContain('domains[1].subdomains[0].criteria[0].code');
  });

  it('refuses a CléA without its 7 domains', () => {
    const doc = { ...structuredClone(cleaData), domains: cleaData.domains.slice(0, 6) };
    expect(paths(ReferentielDocument.safeParse(doc))).toContain('domains');
  });

  it('accepts CléA numérique titles as a draft only', () => {
    expect(ReferentielDraftDocument.safeParse(numeriqueData).success).toBe(true);
    expect(ReferentielDocument.safeParse(numeriqueData).success).toBe(false);
  });

  it('accepts the CléA numérique test fixture with its criteria', () => {
    expect(allCriteria(ReferentielDocument.parse(fixture)).length).toBe(24);
  });
});
