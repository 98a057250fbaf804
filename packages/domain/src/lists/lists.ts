/** What the staff lists share: the orders a key can serve, totals, and how big an export may be. */
import * as z from 'zod';
import { allow, refuse } from '../rules/verdict.ts';
import type { Verdict } from '../rules/verdict.ts';
// The list's rule codes are in the domain's closed union (issue 13).
import { LIST_RULE_CODES } from '../rules/ruleCodes.ts';
import type { ListRuleCode } from '../rules/ruleCodes.ts';

/**
 * The orders a list offers. Lists are read from index partitions sorted by time (dossier ids are
 * ULIDs, the register is keyed by day), so newest and oldest first are exact over every page; an
 * order by name or status would need an index of its own per order.
 */
const listOrders = ['newest', 'oldest'] as const;
type ListOrder = (typeof listOrders)[number];
const ListOrder = z.enum(listOrders, { error: 'ordre attendu : newest ou oldest' });

/** A list's total under its filters; `approximate`: counting stopped, there are at least `total`. */
const ListTotal = z.object({ total: z.number().int().min(0), approximate: z.boolean() });
type ListTotal = z.output<typeof ListTotal>;

/** Rows one export may hold: beyond, the file would outgrow one API answer (6 MB, 30 s). */
const EXPORT_MAX_ROWS = 20_000;

/** An export too big for one file is refused with what to do, rather than cut without saying. */
const exportSizeVerdict = (rows: number): Verdict<ListRuleCode> =>
  rows > EXPORT_MAX_ROWS
    ? refuse(
        'export_too_large',
        `L'export dépasse ${EXPORT_MAX_ROWS.toLocaleString('fr-FR')} lignes : ajoutez un filtre (statut, organisme, année…) pour le réduire.`,
      )
    : allow();

export type { ListRuleCode };
export { EXPORT_MAX_ROWS, LIST_RULE_CODES, ListOrder, ListTotal, exportSizeVerdict, listOrders };
