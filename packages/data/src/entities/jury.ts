/**
 * A region's jury, in its partition `JURY#<region>`: members and secretaries (`MEMBER#<userId>`),
 * the pipeline of submitted dossiers (`PIPELINE#<dossierId>`) and sessions (`SESSION#<id>`); each
 * session's agenda in a partition of its own (`JSESSION#<sessionId>` / `AGENDA#<dossierId>`: hundreds
 * per session). Read whole by prefix: no index. Keys: keys.ts (`juryMember`, `juryMembersPrefix`,
 * `pipelineEntry`, `pipelinePrefix`, `jurySession`, `jurySessionsPrefix`, `agendaEntry`,
 * `agendaPrefix`).
 */
import { AgendaEntry, JuryMember, JurySession, PipelineEntry } from '@socle/domain';
import * as z from 'zod';
import { itemReader } from './storedItem.ts';

const JuryMemberItem = JuryMember;
type StoredJuryMember = z.output<typeof JuryMemberItem>;

const JurySessionItem = JurySession;
type StoredJurySession = z.output<typeof JurySessionItem>;

/** Erasure leaves the first name and last initial in the view and dates it (`erasedAt`). */
const AgendaEntryItem = AgendaEntry.extend({ erasedAt: z.string().optional() });
type StoredAgendaEntry = z.output<typeof AgendaEntryItem>;

const PipelineEntryItem = PipelineEntry.extend({ erasedAt: z.string().optional() });
type StoredPipelineEntry = z.output<typeof PipelineEntryItem>;

const juryMemberFromItem = itemReader('jury member', JuryMemberItem);
const jurySessionFromItem = itemReader('jury session', JurySessionItem);
const agendaEntryFromItem = itemReader('agenda entry', AgendaEntryItem);
const pipelineEntryFromItem = itemReader('pipeline entry', PipelineEntryItem);

export type { StoredAgendaEntry, StoredJuryMember, StoredJurySession, StoredPipelineEntry };
export {
  AgendaEntryItem,
  JuryMemberItem,
  JurySessionItem,
  PipelineEntryItem,
  agendaEntryFromItem,
  juryMemberFromItem,
  jurySessionFromItem,
  pipelineEntryFromItem,
};
