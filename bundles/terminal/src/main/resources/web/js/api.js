// The one way the pages reach Tessera: the public REST API under /api/v1, with the operator's token in a header.
import * as session from './session.js';
import { language } from './i18n.js';

/** A refused or failed call: the HTTP status (0 when the network failed) and the API's error body. */
export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || `HTTP ${status}`);
    this.status = status;
    this.code = body && body.code;
    this.field = body && body.field;
  }
}

/** A new idempotency key: one per operation the clerk means to do once; a retry of it sends the same key. */
export function newKey() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const x = [...b].map((v) => v.toString(16).padStart(2, '0')).join('');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

// Calls in flight: the page says it is busy (aria-busy) while any is, for assistive technology and for tests.
let inFlight = 0;
function pending(change) {
  inFlight += change;
  if (inFlight > 0) document.body.setAttribute('aria-busy', 'true');
  else document.body.removeAttribute('aria-busy');
}

/** The URL of an API path with its query (empty values left out). */
export function apiUrl(path, query = {}) {
  const url = new URL(`/api/v1${path}`, location.origin);
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, v);
  }
  return url;
}

/**
 * One call. options: query (object), body (an object sent as JSON, or a Blob sent as it is with options.type),
 * key (the Idempotency-Key), raw (answer the Response itself). Answers the JSON body, or null for 204.
 */
export async function api(method, path, options = {}) {
  const headers = { Accept: 'application/json', 'Accept-Language': language() };
  const s = session.current();
  if (s) headers.Authorization = `Bearer ${s.token}`;
  if (options.key) headers['Idempotency-Key'] = options.key;
  let body;
  if (options.body instanceof Blob) {
    body = options.body;
    headers['Content-Type'] = options.type || options.body.type || 'application/octet-stream';
  } else if (options.body !== undefined) {
    // The API refuses null for an optional field ("leave it out"): empty fields are left out.
    body = JSON.stringify(options.body, (k, v) => (v === null || v === undefined ? undefined : v));
    headers['Content-Type'] = 'application/json';
  }
  // Busy until the answer's body is read, not just its headers.
  pending(1);
  try {
    let r;
    try {
      r = await fetch(apiUrl(path, options.query), { method, headers, body, cache: 'no-store' });
    } catch (e) {
      throw new ApiError(0, { message: e.message });
    }
    if (r.status === 401 && s) {
      // The token expired or was revoked: back to the login page.
      session.end();
      window.dispatchEvent(new Event('tessera:logged-out'));
    }
    if (!r.ok) {
      let b = {};
      try {
        b = await r.json();
      } catch (e) {
        b = { message: r.statusText };
      }
      throw new ApiError(r.status, b);
    }
    if (options.raw) return r;
    if (r.status === 204) return null;
    const type = r.headers.get('Content-Type') || '';
    return type.includes('json') ? await r.json() : r;
  } finally {
    pending(-1);
  }
}

export const get = (path, query) => api('GET', path, { query });
export const post = (path, body, options = {}) => api('POST', path, { ...options, body });
export const put = (path, body, options = {}) => api('PUT', path, { ...options, body });
export const del = (path, options = {}) => api('DELETE', path, options);
