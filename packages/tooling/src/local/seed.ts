/**
 * Seeds the demo through the real data-layer functions (the same code paths as the API), so the
 * demo never holds an item the product could not have written, and its monitoring counters are
 * the ones those functions wrote. Dossiers are opened all along the last 26 months in four networks
 * and eight regions (two overseas); the older a dossier, the further along its path, each step at
 * the date it would have happened. The networks are seeded side by side, then the regional juries.
 */
import {
  advancePaperCopy,
  createOrganism,
  createPlatformLogin,
  createTenant,
  findCertificate,
  getDossier,
  getDossierDetail,
  importReferentiel,
  inviteUser,
  openDossier,
  platformScopeFor,
  publishReferentiel,
  putDataProtectionSettings,
  requestPaperCopy,
  revokeCertificate,
  sweepExpiredDossiers,
  withdrawDossier,
  actingOn,
} from '@socle/data';
import type { StoredReferentiel, WriteContext } from '@socle/data';
import {
  CURRENT_CONSENT_TEXT_VERSION,
  candidateStatuses,
  clockAt,
  fundings,
  prescribers,
} from '@socle/domain';
import type { Organism, Principal } from '@socle/domain';
import { ulid } from 'ulid';
import { shippedClea, shippedCleaNumerique } from '@socle/domain/shipped';
import { NATIONAL_ADMIN, demoNetworks, firstNames, lastNames, streets } from './demoData.ts';
import type { DemoNetwork } from './demoData.ts';
import { seedRegionJury } from './seedJuries.ts';
import type { EligibleDossier, IssuedCertificate } from './seedJuries.ts';
import { Stage, bringToStage, pathDatesOf, reachableStage } from './seedPaths.ts';
import { prng } from './prng.ts';

const DAY = 86_400_000;

/** Regular dossiers are opened over this many days before today. */
const SPAN_DAYS = 800;
const DEFAULT_DOSSIERS_PER_NETWORK = 36;

/**
 * The stage a regular dossier is meant to reach, by its age: recent ones are at the start of their
 * path, most older ones went to the jury, a few are still in training. `reachableStage` then keeps
 * only steps that lie in the past.
 */
const wantedStage = (ageDays: number, index: number): Stage => {
  const cycle = (stages: Stage[]) => stages[index % stages.length] as Stage;
  if (ageDays < 60)
    return cycle([Stage.OPENED, Stage.ELIGIBLE_AT_ONCE, Stage.TRAINING, Stage.GRID_IN_PROGRESS]);
  if (ageDays < 150)
    return cycle([
      Stage.TRAINING,
      Stage.ELIGIBLE_AT_ONCE,
      Stage.FINAL_IN_PROGRESS,
      Stage.ELIGIBLE_AFTER_TRAINING,
      Stage.TRAINING,
    ]);
  return cycle([
    Stage.ELIGIBLE_AFTER_TRAINING,
    Stage.ELIGIBLE_AT_ONCE,
    Stage.ELIGIBLE_AFTER_TRAINING,
    Stage.TRAINING,
    Stage.ELIGIBLE_AT_ONCE,
    Stage.ELIGIBLE_AFTER_TRAINING,
    Stage.ELIGIBLE_AT_ONCE,
  ]);
};

interface PlannedDossier {
  stage: Stage;
  openedAt: Date;
  withdrawn: boolean;
}

/**
 * A network's dossiers: the first opened a few days ago (still to be evaluated), the others spread
 * over SPAN_DAYS; with enough of them, one withdrawn, one close to its five-year deadline and one
 * past it (opened before the span).
 */
const planDossiers = (count: number, now: Date, random: () => number): PlannedDossier[] => {
  const fiveYears = 5 * 365 * DAY;
  const specials: PlannedDossier[] =
    count >= 12
      ? [
          {
            stage: Stage.NEAR_DEADLINE,
            openedAt: new Date(now.getTime() - fiveYears + 100 * DAY),
            withdrawn: false,
          },
          {
            stage: Stage.EXPIRED,
            openedAt: new Date(now.getTime() - fiveYears - 60 * DAY),
            withdrawn: false,
          },
        ]
      : [];
  const regular = count - specials.length;
  const spacing = SPAN_DAYS / Math.max(1, regular);
  const planned: PlannedDossier[] = [];
  for (let i = 0; i < regular; i++) {
    const ageDays = i === 0 ? 1 + random() * 5 : 1 + (i + 0.1 + 0.8 * random()) * spacing;
    planned.push({
      stage: wantedStage(ageDays, i),
      openedAt: new Date(now.getTime() - Math.floor(ageDays * DAY)),
      withdrawn: i === 3,
    });
  }
  return [...planned, ...specials];
};

