/**
 * A national-scale dataset (issue 15, SPEC §8), generated item by item: networks across the 18
 * regions, their organisms, ten years of dossiers at every stage with their candidates, audited
 * events and certificates, the regional juries' closed sessions, and the monitoring counters of
 * those events. Every item is built with the data layer's key builders and item builders and
 * parsed with its entity schema before it is yielded, so it is what the product would have
 * written; counters are summed with the domain's `countersOfEvent` from the very events written,
 * so `rebuild-counters` finds no drift. Deterministic: the same seed gives the same items.
 *
 * Not generated (the read paths measured do not need them): staff users and jury members (ids only),
 * evaluations and training plans (the dossier's summary fields are set), pipeline and agenda items,
 * paper copies and Open Badges entries, the events that count nothing besides withdrawals.
 */
import {
  dossierItemOf,
  findCurrentReferentielId,
  importReferentiel,
  keys,
  platformScopeFor,
  publishReferentiel,
  sessionItem,
  dossierIdentityHash,
} from '@socle/data';
import type { WriteContext } from '@socle/data';
import { AuditEventItem } from '@socle/data/entities/auditEvent';
import { CandidateItem } from '@socle/data/entities/candidate';
import { CertificateItem } from '@socle/data/entities/certificate';
import { DossierItem } from '@socle/data/entities/dossier';
import { JurySessionItem } from '@socle/data/entities/jury';
import { OrganismItem } from '@socle/data/entities/organism';
import { TenantItem } from '@socle/data/entities/tenant';
import {
  type CounterIncrement,
  type Dossier,
  type DossierStatus,
  accumulate,
  candidateStatuses,
  certificateCodeFrom,
  clockAt,
  countersOfEvent,
  deadlineFrom,
  dormancyOf,
  foldForSearch,
  fundings,
  prescribers,
  regions,
} from '@socle/domain';
import { shippedClea } from '@socle/domain/shipped';
import { ulid } from 'ulid';
import { createBatchWriter } from './batchWriter.ts';
import type { WriteStats } from './batchWriter.ts';
import { firstNames, lastNames } from './demoData.ts';
import { prng } from './prng.ts';

type Item = Record<string, unknown>;

const DAY = 86_400_000;
const YEARS = 10;
/** SPEC §8 at scale 1. */
const NATIONAL = { networks: 300, organismsPerNetwork: 5, dossiersPerYear: 50_000 } as const;

interface ScaleShape {
  networks: number;
  organismsPerNetwork: number;
  dossiers: number;
  years: number;
}

/** The dataset's size at a scale (1 = SPEC §8); never fewer networks than regions need to be covered. */
const scaleShape = (scale: number): ScaleShape => ({
  networks: Math.max(4, Math.round(NATIONAL.networks * scale)),
  organismsPerNetwork: NATIONAL.organismsPerNetwork,
  dossiers: Math.max(200, Math.round(NATIONAL.dossiersPerYear * YEARS * scale)),
  years: YEARS,
});

const regionCodes = regions.map((r) => r.code);
const iso = (ms: number) => new Date(ms).toISOString();
const dayOf = (ms: number) => iso(ms).slice(0, 10);

/** Each region's jury sits once a month, on the 15th (Paris morning); the closing happens that day. */
const sessionDateAfter = (ms: number): number => {
  const date = new Date(ms);
  const candidate = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 15, 8);
  return candidate >= ms ? candidate : Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 15, 8);
};

interface SessionTally {
  region: string;
  at: number;
  id: string;
  certified: number;
  adjourned: number;
}

interface DatasetSummary {
  networks: number;
  organisms: number;
  dossiers: number;
  byStatus: Record<string, number>;
  certificates: number;
  sessions: number;
  counterCells: number;
  auditEvents: number;
}

interface DatasetOptions {
  scale: number;
  seed: number;
  now: Date;
  /** The published référentiel dossiers are pinned to. */
  referentielId: string;
}

/** The national admin as the audit trails name them. */
const SEED_ACTOR = { name: 'Jeu de données national', roles: ['advisor'] };

/**
 * The dataset, one item at a time (networks one after the other, sessions last): the caller writes
 * them as they come, so memory holds one network's counters and the sessions' tallies only.
 */
