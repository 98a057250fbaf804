/**
 * The demo's juries, through the real data-layer functions: per region with demo dossiers, a
 * secretary and members of both colleges; a closed past session (certificates issued) and an
 * upcoming one with an agenda.
 */
import {
  addToAgenda,
  closeSession,
  createSession,
  decide,
  getDossier,
  inviteJuryMember,
  setAttendance,
  submitToJury,
  vote,
} from '@socle/data';
import type { TenantScope, WriteContext } from '@socle/data';
import type { JuryMember, Principal } from '@socle/domain';

const DAY = 86_400_000;

interface EligibleDossier {
  scope: TenantScope;
  dossierId: string;
  region: string;
  advisor: Principal;
}

const at = (principal: Principal, when: Date): WriteContext => ({ principal, requestId: 'seed', now: when });
const principalOf = (m: JuryMember): Principal => ({
  userId: m.userId,
  name: `${m.firstName} ${m.lastName}`,
  roles: [m.role],
  organisms: [],
  region: m.region,
  college: m.college ?? undefined,
});

const juryPeople = [
  {
    key: 'secretariat',
    firstName: 'Sandrine',
    lastName: 'Morel',
    role: 'jury_secretary' as const,
    college: null,
  },
  {
    key: 'employeur1',
    firstName: 'Pierre',
    lastName: 'Lambert',
    role: 'jury_member' as const,
    college: 'employer' as const,
  },
  {
    key: 'employeur2',
    firstName: 'Nathalie',
    lastName: 'Rey',
    role: 'jury_member' as const,
    college: 'employer' as const,
  },
  {
    key: 'salarie1',
    firstName: 'Farid',
    lastName: 'Benhamou',
    role: 'jury_member' as const,
    college: 'employee' as const,
  },
  {
    key: 'salarie2',
    firstName: 'Christine',
    lastName: 'Petit',
    role: 'jury_member' as const,
    college: 'employee' as const,
  },
];

/** `secretariat.11@jury.demo`, `employeur1.11@jury.demo`…: one jury per region. */
const juryEmail = (key: string, region: string) => `${key}.${region}@jury.demo`;

const seedRegionJury = async (
  national: Principal,
  region: string,
  dossiers: EligibleDossier[],
  now: Date,
) => {
  const since = new Date(now.getTime() - 400 * DAY);
  const members: JuryMember[] = [];
  for (const person of juryPeople) {
    members.push(
      await inviteJuryMember(at(national, since), region, {
        email: juryEmail(person.key, region),
        firstName: person.firstName,
        lastName: person.lastName,
        role: person.role,
        college: person.college,
        termFrom: since.toISOString().slice(0, 10),
        termTo: null,
        links: [],
      }),
    );
  }
  const [secretary, ...voters] = members.map(principalOf) as [Principal, ...Principal[]];
  const submittedAt = new Date(now.getTime() - 75 * DAY);
  for (const d of dossiers) {
    const dossier = await getDossier(d.scope, d.dossierId);
    await submitToJury(d.scope, at(d.advisor, submittedAt), d.dossierId, undefined, {
      dossierVersion: dossier.version,
    });
  }
  const memberIds = voters.map((v) => v.userId);
  const half = Math.ceil(dossiers.length / 2);
  const past = dossiers.slice(0, half);
  const upcoming = dossiers.slice(half);

  if (past.length) {
    const when = new Date(now.getTime() - 60 * DAY);
    const session = await createSession(at(secretary, when), {
      date: when.toISOString().slice(0, 10),
      startTime: '09:30',
      place: 'Maison de la formation, salle du conseil',
      videoLink: null,
      memberIds,
    });
    await addToAgenda(
      at(secretary, when),
      session.id,
      past.map((d) => d.dossierId),
    );
    await setAttendance(at(secretary, when), session.id, {
      version: session.version,
      presentMemberIds: memberIds,
    });
    for (const [index, d] of past.entries()) {
      const adjourn = index === past.length - 1 && past.length > 2;
      for (const voter of voters)
        await vote(at(voter, when), session.id, d.dossierId, adjourn ? 'adjourn' : 'certify');
      await decide(at(secretary, when), session.id, d.dossierId, {
        decision: adjourn ? 'adjourned' : 'certified',
        reason: adjourn
          ? 'Le jury souhaite une mise en situation professionnelle complémentaire en calcul.'
          : null,
      });
    }
    await closeSession(at(secretary, new Date(when.getTime() + 3 * 3600_000)), session.id);
  }
  if (upcoming.length) {
    const when = new Date(now.getTime() + 20 * DAY);
    const session = await createSession(at(secretary, now), {
      date: when.toISOString().slice(0, 10),
      startTime: '14:00',
      place: null,
      videoLink: 'https://visio.example.fr/jury-clea',
      memberIds,
    });
    await addToAgenda(
      at(secretary, now),
      session.id,
      upcoming.map((d) => d.dossierId),
    );
  }
  return members.map((m) => ({ email: m.email, roles: [m.role] as string[] }));
};

export type { EligibleDossier };
export { juryEmail, seedRegionJury };
