/**
 * API overhead: a dossier read and a dossier update through the local server (HTTP, JWT check, API
 * Gateway event, Middy chain, validation, data layer), against the DynamoDB requests they make sent
 * directly with the document client, on the same DynamoDB Local, interleaved in the same run. The
 * requests are recorded as the handler sends them and replayed as they are (an update's versions
 * moved on by one), so "raw" is exactly the DynamoDB work of the route. The handler invoked
 * directly with the recorded event shows how much of the overhead is the local server's.
 */
import {
  BatchGetCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { db } from '@socle/data';
import { lambdas } from '@socle/functions/lambdas';
import { lambdaContext } from '@socle/tooling/local/server';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { dossierOpen } from '../support/samples.ts';
import { buildWorld, expectStatus } from '../support/world.ts';
import type { World } from '../support/world.ts';
import { median, percentile, printSummary } from './support/summary.ts';
import type { SummaryRow } from './support/summary.ts';

const WARMUP = 30;
const READS = 300;
const UPDATES = 200;
const RATIO_TARGET = 1.5;

// biome-ignore lint/suspicious/noExplicitAny: commands are replayed from their recorded input
type AnyCommand = new (input: any) => any;
const commands: Record<string, AnyCommand> = {
  BatchGetCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
};

interface Recorded {
  name: string;
  input: Record<string, unknown>;
}

let api: TestApi;
let world: World;
let recording: Recorded[] | undefined;
/** The last event and context the local server handed the dossiers Lambda. */
let lastCall: { event: APIGatewayProxyEventV2; context: Context } | undefined;
const dossiersLambda = lambdas.dossiers;

const timed = async (action: () => Promise<unknown>) => {
  const started = performance.now();
  await action();
  return performance.now() - started;
};

/** Recorded requests made ready to send again (copies: the SDK may annotate its input). */
const prepare = (requests: readonly Recorded[]) =>
  requests.map(({ name, input }) => {
    const Command = commands[name];
    if (!Command) throw new Error(`no replay for ${name}`);
    return { Command, input: structuredClone(input) };
  });

/** Sends prepared requests, in order, as the handler did. */
const replay = async (prepared: ReturnType<typeof prepare>) => {
  for (const { Command, input } of prepared) await db().send(new Command(input));
};

/** Calls the route through the local server, recording the DynamoDB requests it makes. */
const recordCall = async (method: string, path: string, token: string, body?: unknown) => {
  recording = [];
  const response = await api.call(method, path, { token, body });
  const requests = recording;
  recording = undefined;
  expect(response.status).toBe(200);
  return { response, requests };
};

beforeAll(async () => {
  api = await startTestApi();
  world = await buildWorld(api);
  // Prepare: record what the handler sends (the local server runs in this process: same client).
  const client = db();
  const send = client.send.bind(client) as (...args: unknown[]) => Promise<unknown>;
  (client as { send: unknown }).send = (
    command: { constructor: { name: string }; input: object },
    ...rest: unknown[]
  ) => {
    recording?.push({
      name: command.constructor.name,
      input: structuredClone(command.input) as Record<string, unknown>,
    });
    return send(command, ...rest);
  };
  lambdas.dossiers = Object.assign(
    (event: Parameters<typeof dossiersLambda>[0], context: Parameters<typeof dossiersLambda>[1]) => {
      lastCall = { event, context };
      return dossiersLambda(event, context);
    },
    { served: dossiersLambda.served },
  );
});
afterAll(async () => {
  lambdas.dossiers = dossiersLambda;
  await api.stop();
});

describe('Bench: API overhead against raw DynamoDB', () => {
  it('measures a dossier read and a dossier update', async () => {
    const token = world.a.tokens.advisor;
    const opened = expectStatus(
      await api.call('POST', '/dossiers', { token, body: dossierOpen(world.a.organismId) }),
      201,
      'open',
    ).dossier;
    const path = `/dossiers/${opened.id}`;
    const rows: SummaryRow[] = [];

    // Read: GET /dossiers/{id}.
    const read = await recordCall('GET', path, token);
    const readEvent = lastCall as NonNullable<typeof lastCall>;
    const readTimes = { api: [] as number[], handler: [] as number[], raw: [] as number[] };
    for (let i = 0; i < WARMUP + READS; i++) {
      const apiMs = await timed(() => api.call('GET', path, { token }));
      const event = structuredClone(readEvent.event);
      // A fresh context per call: a recorded one's deadline (its timeout) has passed by then.
      const handlerMs = await timed(() => dossiersLambda(event, lambdaContext('dossiers')));
      const requests = prepare(read.requests);
      const rawMs = await timed(() => replay(requests));
      if (i < WARMUP) continue;
      readTimes.api.push(apiMs);
      readTimes.handler.push(handlerMs);
      readTimes.raw.push(rawMs);
    }

    // Update: PATCH /dossiers/{id}, one field of the path and one of the contact.
    let version: number = read.response.body.dossier.version;
    const change = (n: number) => ({
      version,
      experience: `Cariste pendant ${n} ans.`,
      candidate: { city: `Paris ${n}` },
    });
    const update = await recordCall('PATCH', path, token, change(0));
    version += 1;
    const updateEvent = lastCall as NonNullable<typeof lastCall>;
    const expectedOf = (input: Record<string, unknown>) =>
      (input.ExpressionAttributeValues as Record<string, unknown> | undefined)?.[':expected'];
    /** The recorded update moved on to the current version: same items, same conditions. */
    const rawUpdate = (n: number): Recorded[] =>
      update.requests.map(({ name, input }) => {
        if (name !== 'TransactWriteCommand') return { name, input };
        const items = (input.TransactItems as Record<string, Record<string, unknown>>[]).map((entry) => {
          const put = entry.Put;
          if (!put) return entry;
          const item = { ...(put.Item as Record<string, unknown>) };
          if (expectedOf(put) !== undefined || typeof item.version === 'number') item.version = version + 1;
          if (put.ConditionExpression === 'attribute_not_exists(pk)') item.sk = `${item.sk}#raw${n}`;
          const values =
            expectedOf(put) === undefined
              ? put.ExpressionAttributeValues
              : { ...(put.ExpressionAttributeValues as object), ':expected': version };
          return { Put: { ...put, Item: item, ...(values ? { ExpressionAttributeValues: values } : {}) } };
        });
        return { name, input: { ...input, TransactItems: items } };
      });
    const handlerEvent = (n: number) => {
      const event = structuredClone(updateEvent.event);
      event.body = JSON.stringify(change(n));
      return event;
    };
    const updateTimes = { api: [] as number[], handler: [] as number[], raw: [] as number[] };
    for (let i = 1; i <= WARMUP + UPDATES; i++) {
      const apiMs = await timed(async () => {
        const response = await api.call('PATCH', path, { token, body: change(i) });
        if (response.status !== 200)
          throw new Error(`update: ${response.status} ${JSON.stringify(response.body)}`);
      });
      version += 1;
      const event = handlerEvent(i);
      const handlerMs = await timed(async () => {
        const result = (await dossiersLambda(event, lambdaContext('dossiers'))) as {
          statusCode: number;
          body: string;
        };
        if (result.statusCode !== 200) throw new Error(`handler update: ${result.statusCode} ${result.body}`);
      });
      version += 1;
      const requests = prepare(rawUpdate(i));
      const rawMs = await timed(() => replay(requests));
      version += 1;
      if (i <= WARMUP) continue;
      updateTimes.api.push(apiMs);
      updateTimes.handler.push(handlerMs);
      updateTimes.raw.push(rawMs);
    }

    // Assess: the replays left the dossier where the API expects it.
    const final = await api.call('GET', path, { token });
    expect(final.body.dossier.version).toBe(version);

    for (const [what, requests, times] of [
      ['GET /dossiers/{id}', read.requests, readTimes],
      ['PATCH /dossiers/{id}', update.requests, updateTimes],
    ] as const) {
      const raw = median(times.raw);
      const ops = requests
        .map(({ name, input }) =>
          name === 'TransactWriteCommand'
            ? `Transact(${(input.TransactItems as unknown[]).length})`
            : name.replace('Command', ''),
        )
        .join(' + ');
      rows.push(
        { measure: `${what} raw DynamoDB p50`, value: raw, unit: 'ms', note: ops },
        {
          measure: `${what} local server p50`,
          value: median(times.api),
          unit: 'ms',
          note: `p99 ${percentile(times.api, 99).toFixed(1)} ms`,
        },
        {
          measure: `${what} local server / raw`,
          value: median(times.api) / raw,
          unit: 'ratio',
          target: RATIO_TARGET,
        },
        {
          measure: `${what} handler only / raw`,
          value: median(times.handler) / raw,
          unit: 'ratio',
          target: RATIO_TARGET,
          note: `handler p50 ${median(times.handler).toFixed(2)} ms (no HTTP, no JWT check)`,
        },
      );
    }
    printSummary(`API overhead, ${READS} reads and ${UPDATES} updates after ${WARMUP} warm-up each`, rows);
  });
});
