/**
 * Seeds the demo through the real data-layer functions (the same code paths as the API), so the
 * demo never holds an item the product could not have written.
 */
import {
  createOrganism,
  createPlatformLogin,
  createTenant,
  importReferentiel,
  inviteUser,
  openDossier,
  platformScopeFor,
  publishReferentiel,
  sweepExpiredDossiers,
  withdrawDossier,
} from '@socle/data';
import type { WriteContext } from '@socle/data';
import { CURRENT_CONSENT_TEXT_VERSION, candidateStatuses, fundings, prescribers } from '@socle/domain';
import type { Organism, Principal } from '@socle/domain';
import { ulid } from 'ulid';
import { shippedClea, shippedCleaNumerique } from '@socle/domain/shipped';
import { NATIONAL_ADMIN, demoNetworks, firstNames, lastNames } from './demoData.ts';
import { seedRegionJury } from './seedJuries.ts';
import type { EligibleDossier } from './seedJuries.ts';
import { Stage, bringToStage } from './seedPaths.ts';

/** Small deterministic PRNG (mulberry32): the same demo on every machine. */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const DAY = 86_400_000;

/** Dossiers cycle through every stage of the path; one of each network is withdrawn. */
const STAGES: Stage[] = [
  Stage.OPENED,
  Stage.GRID_IN_PROGRESS,
  Stage.ELIGIBLE_AT_ONCE,
  Stage.TRAINING,
  Stage.OPENED,
  Stage.FINAL_IN_PROGRESS,
  Stage.ELIGIBLE_AFTER_TRAINING,
  Stage.NEAR_DEADLINE,
  Stage.EXPIRED,
  Stage.ELIGIBLE_AT_ONCE,
  Stage.TRAINING,
  Stage.ELIGIBLE_AT_ONCE,
  Stage.ELIGIBLE_AFTER_TRAINING,
];
const WITHDRAWN_INDEX = 4;

/** When a dossier at this stage was opened: old enough for its steps to have happened. */
const openingDate = (stage: Stage, now: Date, random: () => number): Date => {
  const fiveYears = 5 * 365 * DAY;
  if (stage === Stage.NEAR_DEADLINE) return new Date(now.getTime() - fiveYears + 100 * DAY);
  if (stage === Stage.EXPIRED) return new Date(now.getTime() - fiveYears - 60 * DAY);
  const minAge = stage === Stage.OPENED ? 1 : 120;
  return new Date(now.getTime() - (minAge + Math.floor(random() * 580)) * DAY - Math.floor(random() * DAY));
};

interface SeedSummary {
  logins: { email: string; roles: string[]; network?: string }[];
  dossiers: number;
}

