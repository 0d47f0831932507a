// Talking to the two services: reads from this origin (the query service), commands to the command service.
// The bearer token lives in sessionStorage only, so it goes when the tab closes.

const TOKEN = 'perfledger.token';
import * as oidc from './oidc.js';

/** Whether people sign in at the organisation's identity provider (else with a token, as the local run offers). */
export const providerSignIn = oidc.configured;
export const startProviderSignIn = () => oidc.start();

/** On a return from the provider's login page, keeps the access token; answers whether someone is signed in. */
export async function completeSignIn() {
  const accessToken = await oidc.complete().catch(() => null);
  if (accessToken) {
    sessionStorage.setItem(TOKEN, accessToken);
  }
  oidc.keepRenewing(renewed => sessionStorage.setItem(TOKEN, renewed), () => {
    signOut();
    window.dispatchEvent(new Event('perfledger:signed-out'));
  });
  const current = claims();
  if (current?.exp) {
    oidc.resume(current.exp);
  }
  return Boolean(current);
}
const commandApi = document.querySelector('meta[name="perfledger-command-api"]')?.content ?? '';
// On a sharded platform each district's commands go to the command service of the shard that keeps it.
const commandShards = (() => {
  try {
    return JSON.parse(document.querySelector('meta[name="perfledger-command-shards"]')?.content || 'null');
  } catch (e) {
    return null;
  }
})();

/** The command service that keeps the district the path (or a district's onboarding, its body) names. */
export function commandBase(path, body) {
  if (!commandShards) {
    return commandApi;
  }
  const named = /^\/api\/v1\/districts\/([^/?#]+)/.exec(path)?.[1] ?? body?.district;
  const district = named == null ? null : decodeURIComponent(named);
  return (district && Object.hasOwn(commandShards.districts, district) ? commandShards.districts[district]
    : commandShards.rest) ?? commandApi;
}

/** A refusal as the APIs write it (application/problem+json): title, detail and every field with its rule. */
export class Problem extends Error {
  constructor(status, body) {
    super(body?.detail || body?.title || 'HTTP ' + status);
    this.status = status;
    this.type = body?.type ?? null;
    this.errors = Array.isArray(body?.errors) ? body.errors : [];
  }
}

export function token() {
  return sessionStorage.getItem(TOKEN);
}

/** The token's claims (district, department, roles, sub), or null when it is not a JWT that is still valid. */
export function claims(jwt = token()) {
  try {
    const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(part), c => c.charCodeAt(0));
    const payload = JSON.parse(new TextDecoder().decode(bytes));
    if (payload.exp && payload.exp * 1000 < Date.now()) {
      return null;
    }
    return { ...payload, roles: Array.isArray(payload.roles) ? payload.roles : [] };
  } catch (e) {
    return null;
  }
}

export function signIn(jwt) {
  if (!claims(jwt)) {
    return false;
  }
  sessionStorage.setItem(TOKEN, jwt);
  return true;
}

export function signOut() {
  sessionStorage.removeItem(TOKEN);
}

/** Signs out here and, where people sign in at a provider, ends the session there too. */
export async function endSession() {
  signOut();
  await oidc.end();
}

export function can(role) {
  return (claims()?.roles ?? []).includes(role);
}

async function answer(response) {
  const type = response.headers.get('Content-Type') ?? '';
  const body = type.includes('json') ? await response.json() : null;
  if (response.status === 401) {
    signOut();
    window.dispatchEvent(new Event('perfledger:signed-out'));
  }
  if (!response.ok) {
    throw new Problem(response.status, body);
  }
  return body;
}

/** GET a read model from the query service. */
export async function read(path) {
  return answer(await fetch(path, { headers: { Authorization: 'Bearer ' + token() } }));
}

/** POST a read that takes a body to the query service (a scoring scheme's preview); nothing is written. */
export async function post(path, body) {
  return answer(await fetch(path, {
    method: 'POST',
    headers: { Authorization: 'Bearer ' + token(), 'Content-Type': 'application/json' },
    body: body == null ? undefined : JSON.stringify(body),
  }));
}

/** GET from the command service: the event log and the hash chain, which it keeps. */
export async function readRecord(path) {
  return answer(await fetch(commandBase(path) + path, { headers: { Authorization: 'Bearer ' + token() } }));
}

/** Send a command; a fresh Idempotency-Key makes a retried click safe. */
export async function send(method, path, body) {
  return answer(await fetch(commandBase(path, body) + path, {
    method,
    headers: {
      Authorization: 'Bearer ' + token(),
      'Content-Type': 'application/json',
      'Idempotency-Key': crypto.randomUUID(),
    },
    body: body == null ? undefined : JSON.stringify(body),
  }));
}

/** Upload a workbook to the command service, reporting progress (0–100) as it goes. */
export function upload(path, file, onProgress,
  type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', commandBase(path) + path + (type.includes('spreadsheet') ? '?file=' + encodeURIComponent(file.name) : ''));
    request.setRequestHeader('Authorization', 'Bearer ' + token());
    request.setRequestHeader('Content-Type', type);
    request.setRequestHeader('Idempotency-Key', crypto.randomUUID());
    request.upload.onprogress = event => {
      if (event.lengthComputable) {
        onProgress(Math.round(event.loaded * 100 / event.total));
      }
    };
    request.onload = () => {
      let body = null;
      try {
        body = JSON.parse(request.responseText);
      } catch (e) {
        // not JSON
      }
      if (request.status >= 200 && request.status < 300) {
        resolve(body);
      } else {
        reject(new Problem(request.status, body));
      }
    };
    request.onerror = () => reject(new Problem(0, { detail: 'network error' }));
    request.send(file);
  });
}

/**
 * Download a file with the bearer token, reporting progress; then save it. From the query service, or from the
 * command service for the record it keeps ({@code record}: the event log).
 */
export async function download(path, onProgress, record = false) {
  const response = await fetch((record ? commandBase(path) : '') + path, { headers: { Authorization: 'Bearer ' + token() } });
  if (!response.ok) {
    await answer(response);
  }
  const total = Number(response.headers.get('Content-Length')) || 0;
  const reader = response.body.getReader();
  const chunks = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    chunks.push(value);
    received += value.length;
    onProgress(total ? Math.round(received * 100 / total) + '%' : Math.round(received / 1024) + ' KB');
  }
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = encoded ? decodeURIComponent(encoded[1]) : plain ? plain[1] : 'download.xlsx';
  const url = URL.createObjectURL(new Blob(chunks, { type: response.headers.get('Content-Type') ?? '' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return name;
}

/**
 * Wait until the query side has caught up with a command's receipt: the read model of the plan reaches the version
 * the command service answered with (events travel through Kafka, usually in well under a second). The query service
 * holds the request until then (?minVersion=, up to ten seconds a request), so nothing is read over and over.
 */
export async function caughtUp(planPath, version, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const plan = await read(planPath + '?minVersion=' + encodeURIComponent(version));
      if (plan.version >= version) {
        return true;
      }
    } catch (e) {
      if (!(e instanceof Problem) || e.status !== 404) {
        throw e;
      }
      // not there yet at all (a plan just registered): the next ask waits for it
      await new Promise(resolve => setTimeout(resolve, 150));
    }
  }
  return false;
}

/** Wait until a read answers what a command wrote (a calendar, a new department): read() until accepted(answer). */
export async function until(readIt, accepted, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const answer = await readIt().catch(() => null);
    if (answer && accepted(answer)) {
      return true;
    }
    await new Promise(resolve => setTimeout(resolve, 150));
  }
  return false;
}
