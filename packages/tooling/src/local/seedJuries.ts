/**
 * The demo's juries, through the real data-layer functions: per region with demo dossiers, a
 * secretary and members of both colleges; a session every two to three months over the last two
 * years (each closed: certificates issued, some adjournments, adjourned candidates presented again
 * later), and an upcoming one with its agenda. The advisors present their eligible dossiers a week
 * or two after the evaluation, in time for the next session.
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
  actingOn,
  vote,
} from '@socle/data';
import type { TenantScope, WriteContext } from '@socle/data';
import { clockAt } from '@socle/domain';
import type { JuryMember, Principal } from '@socle/domain';

const DAY = 86_400_000;

interface EligibleDossier {
  scope: TenantScope;
  /** The network's slug in the demo data. */
  network: string;
  dossierId: string;
  region: string;
  advisor: Principal;
  /** When the dossier became eligible (its last evaluation submitted). */
  eligibleAt: Date;
  /** Adjourned once already: presented again, the jury certifies. */
  adjourned?: boolean;
}

/** A certificate the demo issued, for the paper copies and the revocation. */
interface IssuedCertificate {
  dossier: EligibleDossier;
  sessionDate: Date;
}

const at = (principal: Principal, when: Date): WriteContext => ({
  principal,
  requestId: 'seed',
  clock: clockAt(when),
});
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

/** Days between two sessions of a region's jury. */
const SESSION_INTERVAL_DAYS = 70;
/** How far back the juries sat. */
const HISTORY_DAYS = 760;
/** The agenda is set this many days before the session. */
const AGENDA_LEAD_DAYS = 10;

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const daysFrom = (d: Date, days: number) => new Date(d.getTime() + days * DAY);
/** Juries sit on weekdays: a weekend date moves to the Monday. */
const weekday = (d: Date) => {
  const day = d.getUTCDay();
  return day === 6 ? daysFrom(d, 2) : day === 0 ? daysFrom(d, 1) : d;
};
/** A stable offset per region (0 to 41 days), so the regions' sessions fall in different months. */
const regionOffsetDays = (region: string) => (Number.parseInt(region, 10) * 17) % 42;

const places = [
  'Maison de la formation, salle du conseil',
  'Hôtel de région, salle des commissions',
  'Maison de l’emploi, salle 2',
];
const adjournmentReasons = [
  'Le jury souhaite une mise en situation professionnelle complémentaire en calcul.',
  'Le jury demande une nouvelle mise en situation sur la communication écrite.',
];

interface Pending {
  dossier: EligibleDossier;
  presentAt: Date;
}

/**
 * Past session dates of a region, oldest first: the last one five to eleven weeks ago, then every
 * SESSION_INTERVAL_DAYS back over HISTORY_DAYS.
 */
const pastSessionDates = (region: string, now: Date): Date[] => {
  const dates: Date[] = [];
  for (
    let d = daysFrom(now, -(35 + regionOffsetDays(region)));
    d.getTime() > now.getTime() - HISTORY_DAYS * DAY;
    d = daysFrom(d, -SESSION_INTERVAL_DAYS)
  )
    dates.unshift(weekday(d));
  return dates;
};

