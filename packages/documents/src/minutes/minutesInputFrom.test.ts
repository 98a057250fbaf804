import type { AgendaEntry, JuryMember, JurySession } from '@socle/domain';
import { describe, expect, it } from 'vitest';
import { minutesInputFrom } from './minutesInputFrom.ts';
import type { MinutesSource } from './minutesInputFrom.ts';

const AT = '2026-12-01T10:00:00.000Z';
const meta = { version: 1, createdAt: AT, updatedAt: AT };
const TENANT = '01JAZNJY74TENANT0000000000';
const ORGANISM = '01JAZNJY74ORGAN00000000000';

const member = (userId: string, lastName: string, overrides: Partial<JuryMember> = {}): JuryMember => ({
  userId,
  region: '11',
  email: `${userId.toLowerCase()}@exemple.fr`,
  firstName: 'Prénom',
  lastName,
  role: 'jury_member',
  college: 'employer',
  termFrom: '2025-01-01',
  links: [],
  active: true,
  ...meta,
  ...overrides,
});

const secretary = member('SEC', 'Morel', { firstName: 'Sandrine', role: 'jury_secretary', college: null });
const employer = member('EMP', 'Lambert', { firstName: 'Pierre' });
const employee = member('SAL', 'Benhamou', { firstName: 'Farid', college: 'employee' });
const absent = member('ABS', 'Rey', { firstName: 'Nathalie' });

const session: JurySession = {
  id: '01JAZNJY74SB33NTS68B6PHGED',
  region: '11',
  date: '2026-12-15',
  startTime: '09:30',
  place: 'Paris',
  memberIds: ['SAL', 'EMP', 'ABS'],
  presentMemberIds: ['EMP', 'SAL'],
  status: 'closed',
  // 23:30 UTC is already the 16th in Paris.
  closedAt: '2026-12-15T23:30:00.000Z',
  ...meta,
};

const entry = (dossierId: string, lastName: string, overrides: Partial<AgendaEntry> = {}): AgendaEntry => ({
  sessionId: session.id,
  dossierId,
  tenantId: TENANT,
  view: {
    dossierId,
    tenantId: TENANT,
    networkName: 'Réseau A',
    certification: 'clea',
    candidate: { firstName: 'Zoé', lastName, birthDate: '1990-01-02' },
    region: '11',
    evaluatingOrganism: { id: ORGANISM, name: 'GRETA MTI 93' },
    trainingOrganism: null,
    evaluations: [],
    domains: [],
    allDomainsMastered: true,
    submittedAt: AT,
    presentation: 1,
  },
  conflicts: [],
  votes: {},
  decision: {
    decision: 'certified',
    reason: null,
    decidedAt: AT,
    decidedBy: 'SEC',
    votes: { certify: 2, adjourn: 0 },
  },
  certificateCode: `CLEA-${dossierId}`,
  ...overrides,
});

const source = (overrides: Partial<MinutesSource> = {}): MinutesSource => ({
  session,
  agenda: [entry('D1', 'Martin')],
  members: [employee, employer, secretary, absent],
  today: '2027-01-05',
  ...overrides,
});

