import { describe, expect, it } from 'vitest';
import { UNAVAILABLE_MESSAGE, apiErrorFrom, errorMessage } from './errors.ts';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('Function: apiErrorFrom', () => {
  it("turns the API's bilingual 503 into one French sentence that says the input is kept", async () => {
    // Act
    const error = await apiErrorFrom(
      json(503, {
        error: 'service_unavailable',
        message: 'Service momentanément indisponible / service temporarily unavailable',
      }),
    );
    // Assess
    expect(error.isUnavailable).toBe(true);
    expect(error.body.error).toBe('service_unavailable');
    expect(error.message).toBe(UNAVAILABLE_MESSAGE);
    expect(errorMessage(error)).toBe(UNAVAILABLE_MESSAGE);
    expect(error.message).not.toMatch(/unavailable/);
  });

  it.each([502, 504])("says the same of API Gateway's bare %i", async (status) => {
    // Act
    const error = await apiErrorFrom(json(status, { message: 'Service Unavailable' }));
    // Assess
    expect(error.isUnavailable).toBe(true);
    expect(error.message).toBe(UNAVAILABLE_MESSAGE);
  });

  it('keeps the message of any other error', async () => {
    // Act
    const error = await apiErrorFrom(
      json(409, { error: 'version_conflict', message: 'Modifié entre-temps' }),
    );
    // Assess
    expect(error.isUnavailable).toBe(false);
    expect(error.message).toBe('Modifié entre-temps');
  });
});
