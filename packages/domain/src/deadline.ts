/**
 * The 5-year rule (SPEC §3.4): training and final evaluation end within N years of the preliminary
 * evaluation; past it the dossier expires. Pure date arithmetic on ISO dates (UTC).
 */
import { EXPIRABLE } from './dossierStateMachine.ts';
import type { DossierStatus } from './dossierStateMachine.ts';

const DeadlineState = { NONE: 'none', OK: 'ok', SOON: 'soon', PASSED: 'passed' } as const;
type DeadlineState = (typeof DeadlineState)[keyof typeof DeadlineState];

const addMonths = (isoDate: string, months: number): string => {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
};

/** `2024-02-28` + 2 → `2024-03-01` (UTC days). */
const addDays = (isoDate: string, days: number): string =>
  new Date(Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Last day on which the final evaluation may end (29 February + 5 years → 28 February). */
const deadlineFrom = (preliminaryDate: string, years: number): string =>
  addMonths(preliminaryDate, years * 12);

interface DeadlineStateOptions {
  status: DossierStatus;
  deadline?: string;
  today: string;
  warningMonths: number;
}

/** Whether a dossier's deadline matters now, is near, or has passed (only while it can still expire). */
const deadlineState = ({ status, deadline, today, warningMonths }: DeadlineStateOptions): DeadlineState => {
  if (!deadline || !EXPIRABLE.includes(status)) return DeadlineState.NONE;
  if (today > deadline) return DeadlineState.PASSED;
  if (addMonths(today, warningMonths) >= deadline) return DeadlineState.SOON;
  return DeadlineState.OK;
};

/**
 * A dossier as it stands today: past its deadline it is expired even before the sweep has written
 * it, so reads never show a stale state (the sweep then persists what reads already show).
 */
const asOfToday = <D extends { status: DossierStatus; deadline?: string }>(dossier: D, today: string): D =>
  dossier.deadline && EXPIRABLE.includes(dossier.status) && today > dossier.deadline
    ? { ...dossier, status: 'expired' as DossierStatus }
    : dossier;

const todayIso = (now = new Date()) => now.toISOString().slice(0, 10);

export { DeadlineState, addDays, addMonths, asOfToday, deadlineFrom, deadlineState, todayIso };
