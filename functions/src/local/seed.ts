/**
 * Seeds the demo through the real data-layer functions (the same code paths as the API), so the
 * demo never holds an item the product could not have written.
 */
import {
  createOrganism,
  createPlatformLogin,
  createTenant,
  inviteUser,
  openDossier,
  platformScopeFor,
  withdrawDossier,
} from '@socle/data';
import type { WriteContext } from '@socle/data';
import { CURRENT_CONSENT_TEXT_VERSION, candidateStatuses, fundings, prescribers } from '@socle/domain';
import type { Organism, Principal } from '@socle/domain';
import { ulid } from 'ulid';
import { NATIONAL_ADMIN, demoNetworks, firstNames, lastNames } from './demoData.ts';

/** Small deterministic PRNG (mulberry32): the same demo on every machine. */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const DAY = 86_400_000;

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

  for (const network of demoNetworks) {
    const start = new Date(now.getTime() - 760 * DAY);
    const tenant = await createTenant(ctxOf(national, start), {
      name: network.name,
      certifications: network.certifications,
      habilitationFrom: new Date(start.getTime() - 30 * DAY).toISOString().slice(0, 10),
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
    for (const member of network.staff) {
      const accreditations = member.roles
        .filter((r) => r === 'evaluator' || r === 'trainer')
        .map((role) => ({
          role: role as 'evaluator' | 'trainer',
          certification: 'clea' as const,
          from: start.toISOString().slice(0, 10),
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
    for (let i = 0; i < dossiersPerNetwork; i++) {
      const advisor = pick(advisors);
      const site = pick(evaluationSites.filter((o) => advisor.organisms.includes(o.id)));
      const openedAt = new Date(
        now.getTime() - Math.floor(random() * 700) * DAY - Math.floor(random() * DAY),
      );
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
      if (i % 9 === 4) {
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
      }
    }
  }
  return summary;
};

export type { SeedSummary };
export { seedDemo };
