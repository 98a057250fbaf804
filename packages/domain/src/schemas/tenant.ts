/** A network (tenant): habilitated by the national admin to run CléA and/or CléA numérique. */
import * as z from 'zod';
import { TenantStatus, certifications } from '../constants.ts';
import { Id, IsoDate, RecordMeta, RegionCode, Text, Version } from './common.ts';

const CertificationList = z
  .array(z.enum(certifications))
  .min(1, { error: 'au moins une certification' })
  .refine((l) => new Set(l).size === l.length, { error: 'certification en double' });

/** The regions a network is habilitated in; absent, every region (networks habilitated before regions were recorded). */
const RegionList = z
  .array(RegionCode)
  .min(1, { error: 'au moins une région' })
  .refine((l) => new Set(l).size === l.length, { error: 'région en double' });

const habilitationRange = <T extends { habilitationFrom?: string; habilitationTo?: string | null }>(v: T) =>
  !v.habilitationTo || !v.habilitationFrom || v.habilitationTo >= v.habilitationFrom;
const rangeIssue = { error: 'la fin doit suivre le début', path: ['habilitationTo'] };

const TenantFields = z.object({
  name: Text(120),
  certifications: CertificationList,
  habilitationFrom: IsoDate,
  habilitationTo: IsoDate.nullable().optional(),
  regions: RegionList.optional(),
});

const TenantCreate = TenantFields.refine(habilitationRange, rangeIssue);

const TenantUpdate = TenantFields.partial()
  .extend({ version: Version })
  .refine(habilitationRange, rangeIssue);

const TenantSuspend = z.object({ version: Version, reason: Text(500) });
const VersionOnly = z.object({ version: Version });

const Tenant = z.object({
  id: Id,
  name: z.string(),
  certifications: z.array(z.enum(certifications)),
  habilitationFrom: IsoDate,
  habilitationTo: IsoDate.nullable().optional(),
  regions: z.array(z.string()).optional(),
  status: z.enum([TenantStatus.ACTIVE, TenantStatus.SUSPENDED]),
  suspendedReason: z.string().optional(),
  ...RecordMeta.shape,
});

type Tenant = z.infer<typeof Tenant>;
type TenantCreate = z.infer<typeof TenantCreate>;
type TenantUpdate = z.infer<typeof TenantUpdate>;

export { Tenant, TenantCreate, TenantSuspend, TenantUpdate, VersionOnly };
