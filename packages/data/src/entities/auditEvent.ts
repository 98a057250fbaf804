/**
 * An audit event, in a trail partition of its own under `AUDIT#` (append-only in IAM): a dossier's
 * (`AUDIT#T#<t>#D#<d>`), a network's (`AUDIT#T#<t>`) or the platform's (`AUDIT#PLATFORM`); sort key
 * `<at>#<eventId>` (time order). No index. Keys: keys.ts (`dossierAudit`, `tenantAudit`,
 * `platformAudit` and their `…Trail` partitions).
 */
import { AuditEvent } from '@socle/domain';
import * as z from 'zod';
import { itemReader } from './storedItem.ts';

/** The event as the API shows it, plus the request that wrote it (support, never shown). */
const AuditEventItem = AuditEvent.extend({ requestId: z.string().optional() });
type StoredAuditEvent = z.output<typeof AuditEventItem>;

const auditEventFromItem = itemReader('audit event', AuditEventItem);

export type { StoredAuditEvent };
export { AuditEventItem, auditEventFromItem };
