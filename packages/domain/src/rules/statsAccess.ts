/**
 * Who may see which monitoring figures (SPEC §6). Organisms belong to their network: figures per
 * organism are the network's (and the national admin's), never a jury secretary's, whether asked
 * as a grouping or as a filter on one organism.
 */
import { allow, refuse } from './verdict.ts';
import type { Verdict } from './verdict.ts';

const STATS_RULE_CODES = ['organism_not_available'] as const;
type StatsRuleCode = (typeof STATS_RULE_CODES)[number];

/** The caller's view, from the token: the nation, their network, or their region. */
type StatsViewerKind = 'national' | 'network' | 'region';

const checkVolumesAccess = ({
  viewer,
  groupBy,
  organismId,
}: {
  viewer: StatsViewerKind;
  groupBy: string;
  organismId: string | undefined;
}): Verdict<StatsRuleCode> =>
  viewer === 'region' && (groupBy === 'organism' || organismId !== undefined)
    ? refuse('organism_not_available', 'les chiffres par organisme sont réservés aux réseaux')
    : allow();

export type { StatsRuleCode, StatsViewerKind };
export { STATS_RULE_CODES, checkVolumesAccess };
