// Types of the secureFlows browser SDK (secureflows.js beside this file).

export interface ClientOptions {
  /** The secureFlows HTTPS base address, for example "https://127.0.0.1:8443". */
  issuer: string;
  /** The application's client id. */
  clientId: string;
  /** The redirect URI exactly as registered for the application. */
  redirectUri: string;
  /** What to do on 410 (sign in again). Default: login({ returnTo: location.href }). */
  onReauthenticate?: () => void;
}

export interface StoredPayload<T = unknown> {
  document: T;
  /** Send it back as ifMatch to write only over this version. */
  etag: string | null;
}

export interface SecureFlowsClient {
  /** Goes to hosted login (PKCE S256 and state); the browser comes back to the redirect URI. */
  login(options?: { returnTo?: string }): Promise<void>;
  /**
   * On the redirect URI's page: exchanges the code for the sessionToken (kept in memory only) and removes the code
   * from the address bar. Null when the address carries no login answer.
   */
  handleRedirect(): Promise<{ returnTo: string } | null>;
  /** Takes over the login of another open tab of the application; true if one shared it. */
  joinOtherTabs(options?: { timeoutMs?: number }): Promise<boolean>;
  isSignedIn(): boolean;
  getPayload<T = unknown>(): Promise<StoredPayload<T> | null>;
  /** Resolves to the new ETag; rejects with PreconditionFailedError when ifMatch is stale. */
  putPayload(document: unknown, options?: { ifMatch?: string | null }): Promise<string | null>;
  deletePayload(): Promise<void>;
  /** Ends the session's tokens on the server and in every tab; the payload stays for the next login. */
  signOut(): Promise<void>;
}

/**
 * On 410 the client signs in again (the browser leaves the page) and the pending call's promise never settles.
 * On 401 it rejects with SecureFlowsError (status 401).
 */
export function createClient(options: ClientOptions): SecureFlowsClient;

export class SecureFlowsError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail?: string;
}

export class PreconditionFailedError extends SecureFlowsError {}
