/**
 * How the generated tests reach each route: the id each path parameter takes in a network, and a
 * valid body per route. A route added to the table without an entry here makes the tests fail,
 * so new routes are covered by the isolation, role and bad-input tests automatically.
 */
import type { RouteDefinition } from '@socle/contract/routeTypes';
import { routes } from '@socle/contract/routes';
import type { NetworkWorld } from '../support/world.ts';
import { dossierOpen, organismCreate, tenantCreate, userInvite } from '../support/samples.ts';

const allRoutes = routes as readonly RouteDefinition[];

/** Ids a network's routes need; `evaluationId` and `referentielId` are filled by the world builder. */
const paramResolvers: Record<string, (w: NetworkWorld) => string> = {
  evaluationId: (w) => w.evaluationId,
  region: () => '11',
  // A well-formed code (valid check character) that no certificate holds.
  code: () => 'CLEA-0000-0000-0001-9',
  // An Open Badges status list (public: signed revocations, for wallets).
  list: () => '0',
  // Jury sessions are reached through the region claim; the generated tests only need a well-formed id
  // (roles and input are checked before any lookup). test/integration/juries.test.ts covers access.
  sessionId: () => '01JAZNJY74SB33NTS68B6PHGED',
  referentielId: (w) => w.referentielId,
  organismId: (w) => w.organismId,
  userId: (w) => w.userIds.trainer,
  dossierId: (w) => w.dossierId,
  candidateId: (w) => w.candidateId,
  tenantId: (w) => w.tenantId,
  month: () => '2026-11',
  // The national usage statement: a month or a year.
  period: () => '2026-11',
};

const bodySamples: Record<string, (w: NetworkWorld) => unknown> = {
  createTenant: () => tenantCreate(),
  updateTenant: () => ({ version: 1, name: 'Nouveau nom' }),
  suspendTenant: () => ({ version: 1, reason: 'Contrôle qualité' }),
  reactivateTenant: () => ({ version: 1 }),
  inviteTenantAdmin: () => ({ email: 'x@exemple.fr', firstName: 'X', lastName: 'Y' }),
  createOrganism: () => organismCreate(),
  updateOrganism: () => ({ version: 1, name: 'Renommé' }),
  inviteUser: (w) => userInvite(['advisor'], [w.organismId]),
  updateUser: () => ({ version: 1, firstName: 'Renommé' }),
  openDossier: (w) => dossierOpen(w.organismId),
  updateDossier: () => ({ version: 1, funding: 'other' }),
  withdrawDossier: () => ({ version: 1, reason: 'Déménagement' }),
  reopenDossier: () => ({ version: 1 }),
  resumeTraining: () => ({ version: 1 }),
  importReferentiel: () => ({ document: { id: 'clea', version: 'x', title: 'x', domains: [] } }),
  updateReferentielSettings: () => ({
    version: 1,
    limits: { preliminaryMaxMinutes: 420, finalMaxMinutes: 180, deadlineYears: 5, warningMonths: 6 },
  }),
  publishReferentiel: () => ({ version: 1 }),
  startEvaluation: () => ({ dossierVersion: 1 }),
  saveEvaluation: () => ({ version: 1, results: { '1.1.1': { status: 'acquired' } } }),
  submitEvaluation: () => ({ version: 1 }),
  createTrainingPlan: (w) => ({
    organismId: w.organismId,
    dossierVersion: 1,
    targetedCriteria: ['1.1.1'],
    objectives: 'Objectifs',
    plannedHours: 10,
    sessions: [],
  }),
  updateTrainingPlan: () => ({ version: 1, objectives: 'Nouveaux objectifs' }),
  inviteJuryMember: () => ({
    email: 'membre@exemple.fr',
    firstName: 'M',
    lastName: 'J',
    role: 'jury_member',
    college: 'employer',
    termFrom: '2026-01-01',
    links: [],
  }),
  updateJuryMember: () => ({ version: 1, termTo: '2029-12-31' }),
  submitToJury: () => ({ dossierVersion: 1 }),
  confirmPublicCertificate: () => ({ lastName: 'Durand' }),
  verifyCredential: () => ({ credential: 'eyJhbGciOiJFZERTQSJ9.e30.c2ln' }),
  revokeCertificate: () => ({ reason: 'Fraude constatée' }),
  requestPaperCopy: () => ({
    recipient: {
      name: 'Camille Durand',
      addressLine: '12 rue des Lilas',
      postalCode: '75011',
      city: 'Paris',
    },
  }),
  advancePaperCopy: () => ({ status: 'printed' }),
  createJurySession: () => ({
    // A month ahead whatever day the suite runs: a session is planned in the future.
    date: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
    startTime: '09:30',
    place: 'Paris',
    memberIds: ['01JAZNJY74SB33NTS68B6PHGED', '01JAZNJY74BP8CSW4GQ4BPMGXA'],
  }),
  addToJuryAgenda: (w) => ({ dossierIds: [w.dossierId] }),
  setJuryAttendance: () => ({ version: 1, presentMemberIds: [] }),
  declareJuryConflict: () => ({ reason: 'Ancien salarié de cet organisme' }),
  voteOnJuryDossier: () => ({ vote: 'certify' }),
  decideJuryDossier: () => ({ decision: 'adjourned', reason: 'Pièces manquantes' }),
  rescheduleJurySession: () => ({ version: 1, startTime: '14:00' }),
  cancelJurySession: () => ({ version: 1, reason: 'Salle indisponible' }),
  recordJuryMovement: () => ({ version: 1, memberId: '01JAZNJY74SB33NTS68B6PHGED', kind: 'departure' }),
  putJurySettings: () => ({ minPerCollege: 1, parity: true, majority: 'absolute' }),
  putDataProtectionSettings: () => ({ retentionYears: 3 }),
  eraseCandidate: () => ({ lastName: 'Öztürk-N’Diaye' }),
  putFeeSchedule: () => ({
    fees: {
      clea: { preliminaryEvaluation: 2000, certificate: 500 },
      'clea-numerique': { preliminaryEvaluation: 0, certificate: 1000 },
    },
  }),
  printPaperCopyBatch: () => ({ codes: ['CLEA-0000-0000-0001-9'] }),
  markPaperCopiesPrinted: () => ({
    copies: [{ code: 'CLEA-0000-0000-0001-9', requestedAt: '2026-11-02T09:00:00.000Z' }],
  }),
};

