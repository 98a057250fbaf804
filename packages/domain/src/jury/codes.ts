/**
 * The rules of jury sessions (SPEC §4): one closed list of codes, which the API sends with a
 * refusal and the web maps to its own French text (web/src/lib/api/ruleMessages.ts).
 */
const JURY_RULE_CODES = [
  'session_date_past',
  'session_opened',
  'session_cancelled',
  'session_closed',
  'before_session_date',
  'member_not_convenable',
  'term_not_covering',
  'colleges_missing',
  'member_not_convened',
  'attendance_not_recorded',
  'attendance_frozen',
  'movement_invalid',
  'no_quorum',
  'not_present',
  'conflicted',
  'voters_missing_college',
  'no_majority',
  'reason_required',
  'decided',
  'not_eligible',
  'empty_agenda',
  'already_submitted',
  'already_on_agenda',
  'already_scheduled',
  'already_applied',
  'agenda_already_published',
] as const;
type JuryRuleCode = (typeof JURY_RULE_CODES)[number];

export type { JuryRuleCode };
export { JURY_RULE_CODES };
