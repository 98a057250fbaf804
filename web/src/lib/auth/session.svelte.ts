/**
 * The signed-in session: tokens kept in sessionStorage (one tab, gone when the tab closes), exposed
 * as reactive state. Only this class reads or writes the stored tokens.
 */

interface StoredTokens {
  accessToken: string;
  idToken?: string;
  /** Renews the session silently (Cognito: 12 h, the app client's refresh token validity). */
  refreshToken?: string;
  /** Epoch milliseconds after which the access token is no longer accepted. */
  expiresAt: number;
}

interface TokenInput {
  access_token: string;
  id_token?: string;
  refresh_token?: string;
  expires_in?: number;
}

const STORAGE_KEY = 'socle.session';
/** Treat a token as expired slightly early, so a request never leaves with a token about to die. */
const EXPIRY_MARGIN_MS = 30_000;

/** Reads `exp` from a JWT without verifying it (the API verifies); undefined when not a JWT. */
const jwtExpiry = (token: string): number | undefined => {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    return typeof json.exp === 'number' ? json.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
};

const readStored = (): StoredTokens | undefined => {
  if (typeof sessionStorage === 'undefined') return undefined;
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as StoredTokens) : undefined;
  } catch {
    return undefined;
  }
};

class Session {
  #tokens = $state<StoredTokens | undefined>(readStored());

  /** The bearer token for API calls, or undefined when signed out or expired. */
  get accessToken(): string | undefined {
    return this.isValid ? this.#tokens?.accessToken : undefined;
  }

  get idToken(): string | undefined {
    return this.#tokens?.idToken;
  }

  get refreshToken(): string | undefined {
    return this.#tokens?.refreshToken;
  }

  /** Epoch milliseconds at which the session stops being valid (0 when signed out). */
  get expiresAt(): number {
    return this.#tokens ? this.#tokens.expiresAt - EXPIRY_MARGIN_MS : 0;
  }

  get isValid(): boolean {
    return this.#tokens !== undefined && Date.now() < this.#tokens.expiresAt - EXPIRY_MARGIN_MS;
  }

  /**
   * Stores the tokens of a token endpoint response. A refresh grant's response has no refresh token
   * (Cognito keeps the one of the sign-in): the stored one is kept.
   */
  save(tokens: TokenInput): void {
    const expiresAt =
      tokens.expires_in !== undefined
        ? Date.now() + tokens.expires_in * 1000
        : (jwtExpiry(tokens.access_token) ?? Date.now() + 3_600_000);
    const refreshToken = tokens.refresh_token ?? this.#tokens?.refreshToken;
    this.#tokens = {
      accessToken: tokens.access_token,
      idToken: tokens.id_token ?? this.#tokens?.idToken,
      ...(refreshToken ? { refreshToken } : {}),
      expiresAt,
    };
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(this.#tokens));
  }

  clear(): void {
    this.#tokens = undefined;
    sessionStorage.removeItem(STORAGE_KEY);
  }
}

/** The one session of this tab. */
const session = new Session();

export type { Session, TokenInput };
export { session };