/** The path of a route in a network; `ids` overrides a parameter (e.g. a real certificate's code). */
const pathIn = (route: RouteDefinition, w: NetworkWorld, ids: Record<string, string> = {}): string =>
  route.path.replace(/\{(\w+)\}/g, (_match: string, name: string) => {
    const given = ids[name];
    if (given !== undefined) return given;
    const resolve = paramResolvers[name];
    if (!resolve) throw new Error(`routeCoverage: add a resolver for path parameter {${name}} (${route.id})`);
    return resolve(w);
  });

/** The names of a route's path parameters, in order. */
const paramsOf = (route: RouteDefinition) =>
  [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name as string);

/** Staff restricted to organisms: they reach a dossier's data only for their organisms' dossiers. */
const ORGANISM_BOUND_ROLES = ['advisor', 'evaluator', 'trainer'] as const;
/** Path parameters that lead to one candidate's dossier data (directly, or through its certificate). */
const DOSSIER_PARAMS = new Set(['dossierId', 'evaluationId', 'candidateId', 'code']);

/**
 * Routes that organism-bound staff may call and that reach a dossier's data: each must answer 404 to
 * staff of another organism of the same network (isolation.test.ts).
 */
const organismScopedRoutes = allRoutes.filter(
  (route) =>
    route.scope !== 'public' &&
    (route.roles ?? []).some((role) => (ORGANISM_BOUND_ROLES as readonly string[]).includes(role)) &&
    paramsOf(route).some((name) => DOSSIER_PARAMS.has(name)),
);

/**
 * The access matrix's classes (accessMatrix.test.ts): what a route's path names, derived from its
 * scope and its path parameters. A parameter or a combination the table below does not know throws,
 * so a new kind of route fails the matrix until someone says how it must be isolated.
 */
type IsolationClass =
  /** No authentication: nothing of anyone beyond the public view. */
  | 'public'
  /** A candidate's record (dossier, evaluation, plan, candidate, certificate): another network → 404. */
  | 'candidate-record'
  /** A record of the caller's network (organism, user): another network → 404. */
  | 'network-record'
  /** A jury session of the caller's region: another region → 404. */
  | 'region-record'
  /** National data the national admin picks by id (a network, a region, a référentiel, a month). */
  | 'platform-record'
  /** The caller's own period (a month of its network's statement): names no record. */
  | 'own-period'
  /** No path parameter: a list or a creation in the caller's own network, region or profile. */
  | 'collection';

/** What organism-bound staff may reach through a route, and how the matrix checks it. */
type OrganismClass =
  /** Not open to organism-bound staff: the role gate refuses them (403, roles.test.ts). */
  | 'not-organism-staff'
  /** A dossier's data by id: another organism's → 404 (isolation.test.ts). */
  | 'organism-record'
  /** A list of dossiers: another organism's never listed. */
  | 'organism-filtered-list'
  /** A creation naming its organism in the body: another organism refused, nothing created. */
  | 'organism-checked-create'
  /** Holds no candidate's data (the caller's profile, organisms, référentiels). */
  | 'no-dossier-data';

