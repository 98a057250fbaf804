/**
 * Who may see which monitoring figures (SPEC §6). Organisms belong to their network: figures per
 * organism are the network's (and the national admin's), never a jury secretary's, whether asked
 * as a grouping or as a filter on one organism.
 */
import { allow, refuse } from './verdict.ts';
import type { Verdict } from './verdict.ts';
import { STATS_RULE_CODES } from './ruleCodes.ts';
import type { StatsRuleCode } from './ruleCodes.ts';

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
/** Figures grouped by organism are one network's: the national admin names the network first. */
const checkOrganismGrouping = ({ tenantId }: { tenantId: string | undefined }): Verdict<StatsRuleCode> =>
  tenantId ? allow() : refuse('organism_needs_network', 'choisissez un réseau pour regrouper par organisme');

export { STATS_RULE_CODES, checkOrganismGrouping, checkVolumesAccess };