interface NetworkSeed {
  logins: SeedSummary['logins'];
  eligible: EligibleDossier[];
  dossiers: number;
  /** Regions of the network's dossiers. */
  regions: Set<string>;
}

/** One network: the tenant, its organisms and staff, and its dossiers along their paths. */
const seedNetwork = async (
  network: DemoNetwork,
  seedNumber: number,
  {
    national,
    referentiel,
    now,
    count,
  }: { national: Principal; referentiel: StoredReferentiel; now: Date; count: number },
): Promise<NetworkSeed> => {
  const random = prng(seedNumber);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const result: NetworkSeed = { logins: [], eligible: [], dossiers: 0, regions: new Set() };
  const start = new Date(now.getTime() - (SPAN_DAYS + 30) * DAY);
  const tenant = await createTenant(ctxOf(national, start), {
    name: network.name,
    certifications: network.certifications,
    // Habilitated since CléA began (2015): the demo holds dossiers up to six years old.
    habilitationFrom: '2015-01-01',
    habilitationTo: new Date(now.getTime() + 3 * 365 * DAY).toISOString().slice(0, 10),
  });
  const scope = platformScopeFor(tenant.id);
  const admin = network.staff[0]!;
  const adminPrincipal: Principal = {
    userId: 'seed-admin',
    tenantId: tenant.id,
    roles: ['network_admin'],
    organisms: [],
    name: `${admin.firstName} ${admin.lastName}`,
  };
  const organisms: Organism[] = [];
  const postalCodes = new Map<string, string>();
  for (const { postalCode, ...fields } of network.organisms) {
    const organism = await createOrganism(actingOn(ctxOf(adminPrincipal, start), scope), fields);
    organisms.push(organism);
    postalCodes.set(organism.id, postalCode);
  }
  const advisors: Principal[] = [];
  const staffPrincipals: Record<string, Principal> = {};
  for (const member of network.staff) {
    const accreditations = member.roles
      .filter((r) => r === 'evaluator' || r === 'trainer')
      .map((role) => ({
        role: role as 'evaluator' | 'trainer',
        certification: 'clea' as const,
        from: '2015-01-01',
        to: null,
      }));
    const user = await inviteUser(actingOn(ctxOf(adminPrincipal, start), scope), {
      email: member.email,
      firstName: member.firstName,
      lastName: member.lastName,
      roles: member.roles,
      organisms: member.organisms.map((i) => organisms[i]!.id),
      accreditations,
    });
    result.logins.push({ email: member.email, roles: member.roles, network: network.name });
    const principal: Principal = {
      userId: user.id,
      tenantId: tenant.id,
      roles: user.roles,
      organisms: user.organisms,
      name: `${user.firstName} ${user.lastName}`,
    };
    staffPrincipals[member.email] = principal;
    if (member.roles.includes('advisor')) advisors.push(principal);
  }

  const evaluationSites = organisms.filter((o) => o.capabilities.includes('evaluation'));
  const evaluator = staffPrincipals[`eval@${network.slug}.demo`] as Principal;
  const trainer = staffPrincipals[`formation@${network.slug}.demo`] as Principal;
  const trainingSites = organisms.filter(
    (o) => trainer.organisms.includes(o.id) && o.capabilities.includes('training'),
  );
  for (const planned of planDossiers(count, now, random)) {
    const advisor = pick(advisors);
    const site = pick(
      evaluationSites.filter((o) => advisor.organisms.includes(o.id) && evaluator.organisms.includes(o.id)),
    );
    // Trained near home when the network trains in the region.
    const trainingSite = trainingSites.find((o) => o.region === site.region) ?? trainingSites[0];
    const { openedAt } = planned;
    const candidateStatus = pick(candidateStatuses);
    const firstName = pick(firstNames);
    const lastName = pick(lastNames);
    const birthYear = 1965 + Math.floor(random() * 40);
    const { dossier } = await openDossier(actingOn(ctxOf(advisor, openedAt), scope), {
      candidate: {
        firstName,
        lastName,
        birthDate: `${birthYear}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
        email: `${`${firstName}.${lastName}`
          .normalize('NFD')
          .replace(/[^a-zA-Z.]/g, '')
          .toLowerCase()}@exemple.fr`,
        phone: `06 ${String(10 + Math.floor(random() * 89))} ${String(10 + Math.floor(random() * 89))} ${String(10 + Math.floor(random() * 89))} ${String(10 + Math.floor(random() * 89))}`,
        postalCode: postalCodes.get(site.id) ?? null,
        city: site.city ?? null,
      },
      dossier: {
        certification: 'clea',
        organismId: site.id,
        candidateStatus,
        prescriber: pick(prescribers),
        funding: pick(fundings),
        onWorkingTime: candidateStatus === 'employee' && random() < 0.5,
        modules: random() < 0.2 ? ['digital_uses'] : [],
        experience: 'Expérience professionnelle de plusieurs années (logistique, commerce ou services).',
        consent: { given: true, textVersion: CURRENT_CONSENT_TEXT_VERSION },
      },
    });
    result.dossiers++;
    if (planned.withdrawn) {
      await withdrawDossier(
        actingOn(ctxOf(advisor, new Date(Math.min(now.getTime(), openedAt.getTime() + 20 * DAY))), scope),
        dossier.id,
        {
          version: dossier.version,
          reason: 'Le candidat a retrouvé un emploi et reporte son parcours.',
        },
      );
      continue;
    }
    const dates = pathDatesOf(openedAt, random);
    const actors = {
      scope,
      evaluator,
      trainer,
      trainingOrganismId: trainingSite?.id ?? '',
      referentiel,
      random,
    };
    const { eligibleAt } = await bringToStage(
      actors,
      dossier.id,
      dates,
      reachableStage(planned.stage, dates, now),
      now,
    );
    result.regions.add(dossier.region);
    if (eligibleAt) {
      result.eligible.push({
        scope,
        network: network.slug,
        dossierId: dossier.id,
        region: dossier.region,
        advisor,
        eligibleAt,
      });
    }
  }
  return result;
};

/**
 * Paper copies at each step (requested by the network, printed, sent by the national body) and one
 * revoked certificate, on certificates of Réseau Alpha, Compétences Ouest and GRETA Sud.
 */
const seedCertificateFollowUp = async (national: Principal, issued: IssuedCertificate[], now: Date) => {
  const ofNetwork = (slug: string) =>
    issued
      .filter((c) => c.dossier.network === slug)
      .sort((a, b) => b.sessionDate.getTime() - a.sessionDate.getTime());
  const steps: [IssuedCertificate | undefined, ('printed' | 'sent')[]][] = [
    [ofNetwork('alpha')[0], []],
    [ofNetwork('alpha')[1], ['printed', 'sent']],
    [ofNetwork('ouest')[0], ['printed']],
  ];
  const later = (from: Date, days: number) =>
    new Date(Math.min(now.getTime() - 3600_000, from.getTime() + days * DAY));
  let paperCopies = 0;
  for (const [index, [issuedCertificate, moves]] of steps.entries()) {
    if (!issuedCertificate) continue;
    const { dossier: d, sessionDate } = issuedCertificate;
    const { dossier, candidate } = await getDossierDetail(
      actingOn(ctxOf(national, now), d.scope),
      d.dossierId,
    );
    const certificate = await findCertificate(String(dossier.certificateCode));
    if (!certificate || !candidate.postalCode || !candidate.city) continue;
    await requestPaperCopy(ctxOf(d.advisor, later(sessionDate, 8)), certificate, {
      name: `${candidate.firstName} ${candidate.lastName}`,
      addressLine: streets[index % streets.length] as string,
      postalCode: candidate.postalCode,
      city: candidate.city,
    });
    for (const [step, move] of moves.entries())
      await advancePaperCopy(ctxOf(national, later(sessionDate, 15 + 5 * step)), certificate.code, move);
    paperCopies++;
  }
  const revoked = ofNetwork('sud').at(-1);
  if (revoked) {
    const dossier = await getDossier(revoked.dossier.scope, revoked.dossier.dossierId, undefined, now);
    await revokeCertificate(
      ctxOf(national, later(revoked.sessionDate, 90)),
      String(dossier.certificateCode),
      'Fraude constatée après la délivrance : substitution de personne lors de l’évaluation.',
    );
  }
  return { paperCopies, revoked: revoked ? 1 : 0 };
};

interface SeedSummary {
  logins: { email: string; roles: string[]; network?: string }[];
  dossiers: number;
  certificates: number;
  adjournments: number;
  closedSessions: number;
  upcomingSessions: number;
  regions: string[];
  paperCopies: number;
  revoked: number;
}

/** The demo's retention (years): short enough for the 26 months of the demo to hold due erasures. */
const DEMO_RETENTION_YEARS = 1;

const ctxOf = (principal: Principal, at: Date): WriteContext => ({
  principal,
  requestId: 'seed',
  clock: clockAt(at),
});

const seedDemo = async ({
  now = new Date(),
  dossiersPerNetwork = DEFAULT_DOSSIERS_PER_NETWORK,
} = {}): Promise<SeedSummary> => {
  const nationalId = ulid(now.getTime() - 800 * DAY);
  const national: Principal = {
    userId: nationalId,
    roles: ['national_admin'],
    organisms: [],
    name: 'Nadia Benali',
  };
  await createPlatformLogin(ctxOf(national, now), {
    userId: nationalId,
    email: NATIONAL_ADMIN.email,
    name: `${NATIONAL_ADMIN.firstName} ${NATIONAL_ADMIN.lastName}`,
    roles: ['national_admin'],
    organisms: [],
  });

  // The retention: the demo spans 26 months, so under the default 3 years no candidate would be due
  // for erasure yet. The national admin set 1 year (through the real setting, audited), so the
  // network admins' "données à effacer" lists hold the candidates certified more than a year ago.
  await putDataProtectionSettings(ctxOf(national, new Date(now.getTime() - 790 * DAY)), {
    retentionYears: DEMO_RETENTION_YEARS,
  });

  // The référentiels: CléA published (dossiers pin it), CléA numérique a draft of its 4 titles
  // (its criteria are not public: it cannot be published, so the demo holds CléA dossiers only).
  const referentielAt = new Date(now.getTime() - 6 * 365 * DAY);
  const clea = await importReferentiel(ctxOf(national, referentielAt), shippedClea);
  const referentiel = await publishReferentiel(ctxOf(national, referentielAt), clea.id, {
    version: clea.version,
  });
  await importReferentiel(ctxOf(national, referentielAt), shippedCleaNumerique);

  // The networks side by side, each with its own random sequence: the interleaving changes nothing.
  const networks = await Promise.all(
    demoNetworks.map((network, index) =>
      seedNetwork(network, 2015 + index, { national, referentiel, now, count: dossiersPerNetwork }),
    ),
  );
  await sweepExpiredDossiers({ today: now.toISOString().slice(0, 10), monthsBack: 120, now });

  // The regional juries side by side: each only touches its own region's dossiers and sessions.
  const eligible = networks.flatMap((n) => n.eligible);
  const regions = [...new Set(eligible.map((d) => d.region))].sort();
  const juries = await Promise.all(
    regions.map((region, index) =>
      seedRegionJury(
        national,
        region,
        eligible.filter((d) => d.region === region),
        now,
        prng(7000 + index),
      ),
    ),
  );
  const issued = juries.flatMap((j) => j.certificates);
  const followUp = await seedCertificateFollowUp(national, issued, now);
  return {
    logins: [
      { email: NATIONAL_ADMIN.email, roles: ['national_admin'] },
      ...networks.flatMap((n) => n.logins),
      ...juries.flatMap((j) => j.logins),
    ],
    dossiers: networks.reduce((sum, n) => sum + n.dossiers, 0),
    certificates: issued.length,
    adjournments: juries.reduce((sum, j) => sum + j.adjournments, 0),
    closedSessions: juries.reduce((sum, j) => sum + j.closedSessions, 0),
    upcomingSessions: juries.reduce((sum, j) => sum + j.upcomingSessions, 0),
    regions: [...new Set(networks.flatMap((n) => [...n.regions]))].sort(),
    ...followUp,
  };
};

export type { SeedSummary };
export { DEMO_RETENTION_YEARS, seedDemo };