const seedDemo = async ({ now = new Date(), dossiersPerNetwork = 17 } = {}): Promise<SeedSummary> => {
  const random = prng(2015);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const summary: SeedSummary = { logins: [], dossiers: 0 };

  const nationalId = ulid(now.getTime() - 800 * DAY);
  const national: Principal = {
    userId: nationalId,
    roles: ['national_admin'],
    organisms: [],
    name: 'Nadia Benali',
  };
  const ctxOf = (principal: Principal, at: Date): WriteContext => ({ principal, requestId: 'seed', now: at });
  await createPlatformLogin(ctxOf(national, now), {
    userId: nationalId,
    email: NATIONAL_ADMIN.email,
    name: `${NATIONAL_ADMIN.firstName} ${NATIONAL_ADMIN.lastName}`,
    roles: ['national_admin'],
    organisms: [],
  });
  summary.logins.push({ email: NATIONAL_ADMIN.email, roles: ['national_admin'] });

  // The référentiels: CléA published (dossiers pin it), CléA numérique a draft of its 4 titles.
  const referentielAt = new Date(now.getTime() - 6 * 365 * DAY);
  const clea = await importReferentiel(ctxOf(national, referentielAt), shippedClea);
  const referentiel = await publishReferentiel(ctxOf(national, referentielAt), clea.id, {
    version: clea.version,
  });
  await importReferentiel(ctxOf(national, referentielAt), shippedCleaNumerique);

  const eligible: EligibleDossier[] = [];
  for (const network of demoNetworks) {
    const start = new Date(now.getTime() - 760 * DAY);
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
    for (const o of network.organisms) {
      organisms.push(await createOrganism(scope, ctxOf(adminPrincipal, start), o));
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
      const user = await inviteUser(scope, ctxOf(adminPrincipal, start), {
        email: member.email,
        firstName: member.firstName,
        lastName: member.lastName,
        roles: member.roles,
        organisms: member.organisms.map((i) => organisms[i]!.id),
        accreditations,
      });
      summary.logins.push({ email: member.email, roles: member.roles, network: network.name });
      staffPrincipals[member.email] = {
        userId: user.id,
        tenantId: tenant.id,
        roles: user.roles,
        organisms: user.organisms,
        name: `${user.firstName} ${user.lastName}`,
      };
      if (member.roles.includes('advisor')) {
        advisors.push({
          userId: user.id,
          tenantId: tenant.id,
          roles: user.roles,
          organisms: user.organisms,
          name: `${user.firstName} ${user.lastName}`,
        });
      }
    }

    const evaluationSites = organisms.filter((o) => o.capabilities.includes('evaluation'));
    const evaluator = staffPrincipals[`eval@${network.slug}.demo`] as Principal;
    const trainer = staffPrincipals[`formation@${network.slug}.demo`] as Principal;
    const trainingSite = organisms.find(
      (o) => trainer.organisms.includes(o.id) && o.capabilities.includes('training'),
    );
    const actors = {
      scope,
      evaluator,
      trainer,
      trainingOrganismId: trainingSite?.id ?? '',
      referentiel,
      random,
    };
    for (let i = 0; i < dossiersPerNetwork; i++) {
      const advisor = pick(advisors);
      const site = pick(
        evaluationSites.filter((o) => advisor.organisms.includes(o.id) && evaluator.organisms.includes(o.id)),
      );
      const stage = STAGES[i % STAGES.length] as Stage;
      const openedAt = openingDate(stage, now, random);
      const candidateStatus = pick(candidateStatuses);
      const firstName = pick(firstNames);
      const lastName = pick(lastNames);
      const birthYear = 1965 + Math.floor(random() * 40);
      const { dossier } = await openDossier(scope, ctxOf(advisor, openedAt), {
        candidate: {
          firstName,
          lastName,
          birthDate: `${birthYear}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
          email: `${`${firstName}.${lastName}`
            .normalize('NFD')
            .replace(/[^a-zA-Z.]/g, '')
            .toLowerCase()}@exemple.fr`,
          phone: `06 ${String(10 + Math.floor(random() * 89))} ${String(10 + Math.floor(random() * 89))} ${String(10 + Math.floor(random() * 89))} ${String(10 + Math.floor(random() * 89))}`,
          postalCode: null,
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
      summary.dossiers++;
      if (i === WITHDRAWN_INDEX) {
        await withdrawDossier(
          scope,
          ctxOf(advisor, new Date(Math.min(now.getTime(), openedAt.getTime() + 20 * DAY))),
          dossier.id,
          undefined,
          {
            version: dossier.version,
            reason: 'Le candidat a retrouvé un emploi et reporte son parcours.',
          },
        );
      } else {
        await bringToStage(actors, dossier.id, openedAt, stage);
        if (stage === Stage.ELIGIBLE_AT_ONCE || stage === Stage.ELIGIBLE_AFTER_TRAINING) {
          eligible.push({ scope, dossierId: dossier.id, region: dossier.region, advisor });
        }
      }
    }
  }
  await sweepExpiredDossiers({ today: now.toISOString().slice(0, 10), monthsBack: 120, now });
  // One jury per region with demo dossiers: a closed session with certificates, an upcoming one.
  for (const region of [...new Set(eligible.map((d) => d.region))].sort()) {
    const logins = await seedRegionJury(
      national,
      region,
      eligible.filter((d) => d.region === region),
      now,
    );
    summary.logins.push(...logins);
  }
  return summary;
};

export type { SeedSummary };
export { seedDemo };
