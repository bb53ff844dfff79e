/**
 * A bounded cache of things that are slow to load (here, Alexa's signing certificates): least recently
 * used out first; loads of one key that are in flight at once are one load; a failure is remembered for
 * a short while, so a caller cannot make every request cost a fresh load.
 */
export interface Loaded<T> {
  value: T;
  /** When the value stops being good (a certificate's end date), in the clock's milliseconds. */
  expiresAt: number;
}

export interface LoadingCacheOptions {
  maxEntries: number;
  failureTtlMs: number;
  now: () => number;
}

type Entry<T> = { ok: true; value: T; expiresAt: number } | { ok: false; error: unknown; expiresAt: number };

export function createLoadingCache<T>(load: (key: string) => Promise<Loaded<T>>, { maxEntries, failureTtlMs, now }: LoadingCacheOptions): (key: string) => Promise<T> {
  // A Map keeps insertion order: re-inserting on every hit makes its first key the least recently used.
  const entries = new Map<string, Entry<T>>();
  const inFlight = new Map<string, Promise<T>>();

  function remember(key: string, entry: Entry<T>): void {
    entries.delete(key);
    entries.set(key, entry);
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
  }

  function fresh(key: string): Promise<T> {
    const loading = load(key).then(
      ({ value, expiresAt }) => (remember(key, { ok: true, value, expiresAt }), value),
      (error: unknown) => {
        remember(key, { ok: false, error, expiresAt: now() + failureTtlMs });
        throw error;
      },
    );
    const settled = loading.finally(() => inFlight.delete(key));
    inFlight.set(key, settled);
    return settled;
  }

  return async (key) => {
    const entry = entries.get(key);
    if (entry && now() <= entry.expiresAt) {
      remember(key, entry);
      if (entry.ok) return entry.value;
      throw entry.error;
    }
    entries.delete(key);
    return inFlight.get(key) ?? fresh(key);
  };
}
