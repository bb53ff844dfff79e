/**
 * A bounded cache of things that are slow to load (here, Alexa's signing certificates): least recently
 * used out first; loads of one key that are in flight at once are one load; a failure is remembered for
 * a short while, so a caller cannot make every request cost a fresh load. Failures are remembered apart
 * from what loaded, each bounded on its own, so a flood of failing keys never pushes a good value out.
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

interface Remembered<V> {
  value: V;
  expiresAt: number;
}

/** A Map kept in least-recently-used order (re-inserted on every hit, so its first key is the oldest), at most `max` long. */
function lru<V>(max: number) {
  const entries = new Map<string, Remembered<V>>();
  return {
    get(key: string, now: number): V | undefined {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      if (now > entry.expiresAt) return undefined;
      entries.set(key, entry);
      return entry.value;
    },
    set(key: string, entry: Remembered<V>): void {
      entries.delete(key);
      entries.set(key, entry);
      while (entries.size > max) entries.delete(entries.keys().next().value as string);
    },
    delete: (key: string) => entries.delete(key),
  };
}

export function createLoadingCache<T>(load: (key: string) => Promise<Loaded<T>>, { maxEntries, failureTtlMs, now }: LoadingCacheOptions): (key: string) => Promise<T> {
  const loaded = lru<T>(maxEntries);
  const failed = lru<unknown>(maxEntries);
  const inFlight = new Map<string, Promise<T>>();

  function fresh(key: string): Promise<T> {
    const loading = load(key).then(
      ({ value, expiresAt }) => (failed.delete(key), loaded.set(key, { value, expiresAt }), value),
      (error: unknown) => {
        failed.set(key, { value: error, expiresAt: now() + failureTtlMs });
        throw error;
      },
    );
    const settled = loading.finally(() => inFlight.delete(key));
    inFlight.set(key, settled);
    return settled;
  }

  return async (key) => {
    const value = loaded.get(key, now());
    if (value !== undefined) return value;
    const error = failed.get(key, now());
    if (error !== undefined) throw error;
    return inFlight.get(key) ?? fresh(key);
  };
}
