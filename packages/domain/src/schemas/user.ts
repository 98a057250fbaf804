/** Staff of a network: roles, organisms they work for, and evaluator/trainer accreditations. */
import * as z from 'zod';
import { UserStatus, certifications, tenantRoles } from '../constants.ts';
import { Email, Id, IsoDate, RecordMeta, Text, Version } from './common.ts';

const Accreditation = z
  .object({
    role: z.enum(['evaluator', 'trainer'], { error: 'évaluateur ou formateur' }),
    certification: z.enum(certifications),
    from: IsoDate,
    to: IsoDate.nullable().optional(),
  })
  .refine((a) => !a.to || a.to >= a.from, { error: 'la fin doit suivre le début', path: ['to'] });

const RoleList = z
  .array(z.enum(tenantRoles))
  .min(1, { error: 'au moins un rôle' })
  .refine((l) => new Set(l).size === l.length, { error: 'rôle en double' });

const OrganismIds = z
  .array(Id)
  .max(50)
  .refine((l) => new Set(l).size === l.length, { error: 'organisme en double' });

const UserFields = z.object({
  email: Email,
  firstName: Text(100),
  lastName: Text(100),
  roles: RoleList,
  organisms: OrganismIds,
  accreditations: z.array(Accreditation).max(20),
});

/** Evaluators and trainers need an accreditation for their role; advisors, evaluators and trainers need an organism. */
const staffRules = (
  u: { roles?: string[]; organisms?: string[]; accreditations?: { role: string }[] },
  ctx: z.RefinementCtx,
) => {
  const roles = u.roles ?? [];
  for (const role of ['evaluator', 'trainer'] as const) {
    if (roles.includes(role) && !(u.accreditations ?? []).some((a) => a.role === role)) {
      ctx.addIssue({
        code: 'custom',
        path: ['accreditations'],
        message: `une habilitation « ${role === 'evaluator' ? 'évaluateur' : 'formateur'} » est requise pour ce rôle`,
      });
    }
  }
  const needsOrganism = roles.some((r) => r !== 'network_admin');
  if (needsOrganism && (u.organisms ?? []).length === 0) {
    ctx.addIssue({ code: 'custom', path: ['organisms'], message: 'au moins un organisme pour ce rôle' });
  }
};

const UserInvite = UserFields.extend({
  organisms: OrganismIds.default([]),
  accreditations: UserFields.shape.accreditations.default([]),
}).superRefine(staffRules);

// No defaults here: a field left out of an edit keeps its stored value.
const UserUpdate = UserFields.omit({ email: true })
  .partial()
  .extend({ version: Version, status: z.enum([UserStatus.ACTIVE, UserStatus.DISABLED]).optional() });

/** The first administrator of a network, invited by the national admin. */
const NetworkAdminInvite = z.object({ email: Email, firstName: Text(100), lastName: Text(100) });

const User = z.object({
  id: Id,
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  roles: z.array(z.enum(tenantRoles)),
  organisms: z.array(Id),
  accreditations: z.array(Accreditation),
  status: z.enum([UserStatus.ACTIVE, UserStatus.DISABLED]),
  ...RecordMeta.shape,
});

type User = z.infer<typeof User>;
type UserInvite = z.infer<typeof UserInvite>;
type UserUpdate = z.infer<typeof UserUpdate>;
type Accreditation = z.infer<typeof Accreditation>;

export { Accreditation, NetworkAdminInvite, User, UserInvite, UserUpdate, staffRules };
