// secureFlows browser SDK: hosted login with PKCE, and the encrypted per-user session payload.
//
// The rules it keeps (docs/integration/browser-sdk.md):
// - the sessionToken lives in this module's closure only: never in localStorage, sessionStorage, a cookie, the URL or
//   the DOM. A reload forgets it; signing in again is silent while the hosted-login cookie is valid;
// - sessionStorage holds the PKCE verifier, the state and where to return, for the login round trip only, and they
//   are removed as soon as the browser is back;
// - 410 means "sign in again": the SDK starts a login that returns to the same place (nothing stored is lost);
// - 401 means the token is not acceptable at all: an error, never a silent retry.
//
// No dependencies; an ES module for current browsers (fetch, crypto.subtle, BroadcastChannel).

const PENDING_KEY = "secureflows.login";
const PAYLOAD_PATH = "/api/v1/session/payload";

/** A refusal of the secureFlows API, with the problem+json it answered (never the token). */
export class SecureFlowsError extends Error {
  constructor(status, title, detail) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = "SecureFlowsError";
    this.status = status;
    this.title = title;
    this.detail = detail;
  }
}

/** 412 on a write: the payload changed since the ETag the caller sent. */
export class PreconditionFailedError extends SecureFlowsError {
  constructor(title, detail) {
    super(412, title, detail);
    this.name = "PreconditionFailedError";
  }
}

/**
 * Creates a client for one application.
 *
 * @param {{issuer: string, clientId: string, redirectUri: string, onReauthenticate?: () => void}} options
 *   issuer: the secureFlows HTTPS base address; redirectUri: exactly as registered for the application;
 *   onReauthenticate: what to do on 410 (default: sign in again and come back to the current address).
 */
export function createClient(options) {
  const issuer = requireText(options, "issuer").replace(/\/+$/, "");
  const clientId = requireText(options, "clientId");
  const redirectUri = requireText(options, "redirectUri");
  const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel(`secureflows:${clientId}`) : null;
  let token = null;
  let tokenWaiters = [];

  if (channel) {
    channel.onmessage = (event) => {
      const message = event.data || {};
      if (message.type === "token-wanted" && token) {
        channel.postMessage({ type: "token", token });
      } else if (message.type === "token" && typeof message.token === "string") {
        token = message.token;
        tokenWaiters.splice(0).forEach((resolve) => resolve(true));
      } else if (message.type === "signed-out") {
        token = null;
      }
    };
  }

  async function login({ returnTo = location.href } = {}) {
    const verifier = randomText(32);
    const state = randomText(16);
    sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state, returnTo }));
    const query = new URLSearchParams({
      response_type: "code",
      client_id: clientId,
      redirect_uri: redirectUri,
      state,
      code_challenge: await challengeOf(verifier),
      code_challenge_method: "S256",
    });
    location.assign(`${issuer}/login/authorize?${query}`);
  }

  async function handleRedirect() {
    const url = new URL(location.href);
    const code = url.searchParams.get("code");
    const state = url.searchParams.get("state");
    const error = url.searchParams.get("error");
    if (!code && !error) {
      return null;
    }
    const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) || "null");
    sessionStorage.removeItem(PENDING_KEY);
    const returnTo = pending && sameOrigin(pending.returnTo) ? pending.returnTo : `${url.origin}${url.pathname}`;
    // The code must not stay in the address bar, the history or a bookmark.
    history.replaceState(null, "", returnTo);
    if (error) {
      throw new SecureFlowsError(400, "Sign-in failed", url.searchParams.get("error_description") || error);
    }
    if (!pending || pending.state !== state) {
      throw new SecureFlowsError(400, "Sign-in failed", "the answer does not belong to a login this page started");
    }
    const response = await fetch(`${issuer}/api/v1/token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code,
        code_verifier: pending.verifier,
        client_id: clientId,
        redirect_uri: redirectUri,
      }),
      credentials: "omit",
    });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new SecureFlowsError(response.status, "Sign-in failed", answer.error_description || answer.detail);
    }
    token = answer.sessionToken;
    if (channel) {
      channel.postMessage({ type: "token", token });
    }
    return { returnTo };
  }

  /** Asks the application's other open tabs for their login; resolves true if one shared it. */
  function joinOtherTabs({ timeoutMs = 300 } = {}) {
    if (token) {
      return Promise.resolve(true);
    }
    if (!channel) {
      return Promise.resolve(false);
    }
    return new Promise((resolve) => {
      tokenWaiters.push(resolve);
      channel.postMessage({ type: "token-wanted" });
      setTimeout(() => {
        tokenWaiters = tokenWaiters.filter((waiter) => waiter !== resolve);
        resolve(Boolean(token));
      }, timeoutMs);
    });
  }

  async function call(method, path, { body, headers = {} } = {}) {
    if (!token) {
      return reauthenticate();
    }
    const response = await fetch(`${issuer}${path}`, {
      method,
      headers: { ...headers, Authorization: `Bearer ${token}` },
      body,
      credentials: "omit",
      cache: "no-store",
    });
    if (response.status === 410) {
      token = null;
      return reauthenticate();
    }
    if (response.status === 401) {
      token = null;
      throw await refusal(response, "The sessionToken was refused (bad signature, issuer or audience)");
    }
    if (response.status === 412) {
      const problem = await response.json().catch(() => ({}));
      throw new PreconditionFailedError(problem.title || "Precondition failed", problem.detail);
    }
    if (!response.ok) {
      throw await refusal(response);
    }
    return response;
  }

  function reauthenticate() {
    if (typeof options.onReauthenticate === "function") {
      options.onReauthenticate();
    } else {
      login({ returnTo: location.href });
    }
    return new Promise(() => {});
  }

  return Object.freeze({
    login,
    handleRedirect,
    joinOtherTabs,
    /** Whether this page holds a sessionToken now. */
    isSignedIn: () => token !== null,
    /** The stored document and its ETag, or null when nothing was stored yet. */
    async getPayload() {
      const response = await call("GET", PAYLOAD_PATH);
      if (response.status === 204) {
        return null;
      }
      return { document: await response.json(), etag: response.headers.get("ETag") };
    },
    /** Stores the document; with ifMatch, only if the stored one still has that ETag. Resolves to the new ETag. */
    async putPayload(document, { ifMatch } = {}) {
      const headers = { "Content-Type": "application/json" };
      if (ifMatch) {
        headers["If-Match"] = ifMatch;
      }
      const response = await call("PUT", PAYLOAD_PATH, { body: JSON.stringify(document), headers });
      return response.headers.get("ETag");
    },
    async deletePayload() {
      await call("DELETE", PAYLOAD_PATH);
    },
    /** Ends the session's tokens on the server and in every tab; the payload stays for the next login. */
    async signOut() {
      if (token) {
        await call("POST", "/api/v1/session/signout");
      }
      token = null;
      if (channel) {
        channel.postMessage({ type: "signed-out" });
      }
    },
  });
}

function requireText(options, name) {
  const value = options && options[name];
  if (typeof value !== "string" || value.length === 0) {
    throw new TypeError(`secureFlows: the option "${name}" is required`);
  }
  return value;
}

function sameOrigin(address) {
  try {
    return new URL(address).origin === location.origin;
  } catch {
    return false;
  }
}

function randomText(bytes) {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

async function challengeOf(verifier) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

function base64Url(bytes) {
  let text = "";
  bytes.forEach((byte) => {
    text += String.fromCharCode(byte);
  });
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

async function refusal(response, fallback = "The request was refused") {
  const problem = await response.json().catch(() => ({}));
  return new SecureFlowsError(response.status, problem.title || fallback, problem.detail);
}
