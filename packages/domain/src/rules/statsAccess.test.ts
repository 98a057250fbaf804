import { describe, expect, it } from 'vitest';
import { checkVolumesAccess } from './statsAccess.ts';

describe('checkVolumesAccess', () => {
  it('refuses a jury secretary figures grouped by organism', () => {
    expect(
      checkVolumesAccess({ viewer: 'region', groupBy: 'organism', organismId: undefined }),
    ).toMatchObject({
      ok: false,
      code: 'organism_not_available',
    });
  });

  it("refuses a jury secretary one organism's figures under another grouping", () => {
    expect(checkVolumesAccess({ viewer: 'region', groupBy: 'year', organismId: 'O1' }).ok).toBe(false);
  });

  it('allows a jury secretary the region figures', () => {
    expect(checkVolumesAccess({ viewer: 'region', groupBy: 'year', organismId: undefined }).ok).toBe(true);
  });

  it("allows a network its organisms' figures", () => {
    expect(checkVolumesAccess({ viewer: 'network', groupBy: 'organism', organismId: 'O1' }).ok).toBe(true);
  });
});
