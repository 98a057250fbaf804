/** Building blocks shared by every schema: ids, dates, pagination, versions, error bodies. */
import * as z from 'zod';
import regionsData from '../../data/regions.json' with { type: 'json' };

/** ULID: 26 Crockford base32 symbols, sortable by creation time. */
const Id = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, { error: 'identifiant invalide (ULID attendu)' });

const IsoDate = z.iso.date({ error: 'date invalide (AAAA-MM-JJ attendu)' });
const IsoDateTime = z.iso.datetime({ offset: true, error: 'horodatage ISO 8601 invalide' });

/** Trimmed, non-empty, bounded text: the default for names typed by people. */
const Text = (max = 200) =>
  z
    .string()
    .trim()
    .min(1, { error: 'champ obligatoire' })
    .max(max, { error: `${max} caractères au maximum` });

const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'adresse e-mail invalide' }));

const regions = regionsData.regions;
const regionCodes = regions.map((r) => r.code) as [string, ...string[]];

/** A region as documents show it: `{ code, name }` (the code again when it is unknown). */
const regionOf = (code: string) => ({ code, name: regions.find((r) => r.code === code)?.name ?? code });
/** INSEE region code (2 characters), one of the 18 regions. */
const RegionCode = z.enum(regionCodes, { error: 'code de région INSEE inconnu' });

/** Optimistic concurrency: every edit names the version it was based on. */
const Version = z.number({ error: 'version requise (nombre entier)' }).int().min(1);

/** Fields every stored record carries. */
const RecordMeta = z.object({
  version: z.number().int(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});

/** Query string of list routes: an opaque cursor and a page size. */
const PageQuery = z.object({
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), cursor: z.string().optional() });

const IdParam = <N extends string>(name: N) => z.object({ [name]: Id } as Record<N, typeof Id>);

const ErrorBody = z.object({
  error: z.string(),
  message: z.string(),
  fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  currentStatus: z.string().optional(),
  currentVersion: z.number().optional(),
  /** A refused duplicate opening: the person's dossiers in the network, to show and link to. */
  existingDossiers: z
    .array(
      z.object({
        dossierId: z.string(),
        status: z.string(),
        openedAt: z.string(),
        certification: z.string(),
      }),
    )
    .optional(),
});

export {
  Email,
  ErrorBody,
  Id,
  IdParam,
  IsoDate,
  IsoDateTime,
  PageQuery,
  RecordMeta,
  RegionCode,
  Text,
  Version,
  page,
  regionOf,
  regions,
};
