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
});
