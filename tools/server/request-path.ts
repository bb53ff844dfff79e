/**
 * The path of a request target, in either form HTTP/1.1 allows a server to receive (RFC 9112 §3.2):
 * origin form (`/health?x`) and absolute form (`http://host/health`), which proxies send and servers must
 * accept. Anything else (`*`, authority form) has no path here.
 */
export function requestPath(target: string | undefined): string | undefined {
  if (!target) return undefined;
  // Origin form is taken as it stands: `//health` is a path, not a host called "health".
  if (target.startsWith('/')) return target.split(/[?#]/)[0];
  try {
    const url = new URL(target);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.pathname : undefined;
  } catch {
    return undefined;
  }
}
