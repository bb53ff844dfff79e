/**
 * Alexa's checks for a skill hosted as a web service, as Amazon documents them in "Host a Custom Skill as
 * a Web Service: Verify that the request was sent by Alexa"
 * (https://developer.amazon.com/en-US/docs/alexa/custom-skills/host-a-custom-skill-as-a-web-service.html):
 * the signing certificate's URL, the certificate chain, the request signature over the exact body bytes,
 * and the timestamp. Built on Node's own X509Certificate and crypto, so nothing is parsed by hand. The
 * certificate loader and trust roots can be given, so tests need no network.
 */
import { X509Certificate, verify as verifySignature } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import { canonicalCertificateUrl } from './certificate-url';
import { fetchCertificate } from './fetch-certificate';
import { createLoadingCache } from './loading-cache';
import { VerificationError } from './verification-error';

/** Alexa refuses anything older (or newer) than this; so do we. */
export const MAX_TIMESTAMP_SKEW_MS = 150_000;
const SIGNING_SAN = 'echo-api.amazon.com';

export { VerificationError };
/** Alexa uses one certificate URL at a time (a new one at rotation); the rest of the room is for spellings and probes. */
export const MAX_CACHED_CERTIFICATES = 64;
/** Long enough that a flood of requests for a bad URL costs one fetch per half-minute, short enough that a passing S3 error heals quickly. */
export const CERTIFICATE_FAILURE_TTL_MS = 30_000;

export type CertificateLoader = (url: string) => Promise<string>;

export interface VerifierOptions {
  /** Fetches the PEM chain from the canonical signature certificate URL (default: HTTPS GET with a total deadline). */
  loadCertificate?: CertificateLoader;
  /** PEM certificates trusted as roots of the chain (default: Node's bundled Mozilla roots). */
  trustedRoots?: readonly string[];
  now?: () => number;
  /** How many validated certificates are kept (default MAX_CACHED_CERTIFICATES). */
  maxCachedCertificates?: number;
  /** How long a failed fetch or chain is remembered (default CERTIFICATE_FAILURE_TTL_MS). */
  failureTtlMs?: number;
}

export interface RequestVerifier {
  /** Throws VerificationError when the headers alone show the request is not signed as Alexa signs (checked before the body is read). */
  verifyHeaders(headers: Record<string, string | string[] | undefined>): void;
  /** Throws VerificationError when the request is not provably from Alexa. */
  verifySignature(body: Buffer, headers: Record<string, string | string[] | undefined>): Promise<void>;
  verifyTimestamp(timestamp: unknown): void;
}

const header = (headers: Record<string, string | string[] | undefined>, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

function splitPem(pem: string): X509Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  try {
    return blocks.map((block) => new X509Certificate(block));
  } catch {
    throw new VerificationError('the signature certificate chain does not parse');
  }
}

const inDate = (certificate: X509Certificate, now: number) => now >= Date.parse(certificate.validFrom) && now <= Date.parse(certificate.validTo);

/**
 * The leaf is in date and is Alexa's; every certificate above it is a CA and in date (Node's checkIssued
 * does not look at basic constraints, so a CA:FALSE certificate would otherwise pass as an issuer); and
 * each is signed by the next, up to a trusted root.
 */
function checkChain(chain: X509Certificate[], roots: X509Certificate[], now: number): X509Certificate {
  const [leaf, ...issuers] = chain;
  if (!leaf) throw new VerificationError('the signature certificate chain is empty');
  if (!inDate(leaf, now)) throw new VerificationError('the signing certificate is out of date');
  const names = (leaf.subjectAltName ?? '').split(',').map((n) => n.trim());
  if (!names.includes(`DNS:${SIGNING_SAN}`)) throw new VerificationError(`the signing certificate is not for ${SIGNING_SAN}`);
  if (issuers.some((issuer) => !issuer.ca)) throw new VerificationError('a certificate above the signing certificate is not a CA');
  if (issuers.some((issuer) => !inDate(issuer, now))) throw new VerificationError('a certificate in the signature certificate chain is out of date');
  for (let i = 0; i + 1 < chain.length; i++) {
    if (!chain[i].checkIssued(chain[i + 1]) || !chain[i].verify(chain[i + 1].publicKey)) throw new VerificationError('the signature certificate chain is broken');
  }
  const top = chain[chain.length - 1];
  const trusted = roots.some((root) => root.fingerprint256 === top.fingerprint256 || (top.checkIssued(root) && top.verify(root.publicKey)));
  if (!trusted) throw new VerificationError('the signature certificate chain does not reach a trusted root');
  return leaf;
}

export function createRequestVerifier(options: VerifierOptions = {}): RequestVerifier {
  const load = options.loadCertificate ?? fetchCertificate;
  const roots = (options.trustedRoots ?? rootCertificates).map((pem) => new X509Certificate(pem));
  const now = options.now ?? Date.now;
  /** Validated leaf certificates by canonical URL, each good until the first end date in its chain. */
  const signingCertificate = createLoadingCache(
    async (url) => {
      const chain = splitPem(await load(url));
      const leaf = checkChain(chain, roots, now());
      return { value: leaf, expiresAt: Math.min(...chain.map((certificate) => Date.parse(certificate.validTo))) };
    },
    { maxEntries: options.maxCachedCertificates ?? MAX_CACHED_CERTIFICATES, failureTtlMs: options.failureTtlMs ?? CERTIFICATE_FAILURE_TTL_MS, now },
  );

  /** The certificate URL (canonical, as Amazon's rules require) and the SHA-256 signature, from the headers. */
  const signedBy = (headers: Record<string, string | string[] | undefined>): { url: string; signature: string } => {
    const url = header(headers, 'signaturecertchainurl');
    // Amazon's current documentation verifies the SHA-256 signature in "Signature-256"; the SHA-1
    // "Signature" header is legacy and is not enough on its own.
    const signature = header(headers, 'signature-256');
    if (!url || !signature) throw new VerificationError(header(headers, 'signature') ? 'the request has no Signature-256 header (SHA-1 alone is not accepted)' : 'the request is not signed');
    return { url: canonicalCertificateUrl(url), signature };
  };

  return {
    verifyHeaders(headers) {
      signedBy(headers);
    },
    async verifySignature(body, headers) {
      const { url, signature } = signedBy(headers);
      const leaf = await signingCertificate(url);
      if (!verifySignature('sha256', body, leaf.publicKey, Buffer.from(signature, 'base64'))) throw new VerificationError('the request signature does not match');
    },
    verifyTimestamp(timestamp) {
      const at = typeof timestamp === 'string' ? Date.parse(timestamp) : NaN;
      if (Number.isNaN(at)) throw new VerificationError('the request has no timestamp');
      if (Math.abs(now() - at) > MAX_TIMESTAMP_SKEW_MS) throw new VerificationError('the request timestamp is too old');
    },
  };
}
