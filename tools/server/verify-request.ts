/**
 * Alexa's checks for a skill hosted as a web service, as Amazon documents them in "Host a Custom Skill as
 * a Web Service: Verify that the request was sent by Alexa"
 * (https://developer.amazon.com/en-US/docs/alexa/custom-skills/host-a-custom-skill-as-a-web-service.html):
 * the signing certificate's URL, the certificate chain, the request signature over the exact body bytes,
 * and the timestamp. Built on Node's own X509Certificate and crypto, so nothing is parsed by hand. The
 * certificate loader and trust roots can be given, so tests need no network.
 */
import { X509Certificate, verify as verifySignature } from 'node:crypto';
import https from 'node:https';
import { rootCertificates } from 'node:tls';

/** Alexa refuses anything older (or newer) than this; so do we. */
export const MAX_TIMESTAMP_SKEW_MS = 150_000;
const SIGNING_HOST = 's3.amazonaws.com';
const SIGNING_PATH_PREFIX = '/echo.api/';
const SIGNING_SAN = 'echo-api.amazon.com';
const MAX_CERTIFICATE_BYTES = 64 * 1024;

export class VerificationError extends Error {}

export type CertificateLoader = (url: string) => Promise<string>;

export interface VerifierOptions {
  /** Fetches the PEM chain from the signature certificate URL (default: HTTPS GET). */
  loadCertificate?: CertificateLoader;
  /** PEM certificates trusted as roots of the chain (default: Node's bundled Mozilla roots). */
  trustedRoots?: readonly string[];
  now?: () => number;
}

export interface RequestVerifier {
  /** Throws VerificationError when the request is not provably from Alexa. */
  verifySignature(body: Buffer, headers: Record<string, string | string[] | undefined>): Promise<void>;
  verifyTimestamp(timestamp: unknown): void;
}

const header = (headers: Record<string, string | string[] | undefined>, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** The URL rules Alexa gives: https, s3.amazonaws.com, a path under /echo.api/, port 443 if any. */
export function checkCertificateUrl(raw: string): void {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new VerificationError('the signature certificate URL is not a URL');
  }
  if (url.protocol.toLowerCase() !== 'https:') throw new VerificationError('the signature certificate URL is not https');
  if (url.hostname.toLowerCase() !== SIGNING_HOST) throw new VerificationError('the signature certificate URL has the wrong host');
  if (!url.pathname.startsWith(SIGNING_PATH_PREFIX)) throw new VerificationError('the signature certificate URL has the wrong path');
  if (url.port && url.port !== '443') throw new VerificationError('the signature certificate URL has the wrong port');
}

function fetchCertificate(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = https.get(url, { timeout: 3000 }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        reject(new VerificationError(`the signature certificate could not be fetched (${response.statusCode})`));
        return;
      }
      let pem = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        pem += chunk;
        if (pem.length > MAX_CERTIFICATE_BYTES) request.destroy(new VerificationError('the signature certificate is too large'));
      });
      response.on('end', () => resolve(pem));
    });
    request.on('timeout', () => request.destroy(new VerificationError('the signature certificate took too long to fetch')));
    request.on('error', (e) => reject(e instanceof VerificationError ? e : new VerificationError('the signature certificate could not be fetched')));
  });
}

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
  /** Validated leaf certificates by URL: Alexa reuses its certificate for many requests. */
  const cache = new Map<string, X509Certificate>();

  async function signingCertificate(url: string): Promise<X509Certificate> {
    const cached = cache.get(url);
    if (cached && now() <= Date.parse(cached.validTo)) return cached;
    const leaf = checkChain(splitPem(await load(url)), roots, now());
    cache.set(url, leaf);
    return leaf;
  }

  return {
    async verifySignature(body, headers) {
      const url = header(headers, 'signaturecertchainurl');
      // Amazon's current documentation verifies the SHA-256 signature in "Signature-256"; the SHA-1
      // "Signature" header is legacy and is not enough on its own.
      const signature = header(headers, 'signature-256');
      if (!url || !signature) throw new VerificationError(header(headers, 'signature') ? 'the request has no Signature-256 header (SHA-1 alone is not accepted)' : 'the request is not signed');
      checkCertificateUrl(url);
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
