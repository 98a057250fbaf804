/**
 * The rules of a candidate's path (SPEC §3): one closed list of codes, which the API sends with a
 * refusal and the web maps to its own French text (web/src/lib/api/ruleMessages.ts).
 */
const PATH_RULE_CODES = [
  'final_needs_plan',
  'final_scope_empty',
  'criterion_not_trained',
  'on_jury_agenda',
  'tenant_suspended',
  'not_habilitated',
  'habilitation_expired',
  'region_not_habilitated',
  'sequence_before_opening',
  'sequence_in_future',
  'deadline_passed',
  'attendance_in_future',
  'duplicate_candidate',
  'already_certified',
  'no_published_referentiel',
  'working_time',
  'trainer_is_evaluator',
  'evaluator_is_trainer',
  'not_in_training',
  'plan_exists',
  'evaluation_submitted',
] as const;
type PathRuleCode = (typeof PATH_RULE_CODES)[number];

export type { PathRuleCode };
export { PATH_RULE_CODES };