describe('Function: minutesInputFrom', () => {
  it('names the region', () => {
    expect(minutesInputFrom(source()).region).toEqual({ code: '11', name: 'Île-de-France' });
  });

  it('lists the members convened with their college and presence, in the jury’s order', () => {
    expect(minutesInputFrom(source()).members).toEqual([
      { name: 'Farid Benhamou', college: 'employee', present: true },
      { name: 'Pierre Lambert', college: 'employer', present: true },
      { name: 'Nathalie Rey', college: 'employer', present: false },
    ]);
  });

  it('lists a convened member no longer found without printing their internal id', () => {
    const members = minutesInputFrom(source({ members: [employee, employer, secretary] })).members;
    expect(members.at(-1)).toEqual({ name: 'Membre non retrouvé', college: null, present: false });
    expect(JSON.stringify(members)).not.toContain('ABS');
  });

  it('signs as secretary the one who recorded the decisions', () => {
    expect(minutesInputFrom(source()).secretary).toEqual({ name: 'Sandrine Morel' });
  });

  it('leaves the secretary blank when several could have signed', () => {
    // Prepare
    const other = member('SEC2', 'Durand', { role: 'jury_secretary', college: null });
    const agenda = [entry('D1', 'Martin', { decision: undefined })];

    // Act
    const input = minutesInputFrom(source({ agenda, members: [secretary, other, employer, employee] }));

    // Assess
    expect(input.secretary).toBeNull();
  });

  it('maps a decision, its reason and the certificate code', () => {
    // Prepare
    const adjourned = entry('D2', 'Abad', {
      decision: {
        decision: 'adjourned',
        reason: 'Domaine 3 non maîtrisé.',
        decidedAt: AT,
        decidedBy: 'SEC',
        votes: { certify: 0, adjourn: 2 },
      },
      certificateCode: undefined,
    });

    // Act
    const { candidates } = minutesInputFrom(source({ agenda: [entry('D1', 'Martin'), adjourned] }));

    // Assess
    expect(candidates.map((c) => [c.lastName, c.decision, c.reason, c.certificateCode])).toEqual([
      ['Abad', 'adjourned', 'Domaine 3 non maîtrisé.', null],
      ['Martin', 'certified', null, 'CLEA-D1'],
    ]);
  });

  it('leaves out an agenda entry without a decision', () => {
    // Act
    const { candidates } = minutesInputFrom(
      source({ agenda: [entry('D1', 'Martin', { decision: undefined })] }),
    );

    // Assess
    expect(candidates).toEqual([]);
  });

  it('lists a declared conflict with its reason', () => {
    // Prepare
    const conflicts = [{ memberId: 'SAL', reason: 'Le candidat est un voisin.', declaredAt: AT }];

    // Act
    const input = minutesInputFrom(source({ agenda: [entry('D1', 'Martin', { conflicts })] }));

    // Assess
    expect(input.conflicts).toEqual([
      { memberName: 'Farid Benhamou', candidateName: 'Zoé Martin', reason: 'Le candidat est un voisin.' },
    ]);
  });

  it('lists a present member linked to the evaluating organism', () => {
    // Prepare
    const linked = { ...employer, links: [{ tenantId: TENANT, organismId: ORGANISM }] };

    // Act
    const input = minutesInputFrom(source({ members: [employee, linked, secretary, absent] }));

    // Assess
    expect(input.conflicts).toEqual([
      {
        memberName: 'Pierre Lambert',
        candidateName: 'Zoé Martin',
        reason: 'Lien déclaré avec l’organisme évaluateur (GRETA MTI 93)',
      },
    ]);
  });

  it('does not list the links of an absent member', () => {
    // Prepare
    const linked = { ...absent, links: [{ tenantId: TENANT }] };

    // Act
    const input = minutesInputFrom(source({ members: [employee, employer, secretary, linked] }));

    // Assess
    expect(input.conflicts).toEqual([]);
  });

  it('dates the minutes from the closing, in the region’s time', () => {
    expect(minutesInputFrom(source()).issuedOn).toBe('2026-12-16');
  });

  it('dates the minutes of a session not closed yet from today', () => {
    // Act
    const input = minutesInputFrom(
      source({ session: { ...session, status: 'closing', closedAt: undefined } }),
    );

    // Assess
    expect(input.issuedOn).toBe('2027-01-05');
  });
});

describe('Function: minutesInputFrom, deliberation per candidate', () => {
  it('states who was present, who voted what and who was conflicted, by name', () => {
    const decided = entry('D1', 'Martin', {
      votes: { EMP: 'certify', SAL: 'certify', ABS: 'adjourn' },
      decision: {
        decision: 'certified',
        reason: null,
        decidedAt: AT,
        decidedBy: 'SEC',
        votes: { certify: 1, adjourn: 0 },
        present: ['EMP', 'SAL', 'ABS'],
        voters: ['EMP', 'ABS'],
        conflicted: ['SAL'],
        ballots: { EMP: 'certify' },
        required: 2,
      },
    });
    const [candidate] = minutesInputFrom(source({ agenda: [decided] })).candidates;
    expect(candidate?.deliberation).toEqual({
      present: ['Pierre Lambert', 'Farid Benhamou', 'Nathalie Rey'],
      certify: ['Pierre Lambert'],
      adjourn: [],
      abstained: ['Nathalie Rey'],
      conflicted: ['Farid Benhamou'],
      required: 2,
      voters: 2,
    });
  });

  it('lists a candidate sent back to the pipeline as without decision, never as adjourned', () => {
    const returned = entry('D2', 'Abad', {
      decision: undefined,
      returnedToPipeline: true,
      certificateCode: undefined,
    });
    const { candidates } = minutesInputFrom(source({ agenda: [entry('D1', 'Martin'), returned] }));
    expect(candidates.map((c) => [c.lastName, c.decision])).toEqual([
      ['Martin', 'certified'],
      ['Abad', 'returned'],
    ]);
  });
});
