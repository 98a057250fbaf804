/**
 * The procès-verbal's input from a session as stored: the session, its agenda and the region's jury.
 * Pure, so that what the minutes say (who sat, who did not vote and why, who signs) is unit-tested
 * apart from DynamoDB.
 */
import { isConflicted, regionOf } from '@socle/domain';
import type { AgendaEntry, JuryMember, JurySession } from '@socle/domain';
import { localDateTime } from '../format.ts';
import type { MinutesInput } from '../types/minutes.ts';
import { regionTimeZone } from './regionTimeZone.ts';

interface MinutesSource {
  session: JurySession;
  agenda: readonly AgendaEntry[];
  /** The region's jury (`listJuryMembers`): names, colleges and declared links of members and secretaries. */
  members: readonly JuryMember[];
  /** `YYYY-MM-DD`: the creation date when the session has no closing time yet. */
  today: string;
}

type Decided = AgendaEntry & { decision: NonNullable<AgendaEntry['decision']> };

/** Who was present, voted what, abstained, or was conflicted for one candidate, by name. */
const deliberationOf = (entry: AgendaEntry, byId: ReadonlyMap<string, JuryMember>) => {
  const decision = entry.decision;
  if (!decision?.present || !decision.voters) return null;
  const name = (id: string) => {
    const member = byId.get(id);
    return member ? nameOf(member) : 'Membre non retrouvé';
  };
  const ballots = decision.ballots ?? {};
  return {
    present: decision.present.map(name),
    certify: decision.voters.filter((id) => ballots[id] === 'certify').map(name),
    adjourn: decision.voters.filter((id) => ballots[id] === 'adjourn').map(name),
    abstained: decision.voters.filter((id) => !ballots[id]).map(name),
    conflicted: (decision.conflicted ?? []).filter((id) => decision.present?.includes(id)).map(name),
    required: decision.required ?? Math.floor(decision.voters.length / 2) + 1,
    voters: decision.voters.length,
  };
};

const nameOf = (member: Pick<JuryMember, 'firstName' | 'lastName'>): string =>
  `${member.firstName} ${member.lastName}`;

/**
 * Who signs as secretary: the one who recorded the session's decisions (the most of them, if
 * several did), else the region's only active secretary; nobody rather than a guess.
 */
const secretaryOf = (
  decided: readonly Decided[],
  members: readonly JuryMember[],
): { name: string } | null => {
  const secretaries = members.filter((m) => m.role === 'jury_secretary');
  const recorded = new Map<string, number>();
  for (const entry of decided) {
    recorded.set(entry.decision.decidedBy, (recorded.get(entry.decision.decidedBy) ?? 0) + 1);
  }
  const byDecisions = secretaries
    .filter((s) => recorded.has(s.userId))
    .sort((a, b) => (recorded.get(b.userId) ?? 0) - (recorded.get(a.userId) ?? 0));
  const active = secretaries.filter((s) => s.active);
  const secretary = byDecisions[0] ?? (active.length === 1 ? active[0] : undefined);
  return secretary ? { name: nameOf(secretary) } : null;
};

/**
 * Why a member did not vote on a candidate: their own declaration for this dossier, else the link
 * their jury profile declares with the candidate's organisms or network (the rule `vote` enforces).
 */
const conflictReason = (entry: AgendaEntry, member: JuryMember): string | undefined => {
  const declared = entry.conflicts.find((c) => c.memberId === member.userId);
  if (declared) return declared.reason;
  const { view } = entry;
  const evaluating = view.evaluatingOrganism;
  const training = view.trainingOrganism;
  const dossier = { tenantId: entry.tenantId, organismId: evaluating.id, trainingOrganismId: training?.id };
  if (!isConflicted(member.links, dossier)) return undefined;
  const linkedTo = (organismId: string) =>
    member.links.some((l) => l.tenantId === entry.tenantId && l.organismId === organismId);
  if (linkedTo(evaluating.id)) return `Lien déclaré avec l’organisme évaluateur (${evaluating.name})`;
  if (training && linkedTo(training.id))
    return `Lien déclaré avec l’organisme de formation (${training.name})`;
  return `Lien déclaré avec le réseau ${view.networkName}`;
};

