/**
 * One-time values handed from one screen to the next in memory only (never in the URL or
 * storage): the temporary password of a user just created is shown once on the user's page.
 */
const store = new Map<string, string>();

export function putFlash(key: string, value: string): void {
  store.set(key, value);
}

/**
 * Returns the value and forgets it right after this render (deferred, so React's double call of
 * state initialisers in StrictMode sees the same value).
 */
export function takeFlash(key: string): string | undefined {
  const value = store.get(key);
  if (value !== undefined) setTimeout(() => store.delete(key), 0);
  return value;
}
