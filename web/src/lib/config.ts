/**
 * Runtime configuration, fetched once from `/config.json` (served by the Vite dev server locally,
 * deployed by the CDK stack in AWS). The same build runs everywhere; only this file differs.
 */
import * as z from 'zod';

const AppConfig = z.object({
  apiUrl: z.url(),
  auth: z.object({
    issuer: z.url(),
    clientId: z.string().min(1),
    /** Cognito's `/logout` (its discovery document has no end_session_endpoint). */
    logoutEndpoint: z.url().optional(),
  }),
});
type AppConfig = z.infer<typeof AppConfig>;

const localDefaults: AppConfig = {
  apiUrl: 'http://localhost:3000',
  auth: { issuer: 'http://localhost:3000/dev-auth', clientId: 'socle-web' },
};

let pending: Promise<AppConfig> | undefined;

const fetchConfig = async (fetchFn: typeof fetch): Promise<AppConfig> => {
  try {
    const response = await fetchFn('/config.json', { cache: 'no-store' });
    if (!response.ok) return localDefaults;
    const parsed = AppConfig.safeParse(await response.json());
    return parsed.success ? parsed.data : localDefaults;
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
