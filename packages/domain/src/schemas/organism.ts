/** An organism: an evaluation and/or training site of a network, in one region. */
import * as z from 'zod';
import { organismCapabilities } from '../constants.ts';
import { Id, RecordMeta, RegionCode, Text, Version } from './common.ts';

/** Luhn check of a SIRET, with La Poste's documented exception (digit sum divisible by 5). */
const isValidSiret = (siret: string): boolean => {
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith('356000000')) {
    return [...siret].reduce((s, d) => s + Number(d), 0) % 5 === 0;
  }
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    let d = Number(siret[13 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
};

const Siret = z
  .string()
  .transform((s) => s.replace(/\s/g, ''))
  .refine(isValidSiret, { error: 'SIRET invalide (14 chiffres, clé de contrôle)' });

const Capabilities = z
  .array(z.enum(organismCapabilities))
  .min(1, { error: 'évaluation et/ou formation' })
  .refine((l) => new Set(l).size === l.length, { error: 'valeur en double' });

const OrganismFields = z.object({
  name: Text(160),
  siret: Siret.nullable().optional(),
  region: RegionCode,
  capabilities: Capabilities,
  city: Text(100).nullable().optional(),
});

const OrganismCreate = OrganismFields;
const OrganismUpdate = OrganismFields.partial().extend({
  version: Version,
  active: z.boolean().optional(),
});

const Organism = z.object({
  id: Id,
  name: z.string(),
  siret: z.string().nullable().optional(),
  region: z.string(),
  capabilities: z.array(z.enum(organismCapabilities)),
  city: z.string().nullable().optional(),
  active: z.boolean(),
  ...RecordMeta.shape,
});

type Organism = z.infer<typeof Organism>;
type OrganismCreate = z.infer<typeof OrganismCreate>;
type OrganismUpdate = z.infer<typeof OrganismUpdate>;

export { Organism, OrganismCreate, OrganismUpdate, isValidSiret };
