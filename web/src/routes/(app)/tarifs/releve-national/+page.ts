import { StatementPeriod } from '@socle/domain';
import { guarded } from '$lib/api';
import { printingCalls } from '$lib/api/printing';
import { statementMonths } from '$lib/stats';
import type { PageLoad } from './$types';

/** Years offered: this one and the two before (a year in progress is shown as it stands). */
const YEARS = 3;

export const load: PageLoad = async ({ fetch, url }) => {
  const { month: lastMonth, options: months } = statementMonths(url.searchParams);
  const thisYear = Number(months[0]?.value.slice(0, 4) ?? new Date().getFullYear());
  const years = Array.from({ length: YEARS }, (_, i) => String(thisYear - i)).map((y) => ({
    value: y,
    label: `Année ${y}`,
  }));
  const asked = url.searchParams.get('periode') ?? '';
  const offered = [...years, ...months].some((o) => o.value === asked);
  const period = offered && StatementPeriod.safeParse(asked).success ? asked : lastMonth;
  const statement = await guarded(url, printingCalls(fetch).nationalStatement(period));
  return { period, statement, years, months };
};
