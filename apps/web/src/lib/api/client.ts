/**
 * The one way the web app talks to the server: JSON in and out, same-origin cookies, the CSRF
 * token on every non-GET request, errors parsed into ApiError, and a redirect to /login when the
 * session is gone (401 other than wrong credentials).
 */
import { ApiError, errorFromBody } from './errors.ts';

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** A JSON value, or FormData for uploads. */
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
  /** Do not redirect to /login on 401 (the login page and the session probe). */
  noAuthRedirect?: boolean;
}

let csrfToken: string | null = null;
let onUnauthenticated: () => void = () => {
  if (window.location.pathname !== '/login') window.location.assign('/login');
};

/** Stores the token from `GET /api/auth/me` or the login response. */
export function setCsrfToken(token: string | null | undefined): void {
  csrfToken = token ?? null;
}

/** The app installs a router-aware handler; the default reloads /login. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

/** `/api/x` + `{a: 1, b: undefined}` → `/api/x?a=1` (empty values left out). */
export function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
}

function retryAfterSeconds(res: Response): number | null {
  const value = res.headers.get('retry-after');
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.round((date - Date.now()) / 1000));
}

async function send(path: string, opts: RequestOptions): Promise<Response> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) {
    body = opts.body;
  } else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, code: 'NETWORK', message: String(cause) });
  }
}

async function refreshCsrfToken(): Promise<boolean> {
  const res = await send('/api/auth/me', { noAuthRedirect: true });
  if (!res.ok) return false;
  const me = (await res.json().catch(() => null)) as { csrfToken?: string } | null;
  setCsrfToken(me?.csrfToken);
  return Boolean(me?.csrfToken);
}

async function toError(res: Response, opts: RequestOptions): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => null);
  const error = errorFromBody(res.status, body, retryAfterSeconds(res));
  if (res.status === 401 && error.code !== 'INVALID_CREDENTIALS' && !opts.noAuthRedirect) {
    setCsrfToken(null);
    onUnauthenticated();
  }
  return error;
}

/**
 * Sends a request and returns the response when it is 2xx; otherwise throws ApiError. A write
 * refused for a stale CSRF token is retried once after fetching a fresh token.
 */
export async function rawRequest(path: string, opts: RequestOptions = {}): Promise<Response> {
  let res = await send(path, opts);
  if (res.status === 403 && (opts.method ?? 'GET') !== 'GET') {
    const copy = res.clone();
    const body: unknown = await copy.json().catch(() => null);
    const code = (body as { error?: { code?: string } } | null)?.error?.code;
    if (code === 'CSRF_FAILED' && (await refreshCsrfToken())) res = await send(path, opts);
  }
  if (!res.ok) throw await toError(res, opts);
  return res;
}

/** A JSON request; 204 and empty bodies resolve to `undefined`. */
export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await rawRequest(path, opts);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError({ status: res.status, code: 'BAD_RESPONSE', message: 'Invalid JSON from server' });
  }
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown, query?: Query) => request<T>(path, { method: 'POST', body, query }),
  put: <T>(path: string, body?: unknown) => request<T>(path, { method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown) => request<T>(path, { method: 'PATCH', body }),
  delete: <T = void>(path: string) => request<T>(path, { method: 'DELETE' }),
};
