/**
 * The signature certificate URL, checked and made canonical. Amazon's rules ("Host a Custom Skill as a Web
 * Service: Verify the signature certificate URL",
 * https://developer.amazon.com/en-US/docs/alexa/custom-skills/host-a-custom-skill-as-a-web-service.html):
 * normalise first, then protocol https (any case), host s3.amazonaws.com (any case), path starting
 * /echo.api/ (case-sensitive), port 443 if any.
 *
 * What is fetched, and what the cache is keyed on, is the canonical https://s3.amazonaws.com/<path>,
 * without the query, fragment or user info: Amazon's URLs have none, and otherwise every `?v=N` spelling
 * of a good URL would cost an outbound fetch and a cache entry. This can only refuse, never admit: the
 * signature is checked against the certificate actually fetched.
 */
import { VerificationError } from './verification-error';

const SIGNING_HOST = 's3.amazonaws.com';
const SIGNING_PATH_PREFIX = '/echo.api/';

/** RFC 3986 §6.2.2.2: a percent-encoded unreserved character (`%65` for `e`) is the character itself. */
const decodeUnreserved = (raw: string) =>
  raw.replace(/%([0-9a-f]{2})/gi, (escape, hex: string) => {
    const character = String.fromCharCode(parseInt(hex, 16));
    return /[A-Za-z0-9\-._~]/.test(character) ? character : escape.toUpperCase();
  });

/** Throws VerificationError when `raw` breaks Amazon's rules; otherwise answers its canonical form. */
export function canonicalCertificateUrl(raw: string): string {
  let url: URL;
  try {
    // WHATWG URL lower-cases scheme and host, drops the default port and resolves dot segments (`%2e` too).
    url = new URL(decodeUnreserved(raw));
  } catch {
    throw new VerificationError('the signature certificate URL is not a URL');
  }
  if (url.protocol !== 'https:') throw new VerificationError('the signature certificate URL is not https');
  if (url.hostname !== SIGNING_HOST) throw new VerificationError('the signature certificate URL has the wrong host');
  if (url.port !== '') throw new VerificationError('the signature certificate URL has the wrong port');
  if (!url.pathname.startsWith(SIGNING_PATH_PREFIX)) throw new VerificationError('the signature certificate URL has the wrong path');
  return `https://${SIGNING_HOST}${url.pathname}`;
}
