/**
 * A candidate (`T#<t>#C#<id>` / `CANDIDATE`), in a partition of their own that also holds one link
 * per dossier of theirs (`DOSSIER#<dossierId>`: subject access and erasure find every dossier from
 * it). Indexes: gsi1 "dossiersByIdentity" (on the dossier link: the network's dossiers of one
 * person, by identity hash), gsi4 "dormantCandidates" (sparse, on the candidate: set while every
 * dossier is closed). Keys: keys.ts (`candidate`, `candidatePartition`, `candidateDossier`,
 * `dossierIdentity`, `dormantCandidate`).
 */
import { Candidate } from '@socle/domain';
import * as z from 'zod';
import { INDEXES } from '../table.ts';
import { itemReader } from './storedItem.ts';

const candidateIndexes = {
  dossiersByIdentity: INDEXES.dossiersByIdentity,
  dormant: INDEXES.dormantCandidates,
} as const;

/** The candidate as the API describes them, plus the version of their item (edits are versioned). */
const CandidateItem = Candidate.extend({ version: z.number().int() });
type StoredCandidate = z.output<typeof CandidateItem>;

const candidateFromItem = itemReader('candidate', CandidateItem);

/** The candidate as the API answers them (the item's version is the dossier's business, not theirs). */
const candidateRecordFromItem = (item: Record<string, unknown>): Candidate => {
  const { version: _version, ...candidate } = candidateFromItem(item);
  return candidate;
};

export type { StoredCandidate };
export { CandidateItem, candidateFromItem, candidateIndexes, candidateRecordFromItem };
