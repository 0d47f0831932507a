// Signing in at the organisation's OpenID Connect provider (Keycloak, as districts deploy it): the authorization code
// flow with PKCE (S256) for a public client, as RFC 9700 advises browsers. Written here on the Web Crypto API rather
// than taken from a library: the page loads no JavaScript build and no OIDC client library is served from the
// registries the platform builds from (see README, Web UI). What it does:
//   start()    sends the browser to the provider's login page, with a fresh verifier and state kept in sessionStorage;
//   complete() on the way back, checks the state, trades the code and verifier for tokens;
//   tokens are renewed with the refresh token a minute before the access token expires, while the page is open;
//   end()      ends the session at the provider (RP-initiated logout) and comes back signed out.

const issuer = document.querySelector('meta[name="perfledger-oidc-issuer"]')?.content ?? '';
const clientId = document.querySelector('meta[name="perfledger-oidc-client"]')?.content ?? '';
const PENDING = 'perfledger.oidc.pending';
const TOKENS = 'perfledger.oidc.tokens';
let renewal = null;
let discovered = null;

/** Whether people sign in at an identity provider (else with a pasted token, as in the local run without one). */
export const configured = Boolean(issuer && clientId);

async function endpoints() {
  if (!discovered) {
    const response = await fetch(issuer + '/.well-known/openid-configuration');
    if (!response.ok) {
      throw new Error('the identity provider cannot be reached (' + response.status + ')');
    }
    discovered = await response.json();
  }
  return discovered;
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function random() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

const redirectUri = () => location.origin + '/';

/** To the provider's login page; back at this page's address with a code. */
export async function start() {
  const { authorization_endpoint: authorize } = await endpoints();
  const verifier = random();
  const state = random();
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  // where the reader was, so they come back there
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, hash: location.hash }));
  const query = new URLSearchParams({
    response_type: 'code', client_id: clientId, redirect_uri: redirectUri(), scope: 'openid',
    code_challenge: challenge, code_challenge_method: 'S256', state,
    ui_locales: document.documentElement.lang || 'zh-CN',
  });
  location.assign(authorize + '?' + query);
}

async function tokenRequest(form) {
  const { token_endpoint: endpoint } = await endpoints();
  const response = await fetch(endpoint, {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: clientId, ...form }),
  });
  if (!response.ok) {
    throw new Error('the identity provider refused (' + response.status + ')');
  }
  return response.json();
}

/**
 * Completes a sign-in when the provider sent the browser back with a code: answers the access token (and the hash
 * the reader started from), or null when this load is no such return.
 */
export async function complete() {
  const params = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null');
  if (!configured || !pending || (!params.has('code') && !params.has('error'))) {
    return null;
  }
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', location.pathname + (pending.hash ?? ''));
  if (params.get('state') !== pending.state || !params.has('code')) {
    return null;
  }
  const tokens = await tokenRequest({
    grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(),
    code_verifier: pending.verifier,
  });
  keep(tokens);
  return tokens.access_token;
}

function keep(tokens) {
  sessionStorage.setItem(TOKENS, JSON.stringify({ refresh: tokens.refresh_token, id: tokens.id_token }));
  schedule(tokens.expires_in);
}

/** Renews the access token shortly before it expires; onToken gets each new one, onEnded when the session ended. */
let listeners = { onToken: () => {}, onEnded: () => {} };
export function keepRenewing(onToken, onEnded) {
  listeners = { onToken, onEnded };
}

function schedule(expiresIn) {
  clearTimeout(renewal);
  const seconds = Math.max(5, (Number(expiresIn) || 60) - 60);
  renewal = setTimeout(renew, seconds * 1000);
}

export async function renew() {
  const kept = JSON.parse(sessionStorage.getItem(TOKENS) ?? 'null');
  if (!configured || !kept?.refresh) {
    return false;
  }
  try {
    const tokens = await tokenRequest({ grant_type: 'refresh_token', refresh_token: kept.refresh });
    keep({ ...tokens, id_token: tokens.id_token ?? kept.id });
    listeners.onToken(tokens.access_token);
    return true;
  } catch (e) {
    sessionStorage.removeItem(TOKENS);
    listeners.onEnded();
    return false;
  }
}

/** Resumes renewing after a reload of the page (the access token itself stays in sessionStorage). */
export function resume(expiresAtSeconds) {
  if (configured && sessionStorage.getItem(TOKENS)) {
    schedule(expiresAtSeconds - Date.now() / 1000);
  }
}

/** Ends the session at the provider too, and comes back to this page signed out. */
export async function end() {
  clearTimeout(renewal);
  const kept = JSON.parse(sessionStorage.getItem(TOKENS) ?? 'null');
  sessionStorage.removeItem(TOKENS);
  if (!configured) {
    return;
  }
  const { end_session_endpoint: endSession } = await endpoints();
  const query = new URLSearchParams({ client_id: clientId, post_logout_redirect_uri: redirectUri() });
  if (kept?.id) {
    query.set('id_token_hint', kept.id);
  }
  location.assign(endSession + '?' + query);
}
