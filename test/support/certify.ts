/**
 * A certified dossier through the API: eligible, presented, on the agenda of a session held today in
 * the jury's region (a jury deliberates on its day, never before), voted, decided, closed. The
 * certificate is dated on the session's day, returned as `sessionDate`.
 */
import type { TestApi } from './api.ts';
import type { Jury } from './jury.ts';
import { sessionDay } from './jury.ts';
import { dossierOpen } from './samples.ts';
import { evaluate, expectStatus } from './world.ts';
import type { NetworkWorld } from './world.ts';

const certifyThroughJury = async (
  api: TestApi,
  network: NetworkWorld,
  jury: Jury,
  candidate: Partial<{ firstName: string; lastName: string }> = {},
) => {
  const opened = expectStatus(
    await api.call('POST', '/dossiers', {
      token: network.tokens.advisor,
      body: dossierOpen(network.organismId, candidate),
    }),
    201,
    'open',
  ).dossier;
  const { dossier } = await evaluate(api, network.tokens.evaluator, opened.id, { notAcquired: [] });
  expectStatus(
    await api.call('POST', `/dossiers/${dossier.id}/jury-submission`, {
      token: network.tokens.advisor,
      body: { dossierVersion: dossier.version },
    }),
    200,
    'submit',
  );
  const members = [jury.employer, jury.employee];
  const sessionDate = sessionDay(jury.region);
  const session = expectStatus(
    await api.call('POST', '/jury/sessions', {
      token: jury.secretary.token,
      body: {
        date: sessionDate,
        startTime: '09:00',
        place: 'Paris',
        memberIds: members.map((m) => m.userId),
      },
    }),
    201,
    'session',
  );
  const path = `/jury/sessions/${session.id}`;
  expectStatus(
    await api.call('POST', `${path}/agenda`, {
      token: jury.secretary.token,
      body: { dossierIds: [dossier.id] },
    }),
    200,
    'agenda',
  );
  expectStatus(
    await api.call('PUT', `${path}/attendance`, {
      token: jury.secretary.token,
      body: { version: session.version, presentMemberIds: members.map((m) => m.userId) },
    }),
    200,
    'attendance',
  );
  for (const member of members) {
    expectStatus(
      await api.call('POST', `${path}/dossiers/${dossier.id}/vote`, {
        token: member.token,
        body: { vote: 'certify' },
      }),
      200,
      'vote',
    );
  }
  expectStatus(
    await api.call('POST', `${path}/dossiers/${dossier.id}/decision`, {
      token: jury.secretary.token,
      body: { decision: 'certified' },
    }),
    200,
    'decide',
  );
  expectStatus(await api.call('POST', `${path}/close`, { token: jury.secretary.token }), 200, 'close');
  const certified = (await api.call('GET', `/dossiers/${dossier.id}`, { token: network.tokens.advisor })).body
    .dossier;
  return { dossier: certified, code: certified.certificateCode as string, sessionDate };
};

export { certifyThroughJury };
