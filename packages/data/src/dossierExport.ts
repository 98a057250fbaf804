/**
 * The dossiers list's total and its CSV export, under the same criteria and the same visibility
 * (organism-bound staff: their organisms' dossiers only) as the list's pages.
 */
import { dossiersCsv, enforce, exportFileName, exportSizeVerdict, EXPORT_MAX_ROWS } from '@socle/domain';
import { dossierListSpec, listedDossier } from './dossierList.ts';
import type { DossierListCriteria } from './dossierList.ts';
import { countList, readWholeList } from './listQuery.ts';
import type { ListTotal } from './listQuery.ts';
import { listOrganisms } from './organisms.ts';
import { dossierFromItem } from './entities/dossier.ts';
import type { TenantActor } from './scope.ts';

/** How many dossiers the list holds under these criteria (bounded: may be a lower bound). */
const countDossiers = (actor: TenantActor, criteria: DossierListCriteria): Promise<ListTotal> =>
  countList(dossierListSpec(actor, criteria));

/** Every dossier of the list, as a CSV file for Excel named after the day (Paris time). */
const exportDossiers = async (
  actor: TenantActor,
  criteria: DossierListCriteria,
): Promise<{ bytes: Uint8Array; fileName: string }> => {
  const { clock } = actor;
  const now = clock.instant();
  const [items, organismList] = await Promise.all([
    readWholeList(dossierListSpec(actor, criteria), EXPORT_MAX_ROWS),
    listOrganisms(actor.scope),
  ]);
  enforce(exportSizeVerdict(items.length));
  const dossiers = items.map((i) => listedDossier(dossierFromItem(i), now));
  const csv = dossiersCsv(dossiers, new Map(organismList.map((o) => [o.id, o.name])));
  return {
    bytes: new TextEncoder().encode(csv),
    fileName: exportFileName('dossiers', clock.today()),
  };
};

export { countDossiers, exportDossiers };
