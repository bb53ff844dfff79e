/**
 * Calls to the preference store under a time limit. When the time is up the answer goes ahead without the
 * store, and the call is cancelled: a hung store would otherwise collect every abandoned call (and its memory).
 */

/** The time a call to the store was given ran out. */
export class StoreTimeout extends Error {
  override name = 'StoreTimeout';
}

/** The SDK's HTTP handler's words when it could not connect at all: nothing was sent, so nothing can be applied. */
const NEVER_CONNECTED = /did not establish a connection/;

/**
 * Out of time, by our limit or the client's own: the store may yet act on the call (a save may be
 * applied), so it is not reported as a failure. A call that never connected is a failure.
 */
export const timedOut = (e: unknown): boolean =>
  e instanceof StoreTimeout || (e instanceof Error && e.name === 'TimeoutError' && !NEVER_CONNECTED.test(e.message));

/** Runs `call` with a signal that is aborted, and rejects with StoreTimeout, when `ms` have passed. */
export async function withinTime<T>(ms: number, what: string, call: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new StoreTimeout(`${what} took longer than ${ms} ms`);
      reject(error);
      controller.abort(error);
    }, ms);
  });
  try {
    return await Promise.race([call(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
