/**
 * The référentiels shipped with the product (copied from the reconstructed sources, see
 * packages/domain/data/*.NOTES.md): the seed imports them as versions like any other file.
 * A separate entry point (`@socle/domain/shipped`), so the web bundle never carries them.
 */
import cleaData from '../../data/referentiel-clea.json' with { type: 'json' };
import cleaNumeriqueData from '../../data/referentiel-clea-numerique.json' with { type: 'json' };

/** CléA: 7 domains, 28 sub-domains, 107 criteria (public sources say 106 to 108). */
const shippedClea: unknown = cleaData;
/** CléA numérique: the 4 public competence titles only, so it can only be a draft. */
const shippedCleaNumerique: unknown = cleaNumeriqueData;

export { shippedClea, shippedCleaNumerique };