const seedRegionJury = async (
  national: Principal,
  region: string,
  dossiers: EligibleDossier[],
  now: Date,
  random: () => number,
) => {
  const since = daysFrom(now, -(HISTORY_DAYS + 40));
  const members: JuryMember[] = [];
  for (const person of juryPeople) {
    members.push(
      await inviteJuryMember(at(national, since), region, {
        email: juryEmail(person.key, region),
        firstName: person.firstName,
        lastName: person.lastName,
        role: person.role,
        college: person.college,
        termFrom: isoDate(since),
        termTo: null,
        links: [],
      }),
    );
  }
  const [secretary, ...voters] = members.map(principalOf) as [Principal, ...Principal[]];
  const memberIds = voters.map((v) => v.userId);
  // One member of each college on alternate sessions: the smallest jury that may deliberate.
  const pair = [voters[0], voters[2]].filter((v): v is Principal => Boolean(v));

  // Advisors present a dossier one to three weeks after it became eligible (if that is past).
  const pending: Pending[] = dossiers
    .map((dossier) => ({ dossier, presentAt: daysFrom(dossier.eligibleAt, 7 + Math.floor(random() * 14)) }))
    .filter((p) => p.presentAt.getTime() < now.getTime() - 3600_000);
  // The most recent eligible dossier, if none would otherwise wait for the next session, is
  // presented just now: each jury has an upcoming session with an agenda.
  const sessions = pastSessionDates(region, now);
  const lastCutoff = sessions.length ? daysFrom(sessions.at(-1) as Date, -AGENDA_LEAD_DAYS) : since;
  const latest = [...dossiers].sort((a, b) => b.eligibleAt.getTime() - a.eligibleAt.getTime())[0];
  if (latest && !pending.some((p) => p.presentAt > lastCutoff)) {
    const already = pending.find((p) => p.dossier === latest);
    const presentAt = new Date(Math.max(latest.eligibleAt.getTime() + 3600_000, now.getTime() - DAY));
    if (already) already.presentAt = presentAt;
    else pending.push({ dossier: latest, presentAt });
  }

  const present = async (p: Pending) => {
    const dossier = await getDossier(p.dossier.scope, p.dossier.dossierId, undefined, p.presentAt);
    await submitToJury(actingOn(at(p.dossier.advisor, p.presentAt), p.dossier.scope), p.dossier.dossierId, {
      dossierVersion: dossier.version,
    });
  };
  /** Presents the dossiers due by `cutoff`; returns them (they are the agenda of the session). */
  const presentDue = async (cutoff: Date) => {
    const due = pending
      .filter((p) => p.presentAt.getTime() <= cutoff.getTime())
      .sort((a, b) => a.presentAt.getTime() - b.presentAt.getTime());
    for (const p of due) {
      await present(p);
      pending.splice(pending.indexOf(p), 1);
    }
    return due.map((p) => p.dossier);
  };
  const plan = async (date: Date, agendaAt: Date, agenda: EligibleDossier[], videoLink: string | null) => {
    const session = await createSession(at(secretary, daysFrom(agendaAt, -20)), {
      date: isoDate(date),
      startTime: videoLink ? '14:00' : '09:30',
      place: videoLink ? null : (places[Math.floor(random() * places.length)] as string),
      videoLink,
      memberIds,
    });
    await addToAgenda(
      at(secretary, agendaAt),
      session.id,
      agenda.map((d) => d.dossierId),
    );
    return session;
  };

  const certificates: IssuedCertificate[] = [];
  let decisions = 0;
  let closedSessions = 0;
  let adjournments = 0;
  for (const [index, date] of sessions.entries()) {
    const agendaAt = daysFrom(date, -AGENDA_LEAD_DAYS);
    const agenda = await presentDue(agendaAt);
    if (agenda.length === 0) continue;
    const session = await plan(date, agendaAt, agenda, null);
    const sitting = index % 2 === 0 ? voters : pair;
    const when = new Date(`${isoDate(date)}T09:30:00Z`);
    await setAttendance(at(secretary, when), session.id, {
      version: session.version,
      presentMemberIds: sitting.map((v) => v.userId),
    });
    for (const d of agenda) {
      // About one candidate in six is adjourned (never twice: the second time, the jury certifies).
      const adjourn = decisions++ % 6 === 4 && !d.adjourned;
      for (const voter of sitting)
        await vote(at(voter, when), session.id, d.dossierId, adjourn ? 'adjourn' : 'certify');
      await decide(at(secretary, when), session.id, d.dossierId, {
        decision: adjourn ? 'adjourned' : 'certified',
        reason: adjourn ? (adjournmentReasons[decisions % adjournmentReasons.length] as string) : null,
      });
      if (adjourn) {
        adjournments++;
        // Presented again after the complementary work, six to ten weeks later.
        pending.push({
          dossier: { ...d, adjourned: true },
          presentAt: daysFrom(date, 42 + Math.floor(random() * 28)),
        });
      } else certificates.push({ dossier: d, sessionDate: date });
    }
    await closeSession(at(secretary, new Date(when.getTime() + 3 * 3600_000)), session.id);
    closedSessions++;
  }
  // The next session, in three weeks: every dossier presented since the last agenda.
  const upcoming = await presentDue(new Date(now.getTime() - 60_000));
  if (upcoming.length) {
    await plan(weekday(daysFrom(now, 20)), now, upcoming, 'https://visio.example.fr/jury-clea');
  }
  return {
    logins: members.map((m) => ({ email: m.email, roles: [m.role] as string[] })),
    certificates,
    closedSessions,
    adjournments,
    upcomingSessions: upcoming.length ? 1 : 0,
  };
};

export type { EligibleDossier, IssuedCertificate };
export { juryEmail, seedRegionJury };
