/**
 * The secretary sends a session's agenda to its members (issue 16, "agenda published"): each member
 * is told, in the same transaction, how many dossiers the session will examine and when and where
 * it sits, never who the candidates are. A publication is a marker item per agenda revision in the
 * session's partition (`JSESSION#<id>` / `PUBLISHED#<hash of the dossier ids>`), put only if absent:
 * the same agenda sent twice, even by two racing requests, tells nobody again; an agenda changed
 * since has another revision and may be sent. The domain decides (canPublishAgenda).
 */
import { createHash } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  agendaAlreadyPublished,
  agendaRevisionOf,
  canPublishAgenda,
  enforce,
  violationOf,
} from '@socle/domain';
import { NotificationTemplate } from '@socle/domain/notifications';
import { auditPut } from './audit.ts';
import type { WriteContext } from './audit.ts';
import { db } from './client.ts';
import { listJuryMembers } from './juryMembers.ts';
import { keys } from './keys.ts';
import type { Key } from './keys.ts';
import {
  getSession,
  listAgenda,
  memberMessages,
  sessionGuard,
  sessionLabel,
  slotOf,
} from './jurySessions.ts';
import { putNew } from './records.ts';
import { tableName } from './table.ts';
import { transact } from './transact.ts';

/** Sort keys of a session's publications, beside its agenda entries (`AGENDA#`). */
const PUBLICATION_PREFIX = 'PUBLISHED#';

/** A publication's key: the agenda's revision, hashed to a fixed length (an agenda may be long). */
const publicationKey = (sessionId: string, revision: string): Key => ({
  pk: keys.agendaPrefix(sessionId).pk,
  sk: `${PUBLICATION_PREFIX}${createHash('sha256').update(revision).digest('hex').slice(0, 32)}`,
});

interface AgendaPublication {
  dossierCount: number;
  /** Members told (each convened member with a known address). */
  memberCount: number;
  publishedAt: string;
}

/**
 * Sends the session's agenda to its convened members, once per agenda revision. The session must
 * be planned, unopened and at the version read (a reschedule meanwhile refuses it with a 409).
 */
const publishAgenda = async (ctx: WriteContext, sessionId: string): Promise<AgendaPublication> => {
  const session = await getSession(ctx.principal, sessionId);
  const onAgenda = (await listAgenda(sessionId)).filter((entry) => !entry.returnedToPipeline);
  const revision = agendaRevisionOf(onAgenda.map((entry) => entry.dossierId));
  const key = publicationKey(sessionId, revision);
  const { Item: published } = await db().send(
    new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true, ProjectionExpression: 'pk' }),
  );
  enforce(canPublishAgenda(session, { size: onAgenda.length, alreadyPublished: published !== undefined }));
  const jurors = await listJuryMembers(session.region);
  const publication: AgendaPublication = {
    dossierCount: onAgenda.length,
    memberCount: 0,
    publishedAt: ctx.clock.now(),
  };
  const hash = key.sk.slice(PUBLICATION_PREFIX.length);
  const messages = memberMessages(
    jurors,
    session.memberIds,
    (userId) => `jury.agenda_published:${sessionId}:${userId}:${hash}`,
    {
      template: NotificationTemplate.JURY_AGENDA_PUBLISHED,
      session: slotOf(session),
      dossierCount: onAgenda.length,
    },
    ctx.clock.instant(),
  );
  publication.memberCount = messages.length;
  await transact([
    sessionGuard(session),
    putNew({ ...key, itemType: 'AgendaPublication', sessionId, ...publication }, () =>
      violationOf(agendaAlreadyPublished),
    ),
    auditPut((at, id) => keys.platformAudit(at, id), ctx, {
      action: 'jury_session.agenda_published',
      entity: { type: 'jury_session', id: sessionId },
      summary: `ordre du jour de la ${sessionLabel(session)} envoyé aux membres : ${
        onAgenda.length > 1 ? `${onAgenda.length} dossiers` : 'un dossier'
      }`,
    }),
    ...messages,
  ]);
  return publication;
};

export type { AgendaPublication };
export { publishAgenda };
