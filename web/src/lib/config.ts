/**
 * Runtime configuration, fetched once from `/config.json` (served by the Vite dev server locally,
 * deployed by the CDK stack in AWS). The same build runs everywhere; only this file differs.
 *
 * Checked by hand rather than with zod: the public pages (`/verifier`) use this module too, and
 * must not load zod for three fields.
 */

interface AppConfig {
  apiUrl: string;
  /**
   * Base of the public verification routes (`/public/…`): `/` when the site's own domain serves
   * them (in AWS, behind the web distribution and its WAF). Defaults to `apiUrl` (local stack).
   */
  publicApiUrl?: string;
  auth: {
    issuer: string;
    clientId: string;
    /** The issuer's `/logout`, used when discovery names no `end_session_endpoint` (Cognito's may not). */
    logoutEndpoint?: string;
  };
}

const localDefaults: AppConfig = {
  apiUrl: 'http://localhost:3000',
  auth: { issuer: 'http://localhost:3000/dev-auth', clientId: 'socle-web' },
};

/** `new URL` rather than `URL.canParse`, which older phones (Safari before 17) lack. */
const isUrl = (value: unknown): value is string => {
  if (typeof value !== 'string') return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
};

/** An absolute URL, or a path on the site's own origin (`/`). */
const isBase = (value: unknown): value is string =>
  isUrl(value) || (typeof value === 'string' && value.startsWith('/') && !value.startsWith('//'));

/** The configuration when `value` has the expected shape, undefined otherwise. */
const parseConfig = (value: unknown): AppConfig | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const { apiUrl, publicApiUrl, auth } = value as Record<string, unknown>;
  if (!isUrl(apiUrl) || typeof auth !== 'object' || auth === null) return undefined;
  if (publicApiUrl !== undefined && !isBase(publicApiUrl)) return undefined;
  const { issuer, clientId, logoutEndpoint } = auth as Record<string, unknown>;
  if (!isUrl(issuer) || typeof clientId !== 'string' || clientId === '') return undefined;
  if (logoutEndpoint !== undefined && !isUrl(logoutEndpoint)) return undefined;
  return {
    apiUrl,
    ...(publicApiUrl ? { publicApiUrl } : {}),
    auth: { issuer, clientId, ...(logoutEndpoint ? { logoutEndpoint } : {}) },
  };
};

let pending: Promise<AppConfig> | undefined;

const fetchConfig = async (fetchFn: typeof fetch): Promise<AppConfig> => {
  try {
    const response = await fetchFn('/config.json', { cache: 'no-store' });
    if (!response.ok) return localDefaults;
    return parseConfig(await response.json()) ?? localDefaults;
  } catch {
    return localDefaults;
  }
};

/** The configuration, fetched on first use (with the load function's `fetch` when given) and then shared. */
const getConfig = (fetchFn: typeof fetch = fetch): Promise<AppConfig> => {
  pending ??= fetchConfig(fetchFn);
  return pending;
};

export type { AppConfig };
export { getConfig };
