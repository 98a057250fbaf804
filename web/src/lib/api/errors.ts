/** Errors of the API, in the shape of `ErrorBody`: `{ error, message, fields? }`. */
import { ErrorBody } from '@socle/domain';
import type { z } from 'zod';

type ApiErrorBody = z.infer<typeof ErrorBody>;

class ApiError extends Error {
  readonly status: number;
  readonly body: ApiErrorBody;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }

  get isVersionConflict(): boolean {
    return this.status === 409 && this.body.error === 'version_conflict';
  }
}

/** Builds an ApiError from any response, even one whose body is not the documented shape. */
const apiErrorFrom = async (response: Response): Promise<ApiError> => {
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    json = undefined;
  }
  const parsed = ErrorBody.safeParse(json);
  const body = parsed.success
    ? parsed.data
    : { error: `http_${response.status}`, message: response.statusText || 'Erreur inattendue du serveur' };
  return new ApiError(response.status, body);
};

/** Thrown when the network is down or the API unreachable. */
class NetworkError extends Error {
  constructor(options?: ErrorOptions) {
    super('Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.', options);
    this.name = 'NetworkError';
  }
}

export type { ApiErrorBody };
export { ApiError, NetworkError, apiErrorFrom };
