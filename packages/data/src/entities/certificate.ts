/**
 * The certificate as the register stores it (`CERT#<code>`): issued by a jury's closing
 * (juryClosing.ts), read and changed by the register (certificates.ts), its status list entry
 * (credentialStatus.ts) and data protection. One module all of them import, so none imports another
 * for a type (issue 13: no import cycle).
 *
 * Indexes, by access pattern: gsi1 "certificatesBySession", gsi2 "certificatesByYear" (national
 * register), gsi3 "certificatesByTenant" (a network's register), gsi4 "paperCopiesByStatus"
 * (sparse: copies still to process). Keys: keys.ts (`certificate`, `certificatesBySession`,
 * `certificateListings`, `certificatesByYear`, `certificatesByTenant`, `paperCopyQueue`).
 */
import { Certificate as CertificateSchema, PaperCopy as PaperCopySchema } from '@socle/domain';
import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { keys } from '../keys.ts';
import { INDEXES, tableName } from '../table.ts';
import { itemReader } from './storedItem.ts';

const certificateIndexes = {
  bySession: INDEXES.certificatesBySession,
  byYear: INDEXES.certificatesByYear,
  byTenant: INDEXES.certificatesByTenant,
  paperCopiesByStatus: INDEXES.paperCopiesByStatus,
} as const;

/** A paper copy's journey: requested by the network, printed then sent by the national body. */
type PaperCopy = z.output<typeof PaperCopySchema>;
/** Where a paper copy goes (gone from a sent copy once the holder's data was erased). */
type PaperCopyRecipient = NonNullable<PaperCopy['recipient']>;

/** The holder as issued, in full (the closing copies it from the dossier's candidate). */
const IssuedHolder = z.object({ firstName: z.string(), lastName: z.string(), birthDate: z.string() });

/** A certificate as issued, holder in full. */
const IssuedCertificate = CertificateSchema.pick({
  code: true,
  certification: true,
  status: true,
  issuedOn: true,
  region: true,
  sessionId: true,
  tenantId: true,
  dossierId: true,
}).extend({ holder: IssuedHolder });
type Certificate = z.output<typeof IssuedCertificate>;

/**
 * What the register stores: the API's certificate plus what only storage holds, the folded name the
 * register's search filters on. After the candidate's data was erased (data protection), the holder
 * keeps only the first name and the last name's initial (`holderErasedAt` says when).
 */
const CertificateItem = CertificateSchema.extend({
  searchName: z.string().optional(),
  version: z.number().int().optional(),
  /** Its Open Badge status entry, allocated on the first export (credentialStatus.ts). */
  openBadge: z.object({ statusIndex: z.number().int().nonnegative(), identitySalt: z.string() }).optional(),
});
type StoredCertificate = z.output<typeof CertificateItem>;
type CertificateHolder = StoredCertificate['holder'];
type OpenBadgeEntry = NonNullable<StoredCertificate['openBadge']>;

const certificateFromItem = itemReader('certificate', CertificateItem);

/** Paper copies waiting at a step, oldest request first (gsi4 "paperCopiesByStatus"). */
const paperCopiesQuery = (status: 'requested' | 'printed'): QueryCommandInput => {
  const queue = keys.paperCopiesByStatus(status);
  return {
    TableName: tableName(),
    IndexName: queue.index,
    KeyConditionExpression: `${queue.index}pk = :pk`,
    ExpressionAttributeValues: { ':pk': queue.pk },
  };
};

export type {
  Certificate,
  CertificateHolder,
  OpenBadgeEntry,
  PaperCopy,
  PaperCopyRecipient,
  StoredCertificate,
};
export {
  CertificateItem,
  IssuedCertificate,
  PaperCopySchema,
  certificateFromItem,
  certificateIndexes,
  paperCopiesQuery,
};
