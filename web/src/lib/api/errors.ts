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

  /** The API or a service behind it is momentarily down (503, or API Gateway's 502/504): retry later. */
  get isUnavailable(): boolean {
    return UNAVAILABLE_STATUSES.has(this.status);
  }
}

const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

/** Shown for a 502/503/504 wherever the error's message is shown (forms, autosave, error page). */
const UNAVAILABLE_MESSAGE =
  'Le service est momentanément indisponible. Réessayez dans quelques secondes : ce que vous avez saisi est conservé.';

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
  // The API's 503 body is bilingual and API Gateway's is English: the user reads one French sentence.
  if (UNAVAILABLE_STATUSES.has(response.status)) {
    return new ApiError(response.status, { ...body, message: UNAVAILABLE_MESSAGE });
  }
  return new ApiError(response.status, body);
};

/** Thrown when the network is down or the API unreachable. */
class NetworkError extends Error {
  constructor(options?: ErrorOptions) {
    super('Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.', options);
    this.name = 'NetworkError';
  }
}

/** A French sentence for an error met outside a form (a button's action, an autosave, a download). */
const errorMessage = (e: unknown): string => {
  if (e instanceof ApiError) {
    if (e.status === 400 && e.body.fields?.length)
      return `Données refusées : ${e.body.fields.map((f) => `${f.path} (${f.message})`).join(', ')}.`;
    if (e.status === 401) return 'Votre session a expiré. Reconnectez-vous.';
    if (e.status === 403) return "Vous n'avez pas accès à cette action.";
    if (e.status === 404) return "Cet élément n'existe plus ou n'est plus accessible.";
    if (e.isVersionConflict) return "Cet élément a été modifié par quelqu'un d'autre : rechargez la page.";
    if (e.body.error === 'invalid_transition')
      return "Cette action n'est plus possible dans l'état actuel du dossier : rechargez la page.";
    return e.message;
  }
  if (e instanceof NetworkError) return e.message;
  console.error(e);
  return 'Une erreur inattendue est survenue. Réessayez dans un instant.';
};

export type { ApiErrorBody };
export { ApiError, NetworkError, UNAVAILABLE_MESSAGE, apiErrorFrom, errorMessage };
