import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynamoLocal } from './dynamoLocal.ts';
import type { DynamoLocal } from './dynamoLocal.ts';

let dynamo: DynamoLocal;

beforeAll(async () => {
  dynamo = await startDynamoLocal();
}, 60_000);
afterAll(() => dynamo.stop());

/** Local addresses (hex `address:port`) of the sockets listening on a port, from the kernel's tables. */
const listeners = (port: number): string[] =>
  ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      // `st` 0A is LISTEN.
      .filter((fields) => fields[3] === '0A' && Number.parseInt(fields[1]?.split(':')[1] ?? '', 16) === port)
      .map((fields) => fields[1] as string),
  );

const connects = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

describe('DynamoDB Local', () => {
  it('listens on 127.0.0.1 only', () => {
    const port = dynamo.port.toString(16).toUpperCase().padStart(4, '0');
    // Java opens an IPv6 socket: 127.0.0.1 shows as the IPv4-mapped ::ffff:127.0.0.1 (not :: nor 0.0.0.0).
    const loopback = [`0100007F:${port}`, `0000000000000000FFFF00000100007F:${port}`];
    expect(listeners(dynamo.port).length).toBe(1);
    expect(loopback).toContain(listeners(dynamo.port)[0]);
  });

  it('answers on the loopback and refuses the machine’s other addresses', async () => {
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal && a.family === 'IPv4')
      .map((a) => a?.address as string);
    expect(await connects('127.0.0.1', dynamo.port)).toBe(true);
    for (const address of others) expect(await connects(address, dynamo.port)).toBe(false);
  });
});
