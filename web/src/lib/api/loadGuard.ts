/** Turns API failures met in a load function into SvelteKit redirects and error pages. */
import { error, redirect } from '@sveltejs/kit';
import { loginPath } from '$lib/auth/oidc';
import { ApiError, NetworkError } from './errors';

const UNAVAILABLE_PAGE =
  'Le service est momentanément indisponible. Rechargez la page dans quelques secondes pour réessayer.';

interface GuardOptions {
  /** Message of the 404 page, e.g. "Ce dossier est introuvable." */
  notFound?: string;
}

const failLoad = (e: unknown, url: URL, options: GuardOptions = {}): never => {
  if (e instanceof ApiError) {
    if (
      e.status === 400 &&
      url.searchParams.has('cursor') &&
      e.body.fields?.some((f) => f.path === 'cursor')
    ) {
      // A stale or mangled page cursor (an old bookmark): start again from the first page.
      const first = new URL(url);
      first.searchParams.delete('cursor');
      redirect(307, first.pathname + first.search);
    }
    if (e.status === 401) redirect(307, loginPath(url.pathname + url.search));
    if (e.status === 403) error(403, { message: "Vous n'avez pas accès à cette page." });
    if (e.status === 404) error(404, { message: options.notFound ?? 'Cette page est introuvable.' });
    // A page that could not load has nothing typed to keep: say how to retry.
    if (e.isUnavailable) error(503, { message: UNAVAILABLE_PAGE });
    error(e.status, { message: e.message });
  }
  if (e instanceof NetworkError) error(503, { message: e.message });
  throw e;
};

/** Awaits an API call in a load function; on failure, redirects to sign-in or shows the error page. */
const guarded = <T>(url: URL, promise: Promise<T>, options?: GuardOptions): Promise<T> =>
  promise.catch((e: unknown) => failLoad(e, url, options));

export { guarded };
