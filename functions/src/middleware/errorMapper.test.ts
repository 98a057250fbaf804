import { describe, expect, it, vi } from 'vitest';
import { errorResponse } from './errorMapper.ts';

/** An SDK error as DynamoDB throws it when a transaction's condition fails with `ALL_OLD`. */
const transactionCanceled = () =>
  Object.assign(new Error('Transaction cancelled, please refer cancellation reasons for specific reasons'), {
    name: 'TransactionCanceledException',
    $fault: 'client',
    $metadata: { httpStatusCode: 400, requestId: 'R3QU3ST1D', attempts: 1 },
    CancellationReasons: [
      {
        Code: 'ConditionalCheckFailed',
        Item: { pk: { S: 'T#t1' }, lastName: { S: 'Zyxbrandt-Quérel' }, birthDate: { S: '1979-02-27' } },
      },
      { Code: 'None' },
    ],
    Item: { email: { S: 'philomene.zyxbrandt@example.org' } },
  });

/** What the logger writes while `act` runs (errors go to stderr). */
const output = (act: () => void) => {
  const chunks: string[] = [];
  const spies = [process.stdout, process.stderr].map((stream) =>
    vi.spyOn(stream, 'write').mockImplementation(((chunk: string | Uint8Array) => {
      chunks.push(String(chunk));
      return true;
    }) as never),
  );
  try {
    act();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return chunks.join('');
};

describe('Function: errorResponse', () => {
  it('answers an unexpected error with a generic 500', () => {
    // Act
    let response: ReturnType<typeof errorResponse> | undefined;
    output(() => {
      response = errorResponse(transactionCanceled());
    });
    // Assess
    expect(response).toMatchObject({ statusCode: 500 });
    expect(JSON.parse((response as { body: string }).body)).toEqual({
      error: 'internal_error',
      message: 'Erreur interne / internal error',
    });
  });

  it('logs the error, its AWS request id and cancellation codes, never the items the SDK error carries', () => {
    // Act
    const logged = output(() => errorResponse(new Error('closing failed', { cause: transactionCanceled() })));
    // Assess
    const line = JSON.parse(logged.trim().split('\n').at(-1) ?? '{}');
    expect(line).toMatchObject({
      level: 'ERROR',
      message: 'unhandled error',
      error: {
        name: 'Error',
        message: 'closing failed',
        cause: {
          name: 'TransactionCanceledException',
          awsRequestId: 'R3QU3ST1D',
          httpStatusCode: 400,
          cancellationReasons: ['ConditionalCheckFailed', 'None'],
        },
      },
    });
    for (const personal of ['Zyxbrandt', '1979-02-27', 'philomene']) expect(logged).not.toContain(personal);
  });

  describe('when an AWS dependency does not answer in time', () => {
    /** The errors the SDK leaves after its retries: a timeout, a reset, a throttling, a 503. */
    const outages = {
      'a request timeout': () =>
        Object.assign(new Error('a request has exceeded the configured 1400 ms requestTimeout.'), {
          name: 'TimeoutError',
          code: 'ETIMEDOUT',
        }),
      'a connection refused': () =>
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { code: 'ECONNREFUSED' }),
      'a connection reset inside a wrapping error': () =>
        new Error('saving failed', {
          cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
        }),
      'a throttling left after the retries': () =>
        Object.assign(new Error('Throughput exceeds the current capacity'), {
          name: 'ProvisionedThroughputExceededException',
          $fault: 'client',
          $metadata: { httpStatusCode: 400 },
        }),
      'a 503 from the service': () =>
        Object.assign(new Error('Service unavailable'), {
          name: 'ServiceUnavailable',
          $fault: 'server',
          $metadata: { httpStatusCode: 503 },
        }),
    };

    for (const [what, outage] of Object.entries(outages)) {
      it(`answers ${what} with 503, Retry-After and a French and English message`, () => {
        // Act
        let response: ReturnType<typeof errorResponse> | undefined;
        output(() => {
          response = errorResponse(outage());
        });
        // Assess
        expect(response).toMatchObject({ statusCode: 503, headers: { 'retry-after': '5' } });
        const body = JSON.parse((response as { body: string }).body);
        expect(body.error).toBe('service_unavailable');
        expect(body.message).toMatch(
          /^Service momentanément indisponible.* \/ service temporarily unavailable$/,
        );
      });
    }

    it('logs one warning naming the error, not an unhandled error', () => {
      // Act
      const logged = output(() => errorResponse(outages['a request timeout']()));
      // Assess
      const lines = logged
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({
        level: 'WARN',
        message: 'dependency unavailable',
        error: { name: 'TimeoutError' },
      });
    });

    it('keeps a client error of the service (a failed condition, a validation) a 500, not a 503', () => {
      // Act
      let response: ReturnType<typeof errorResponse> | undefined;
      output(() => {
        response = errorResponse(
          Object.assign(new Error('One or more parameter values were invalid'), {
            name: 'ValidationException',
            $fault: 'client',
            $metadata: { httpStatusCode: 400 },
          }),
        );
      });
      // Assess
      expect(response).toMatchObject({ statusCode: 500 });
    });
  });
});