const NETWORK_PARAMS = new Set(['organismId', 'userId']);
const PLATFORM_PARAMS = new Set(['tenantId', 'region', 'referentielId', 'month', 'userId', 'period']);
/** The Lambdas that read no candidate's data: whatever organism-bound staff may call there is safe. */
const NO_DOSSIER_DATA_LAMBDAS = new Set(['meta', 'network', 'referentiels']);

const unclassified = (route: RouteDefinition, why: string) =>
  new Error(`accessMatrix: cannot classify ${route.id} (${route.method} ${route.path}): ${why}`);

/** The isolation class of a route; throws for a route the matrix does not know how to check. */
const isolationClassOf = (route: RouteDefinition): IsolationClass => {
  const params = paramsOf(route);
  const all = (set: ReadonlySet<string>) => params.every((name) => set.has(name));
  if (route.scope === 'public') {
    if (params.every((name) => name === 'code' || name === 'list')) return 'public';
    throw unclassified(route, 'a public route naming a record other than a certificate code');
  }
  if (params.length === 0) return 'collection';
  if (route.scope === 'jury') {
    if (params[0] === 'sessionId' && all(new Set(['sessionId', 'dossierId']))) return 'region-record';
    throw unclassified(route, 'a jury route must name its session first');
  }
  if (route.scope === 'platform') {
    // Only the national admin picks a network, a region, a person or a certificate by id; other roles
    // reach national data that is everyone's (a référentiel).
    const nationalOnly = (route.roles ?? []).every((role) => role === 'national_admin');
    if (!nationalOnly && !all(new Set(['referentielId']))) {
      throw unclassified(route, 'a platform route naming a record for roles below the national admin');
    }
    if (all(PLATFORM_PARAMS) || (params.length === 1 && params[0] === 'code')) return 'platform-record';
    throw unclassified(route, "a platform route naming a network's record");
  }
  if (params.some((name) => DOSSIER_PARAMS.has(name))) {
    const known = (name: string) => DOSSIER_PARAMS.has(name);
    if (!params.every(known)) throw unclassified(route, 'a candidate route with another parameter');
    // The caller's own network only: the certificate routes of national and network staff are `self`.
    if (route.scope === 'tenant' || (route.scope === 'self' && all(new Set(['code'])))) {
      return 'candidate-record';
    }
    throw unclassified(route, `a candidate's record in scope ${route.scope}`);
  }
  if (route.scope === 'tenant' && all(NETWORK_PARAMS)) return 'network-record';
  if (route.scope === 'tenant' && all(new Set(['month']))) return 'own-period';
  throw unclassified(route, `parameters ${params.join(', ')} in scope ${route.scope}`);
};

const openToOrganismStaff = (route: RouteDefinition) =>
  (route.roles ?? []).some((role) => (ORGANISM_BOUND_ROLES as readonly string[]).includes(role));

/** The organism class of a route; throws for one open to organism-bound staff the matrix cannot check. */
const organismClassOf = (route: RouteDefinition): OrganismClass => {
  if (route.scope === 'public' || !openToOrganismStaff(route)) return 'not-organism-staff';
  const isolation = isolationClassOf(route);
  if (isolation === 'candidate-record') return 'organism-record';
  if (NO_DOSSIER_DATA_LAMBDAS.has(route.lambda)) return 'no-dossier-data';
  if (isolation === 'collection' && route.method === 'GET') return 'organism-filtered-list';
  if (isolation === 'collection' && route.method === 'POST' && route.request?.body) {
    return 'organism-checked-create';
  }
  throw unclassified(route, `open to organism-bound staff in the ${route.lambda} Lambda`);
};

const bodyFor = (route: RouteDefinition, w: NetworkWorld): unknown => {
  if (!route.request?.body) return undefined;
  const sample = bodySamples[route.id];
  if (!sample) throw new Error(`routeCoverage: add a valid body sample for route ${route.id}`);
  return sample(w);
};

/** A valid query string for the routes whose query has required fields. */
const querySamples: Record<string, () => string> = {
  getVolumes: () => {
    const month = new Date().toISOString().slice(0, 7);
    return `from=${month}&to=${month}&groupBy=organism`;
  },
};

/** `?…` with a valid query when the route requires one, '' otherwise. */
const queryFor = (route: RouteDefinition): string => {
  if (!requiresQuery(route)) return '';
  const sample = querySamples[route.id];
  if (!sample) throw new Error(`routeCoverage: add a valid query sample for route ${route.id}`);
  return `?${sample()}`;
};

/** Whether the route's query schema refuses an empty query (a required field). */
const requiresQuery = (route: RouteDefinition) => route.request?.query?.safeParse({}).success === false;

export type { IsolationClass, OrganismClass };
export {
  ORGANISM_BOUND_ROLES,
  allRoutes,
  bodyFor,
  isolationClassOf,
  organismClassOf,
  organismScopedRoutes,
  paramsOf,
  pathIn,
  queryFor,
  requiresQuery,
};
