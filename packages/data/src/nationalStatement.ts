/**
 * The consolidated national usage statement (issue 17), read from the monthly counter cells of every
 * network (one gsi1 query per month: its cost grows with months × networks × organisms, never with
 * dossiers), the networks' names and the fee schedules; the domain prices each network's months.
 */
import { type NationalStatement, monthsOfPeriod, nationalStatementOf } from '@socle/domain';
import { readAllCounters } from './counters.ts';
import { listFeeSchedules } from './stats.ts';
import { listTenants } from './tenants.ts';

/** Every network (a few dozen at most: one short query per hundred). */
const allTenants = async (): Promise<{ id: string; name: string }[]> => {
  const tenants: { id: string; name: string }[] = [];
  let cursor: string | undefined;
  do {
    const page = await listTenants({ cursor, limit: 100 });
    tenants.push(...page.items.map((t) => ({ id: t.id, name: t.name })));
    cursor = page.cursor;
  } while (cursor);
  return tenants;
};

/** All networks' statement for a month (`2026-04`) or a year (`2026`). */
const nationalStatement = async (period: string, now: Date): Promise<NationalStatement> => {
  const months = monthsOfPeriod(period);
  const [tenants, { cells }, schedules] = await Promise.all([
    allTenants(),
    readAllCounters(months[0] as string, months[months.length - 1] as string),
    listFeeSchedules(),
  ]);
  return nationalStatementOf({
    period,
    tenants,
    cells: cells.map((c) => ({
      tenantId: c.tenantId,
      month: c.month,
      certification: c.certification,
      preliminaryDone: Number(c.preliminaryDone ?? 0),
      certified: Number(c.certified ?? 0),
    })),
    schedules,
    generatedAt: now.toISOString(),
  });
};

export { nationalStatement };