function* scaleDataset(options: DatasetOptions, summary: DatasetSummary): Generator<Item> {
  const { scale, seed, now, referentielId } = options;
  const shape = scaleShape(scale);
  const nowMs = now.getTime();
  const start = nowMs - shape.years * 365 * DAY;
  const sessions = new Map<string, SessionTally>();
  const sessionOf = (region: string, at: number): SessionTally => {
    const key = `${region}#${at}`;
    let session = sessions.get(key);
    if (!session) {
      // Its id depends on region and date only: the same session whichever network meets it first.
      session = {
        region,
        at,
        id: ulid(at - 30 * DAY, prng(seed ^ (at / 3_600_000 + Number(region)))),
        certified: 0,
        adjourned: 0,
      };
      sessions.set(key, session);
    }
    return session;
  };
  // Uneven networks, as in reality: a few large ones, many small ones.
  const weights = Array.from({ length: shape.networks }, (_, n) => 1 / (1 + (n % 20)));
  const totalWeight = weights.reduce((a, b) => a + b, 0);

  for (let n = 0; n < shape.networks; n++) {
    const random = prng(seed * 1_000_003 + n);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const createdAt = iso(start - 30 * DAY + n * 60_000);
    const tenantId = ulid(Date.parse(createdAt), random);
    const scope = platformScopeFor(tenantId);
    const home = n % regionCodes.length;
    const networkRegions = [
      ...new Set([home, (home + 7) % regionCodes.length, (home + 11) % regionCodes.length]),
    ]
      .slice(0, 1 + (n % 3))
      .map((i) => regionCodes[i] as string);
    const tenant = TenantItem.parse({
      id: tenantId,
      name: `Réseau ${String(n + 1).padStart(3, '0')}`,
      certifications: ['clea'],
      habilitationFrom: '2015-01-01',
      habilitationTo: null,
      regions: networkRegions,
      status: 'active',
      version: 1,
      createdAt,
      updatedAt: createdAt,
    });
    yield {
      ...keys.tenant(tenantId),
      ...keys.tenantsByName(tenant.name, tenantId),
      itemType: 'Tenant',
      ...tenant,
    };
    summary.networks += 1;

    const organisms = Array.from({ length: shape.organismsPerNetwork }, (_, o) => {
      const organism = OrganismItem.parse({
        id: ulid(Date.parse(createdAt) + o, random),
        name: `Organisme ${o + 1} du réseau ${n + 1}`,
        siret: null,
        region: networkRegions[o % networkRegions.length],
        capabilities: o % 2 === 0 ? ['evaluation', 'training'] : ['evaluation'],
        city: null,
        active: true,
        version: 1,
        createdAt,
        updatedAt: createdAt,
      });
      return organism;
    });
    for (const organism of organisms)
      yield { ...keys.organism(scope, organism.id), itemType: 'Organism', ...organism };
    summary.organisms += organisms.length;

    const advisorId = ulid(Date.parse(createdAt), random);
    const trainingSite = organisms.find((o) => o.capabilities.includes('training'));
    const cells = new Map<string, CounterIncrement>();
    const dossiers = Math.round((shape.dossiers * (weights[n] as number)) / totalWeight);
    for (let d = 0; d < dossiers; d++) {
      const organism = pick(organisms);
      const openedMs = start + Math.floor(random() * (nowMs - start - DAY));
      const id = ulid(openedMs, random);
      const firstName = pick(firstNames);
      const lastName = pick(lastNames);
      const identity = {
        firstName,
        lastName,
        birthDate: `${1965 + Math.floor(random() * 40)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
      };
      const candidateId = ulid(openedMs, random);
      const events: { action: string; at: number; fromStatus?: string; toStatus?: string }[] = [
        { action: 'dossier.opened', at: openedMs, toStatus: 'opened' },
      ];
      let status = 'opened' as DossierStatus; // widened: moveTo changes it
      const fields: Partial<Dossier> = {};
      const moveTo = (action: string, at: number, to: DossierStatus) => {
        events.push({ action, at, fromStatus: status, toStatus: to });
        status = to;
      };
      // The path, each step at its date, stopped at the first step still in the future.
      const prelimMs = openedMs + (3 + random() * 25) * DAY;
      const withdrawMs = random() < 0.06 ? openedMs + (10 + random() * 200) * DAY : Number.POSITIVE_INFINITY;
      let eligibleMs: number | undefined;
      let sessionMs: number | undefined;
      if (prelimMs <= nowMs && prelimMs < withdrawMs) {
        const atOnce = random() < 0.35;
        moveTo('dossier.complete_preliminary', prelimMs, atOnce ? 'eligible' : 'in_training');
        fields.preliminaryEvaluatedOn = dayOf(prelimMs);
        fields.lastEvaluatedOn = dayOf(prelimMs);
        fields.deadline = deadlineFrom(dayOf(prelimMs), 5);
        fields.acquiredCriteria = atOnce ? ['1.1', '1.2'] : ['1.1'];
        if (atOnce) eligibleMs = prelimMs;
        else {
          const planMs = prelimMs + (5 + random() * 20) * DAY;
          if (planMs <= nowMs) {
            events.push({ action: 'training_plan.created', at: planMs });
            fields.trainingOrganismId = trainingSite?.id ?? null;
          }
          const finalMs = planMs + (40 + random() * 150) * DAY;
          if (finalMs <= nowMs && finalMs < withdrawMs) {
            moveTo('dossier.complete_final', finalMs, 'eligible');
            fields.lastEvaluatedOn = dayOf(finalMs);
            eligibleMs = finalMs;
          } else if (fields.deadline < dayOf(nowMs) && withdrawMs > nowMs) {
            // Swept on its deadline (expiry counts nothing).
            moveTo('dossier.expire', Date.parse(`${fields.deadline}T02:00:00Z`), 'expired');
          }
        }
      }
      if (eligibleMs !== undefined) {
        const submittedMs = eligibleMs + (5 + random() * 30) * DAY;
        sessionMs = sessionDateAfter(submittedMs + 7 * DAY);
        if (sessionMs <= nowMs && sessionMs < withdrawMs) {
          events.push({ action: 'dossier.submitted_to_jury', at: submittedMs });
          moveTo('dossier.add_to_agenda', submittedMs + DAY, 'on_jury_agenda');
          const certified = random() < 0.88;
          moveTo(
            certified ? 'dossier.certify' : 'dossier.adjourn',
            sessionMs,
            certified ? 'certified' : 'adjourned',
          );
          fields.juryPresentations = 1;
          // An adjourned candidate who never came back is swept on the deadline.
          if (
            !certified &&
            fields.deadline &&
            fields.deadline < dayOf(nowMs) &&
            Date.parse(fields.deadline) > sessionMs
          )
            moveTo('dossier.expire', Date.parse(`${fields.deadline}T02:00:00Z`), 'expired');
        } else sessionMs = undefined;
      }
      if (withdrawMs <= nowMs && status !== 'certified' && status !== 'expired') {
        fields.statusBeforeWithdrawal = status;
        fields.withdrawalReason = 'Le candidat a retrouvé un emploi et reporte son parcours.';
        moveTo(
          'dossier.withdraw',
          Math.min(nowMs, Math.max(withdrawMs, (events.at(-1) as { at: number }).at + DAY)),
          'withdrawn',
        );
      }

      const lastMs = (events.at(-1) as { at: number }).at;
      const session = sessionMs === undefined ? undefined : sessionOf(organism.region, sessionMs);
      let certificateCode: string | undefined;
      if (session && status === 'certified') {
        certificateCode = certificateCodeFrom(
          'clea',
          Uint8Array.from({ length: 8 }, () => Math.floor(random() * 256)),
        );
      }
      if (session) {
        const decision = certificateCode ? 'certified' : 'adjourned';
        session[decision] += 1;
        fields.juryDecision = {
          decision,
          reason: certificateCode ? null : 'Compétences 3 et 5 à consolider.',
          sessionDate: dayOf(session.at),
        };
        if (certificateCode) fields.certificateCode = certificateCode;
      }
      const dossier = DossierItem.parse({
        id,
        candidateId,
        candidate: identity,
        certification: 'clea',
        organismId: organism.id,
        region: organism.region,
        advisorId,
        status,
        consent: { givenAt: iso(openedMs), textVersion: 'v1', recordedBy: advisorId },
        candidateStatus: pick(candidateStatuses),
        prescriber: pick(prescribers),
        funding: pick(fundings),
        onWorkingTime: false,
        modules: [],
        experience: 'Expérience professionnelle de plusieurs années (logistique, commerce ou services).',
        openedAt: iso(openedMs),
        statusChangedAt: iso(lastMs),
        referentielId,
        ...fields,
        version: events.length,
        createdAt: iso(openedMs),
        updatedAt: iso(lastMs),
      });
      const { searchName: _folded, ...record } = dossier;
      yield dossierItemOf(scope, record as Dossier);
      const candidate = CandidateItem.parse({
        id: candidateId,
        ...identity,
        email: null,
        phone: null,
        postalCode: null,
        city: null,
        version: 1,
      });
      // Every dossier of theirs closed: the candidate is in the "data to erase" index (dormantCandidates.ts).
      const dormancy = dormancyOf([dossier]);
      yield {
        ...keys.candidate(scope, candidateId),
        ...(dormancy
          ? keys.dormantCandidate(scope, dormancy.lastActivityOn, candidateId, dormancy.dossierId)
          : {}),
        itemType: 'Candidate',
        ...candidate,
      };
      yield {
        ...keys.candidateDossier(scope, candidateId, id),
        ...keys.dossierIdentity(scope, dossierIdentityHash(scope, identity), id),
        itemType: 'CandidateDossier',
        dossierId: id,
      };
      for (const event of events) {
        event.at = Math.floor(event.at);
        const at = iso(event.at);
        const audit = AuditEventItem.parse({
          id: ulid(event.at, random),
          at,
          action: event.action,
          actor: { userId: advisorId, ...SEED_ACTOR },
          entity: { type: 'dossier', id },
          ...(event.fromStatus ? { fromStatus: event.fromStatus } : {}),
          ...(event.toStatus ? { toStatus: event.toStatus } : {}),
          requestId: 'seed-scale',
        });
        yield { ...keys.dossierAudit(scope, id, at, audit.id), itemType: 'AuditEvent', ...audit };
        const increment = countersOfEvent(
          { action: event.action, at, toStatus: event.toStatus },
          { tenantId, ...dossier },
        );
        if (increment) accumulate(cells, increment);
      }
      summary.auditEvents += events.length;
      if (certificateCode && session) {
        const certificate = CertificateItem.parse({
          code: certificateCode,
          certification: 'clea',
          status: 'valid',
          issuedOn: dayOf(session.at),
          region: session.region,
          sessionId: session.id,
          tenantId,
          dossierId: id,
          holder: identity,
        });
        yield {
          ...keys.certificate(certificateCode),
          ...keys.certificatesBySession(session.id, certificateCode),
          ...keys.certificateListings(tenantId, certificate.issuedOn, certificateCode),
          searchName: foldForSearch(`${lastName} ${firstName}`),
          itemType: 'Certificate',
          ...certificate,
        };
        yield {
          ...keys.dossierCertificate(scope, id),
          itemType: 'DossierCertificate',
          code: certificateCode,
          sessionId: session.id,
        };
        summary.certificates += 1;
      }
      summary.dossiers += 1;
      summary.byStatus[status] = (summary.byStatus[status] ?? 0) + 1;
    }
    // What the events' transactions would have ADDed, as one item per cell (counters.ts `counterUpdate`).
    for (const { cell, increments } of cells.values())
      yield { ...keys.counterCell(cell), itemType: 'Counter', ...cell, ...increments };
    summary.counterCells += cells.size;
  }

  for (const tally of sessions.values()) {
    const date = dayOf(tally.at);
    const members = [
      ulid(start, prng(Number(tally.region))),
      ulid(start + 1, prng(Number(tally.region) + 100)),
    ];
    const session = JurySessionItem.parse({
      id: tally.id,
      region: tally.region,
      date,
      startTime: '09:30',
      place: 'Maison de la formation',
      videoLink: null,
      memberIds: members,
      status: 'closed',
      presentMemberIds: members,
      openedAt: iso(tally.at),
      closedAt: iso(tally.at + 4 * 3_600_000),
      summary: { certified: tally.certified, adjourned: tally.adjourned },
      version: 4,
      createdAt: iso(tally.at - 30 * DAY),
      updatedAt: iso(tally.at + 4 * 3_600_000),
    });
    yield sessionItem(session);
  }
  summary.sessions = sessions.size;
}

const emptySummary = (): DatasetSummary => ({
  networks: 0,
  organisms: 0,
  dossiers: 0,
  byStatus: {},
  certificates: 0,
  sessions: 0,
  counterCells: 0,
  auditEvents: 0,
});

export type { DatasetOptions, DatasetSummary, ScaleShape };
export { emptySummary, prng, scaleDataset, scaleShape };

/** The published CléA référentiel, imported and published through the product when the table has none. */
const publishedReferentielId = async (now: Date): Promise<string> => {
  const current = await findCurrentReferentielId('clea');
  if (current) return current;
  const ctx: WriteContext = {
    principal: {
      userId: ulid(now.getTime()),
      roles: ['national_admin'],
      organisms: [],
      name: 'Jeu de données national',
    },
    requestId: 'seed-scale',
    clock: clockAt(new Date(now.getTime() - (YEARS + 1) * 365 * DAY)),
  };
  const imported = await importReferentiel(ctx, shippedClea);
  return (await publishReferentiel(ctx, imported.id, { version: imported.version })).id;
};

interface LoadOptions {
  scale: number;
  seed: number;
  now: Date;
  /** BatchWriteItem calls in flight. */
  concurrency: number;
  onProgress?: (stats: WriteStats, elapsedMs: number) => void;
}

interface LoadReport {
  shape: ScaleShape;
  dataset: DatasetSummary;
  written: WriteStats;
  elapsedMs: number;
}

/** Generates the dataset and writes it to the table of `TABLE_NAME` as it is generated. */
const loadScaleDataset = async ({
  scale,
  seed,
  now,
  concurrency,
  onProgress,
}: LoadOptions): Promise<LoadReport> => {
  const started = performance.now();
  const referentielId = await publishedReferentielId(now);
  const writer = createBatchWriter({
    concurrency,
    onProgress: onProgress && ((stats) => onProgress(stats, performance.now() - started)),
  });
  const dataset = emptySummary();
  for (const item of scaleDataset({ scale, seed, now, referentielId }, dataset)) await writer.put(item);
  const written = await writer.flush();
  return { shape: scaleShape(scale), dataset, written, elapsedMs: performance.now() - started };
};

export type { LoadOptions, LoadReport };
export { loadScaleDataset };