const byCandidateName = (a: AgendaEntry, b: AgendaEntry): number =>
  a.view.candidate.lastName.localeCompare(b.view.candidate.lastName, 'fr') ||
  a.view.candidate.firstName.localeCompare(b.view.candidate.firstName, 'fr');

/** Each decided candidate's conflicted members, in the candidates' order. */
const conflictsOf = (
  decided: readonly Decided[],
  sat: readonly JuryMember[],
  byId: ReadonlyMap<string, JuryMember>,
): MinutesInput['conflicts'] =>
  decided.flatMap((entry) => {
    const candidateName = `${entry.view.candidate.firstName} ${entry.view.candidate.lastName}`;
    // A declaration is listed whoever made it; a link of the jury profile only for the members who sat.
    const declarers = entry.conflicts.flatMap((c) => byId.get(c.memberId) ?? []);
    return [...new Set([...sat, ...declarers])].flatMap((member) => {
      const reason = conflictReason(entry, member);
      return reason ? [{ memberName: nameOf(member), candidateName, reason }] : [];
    });
  });

/** Maps a closed session to the procès-verbal's input. */
const minutesInputFrom = ({ session, agenda, members, today }: MinutesSource): MinutesInput => {
  const byId = new Map(members.map((m) => [m.userId, m]));
  const isPresent = (userId: string) => session.presentMemberIds.includes(userId);
  const sat = session.memberIds.flatMap((id) => (isPresent(id) ? (byId.get(id) ?? []) : []));
  // A decision closing did not apply (its votes did not carry it) went back to the pipeline, like no decision.
  const decided = agenda
    .filter((e): e is Decided => e.decision !== undefined && !e.returnedToPipeline)
    .sort(byCandidateName);
  const returned = agenda.filter((e) => e.returnedToPipeline).sort(byCandidateName);
  return {
    region: regionOf(session.region),
    session: {
      id: session.id,
      date: session.date,
      startTime: session.startTime,
      place: session.place,
      videoLink: session.videoLink,
      closedAt: session.closedAt ?? null,
    },
    // By last name, as `members` comes (listJuryMembers). A jury record is never deleted, only
    // deactivated, but an unknown member is still listed, last, without their internal id.
    members: [
      ...members.filter((m) => session.memberIds.includes(m.userId)).map((m) => m.userId),
      ...session.memberIds.filter((id) => !byId.has(id)),
    ].map((id) => {
      const member = byId.get(id);
      return {
        name: member ? nameOf(member) : 'Membre non retrouvé',
        college: member?.college ?? null,
        present: isPresent(id),
      };
    }),
    secretary: secretaryOf(decided, members),
    candidates: [
      ...decided.map((entry) => ({
        lastName: entry.view.candidate.lastName,
        firstName: entry.view.candidate.firstName,
        birthDate: entry.view.candidate.birthDate,
        networkName: entry.view.networkName,
        evaluatingOrganism: entry.view.evaluatingOrganism.name,
        presentation: entry.view.presentation,
        decision: entry.decision.decision,
        reason: entry.decision.reason ?? null,
        certificateCode: entry.certificateCode ?? null,
        deliberation: deliberationOf(entry, byId),
      })),
      ...returned.map((entry) => ({
        lastName: entry.view.candidate.lastName,
        firstName: entry.view.candidate.firstName,
        birthDate: entry.view.candidate.birthDate,
        networkName: entry.view.networkName,
        evaluatingOrganism: entry.view.evaluatingOrganism.name,
        presentation: entry.view.presentation,
        decision: 'returned' as const,
        reason: null,
        certificateCode: null,
        deliberation: null,
      })),
    ],
    conflicts: conflictsOf(decided, sat, byId),
    // Dated from the closing, in the region's time: the same file whenever it is downloaded.
    issuedOn: session.closedAt ? localDateTime(session.closedAt, regionTimeZone(session.region)).date : today,
  };
};

export type { MinutesSource };
export { minutesInputFrom };
