/**
 * The signing-certificate cache, probed as an attacker would: spellings of one URL are one fetch and one
 * entry; the cache is bounded; fetches of the same URL in flight at once are one fetch; a failure is
 * remembered briefly; and a fetch has a total deadline, not only an idle timeout.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchCertificate } from '../../tools/server/fetch-certificate';
import { CERTIFICATE_FAILURE_TTL_MS, createRequestVerifier, MAX_CACHED_CERTIFICATES, VerificationError, type VerifierOptions } from '../../tools/server/verify-request';
import { makeTestSigner, type TestSigner } from './certificates';
import { CERT_URL, launch } from './harness';

let signer: TestSigner;
beforeAll(() => {
  signer = makeTestSigner();
});

const body = launch();

/** A verifier whose certificate loads are counted, with `load` answering each (default: the good chain). */
function verifierWithLoads(options: Partial<VerifierOptions> & { load?: (url: string) => Promise<string> } = {}) {
  const loads: string[] = [];
  const verifier = createRequestVerifier({
    trustedRoots: [signer.rootPem],
    ...options,
    loadCertificate: (url) => (loads.push(url), (options.load ?? (async () => signer.chainPem))(url)),
  });
  const verify = (url: string) => verifier.verifySignature(Buffer.from(body), { signaturecertchainurl: url, 'signature-256': signer.sign(body) });
  return { loads, verify };
}

it('has sensible exported limits', () => {
  expect(MAX_CACHED_CERTIFICATES).toBe(64);
  expect(CERTIFICATE_FAILURE_TTL_MS).toBe(30_000);
});

it('fetches many spellings of one certificate URL once, from its canonical form', async () => {
  const { loads, verify } = verifierWithLoads();
  const spellings = [
    CERT_URL,
    `${CERT_URL}?v=1`,
    `${CERT_URL}?v=2`,
    `${CERT_URL}#x`,
    'https://S3.AmazonAWS.com/echo.api/echo-api-cert-12.pem',
    'https://s3.amazonaws.com:443/echo.api/echo-api-cert-12.pem',
    'https://s3.amazonaws.com/echo.api/x/../echo-api-cert-12.pem',
    'https://s3.amazonaws.com/echo.api/./echo-api-cert-12.pem',
    'https://s3.amazonaws.com/echo.api/%65cho-api-cert-12.pem',
    'https://user@s3.amazonaws.com/echo.api/echo-api-cert-12.pem',
  ];
  for (const url of spellings) await verify(url);
  expect(loads).toEqual([CERT_URL]);
});

it('still refuses a path that leaves /echo.api/ once normalised, without fetching it', async () => {
  const { loads, verify } = verifierWithLoads();
  for (const url of ['https://s3.amazonaws.com/echo.api/../x.pem', 'https://s3.amazonaws.com/echo.api/%2e%2e/x.pem', 'https://s3.amazonaws.com/echo.api%2fx.pem']) {
    await expect(verify(url)).rejects.toThrow(/wrong path/);
  }
  expect(loads).toEqual([]);
});

it('keeps at most the configured number of certificates, least recently used out first', async () => {
  const { loads, verify } = verifierWithLoads({ maxCachedCertificates: 3 });
  const url = (n: number) => `https://s3.amazonaws.com/echo.api/cert-${n}.pem`;
  for (const n of [0, 1, 2, 0, 3]) await verify(url(n)); // 1 is now the least recently used
  expect(loads).toHaveLength(4);
  await verify(url(0));
  await verify(url(2));
  expect(loads).toHaveLength(4);
  await verify(url(1));
  expect(loads).toHaveLength(5);
});

it('merges fetches of the same URL that are in flight at once', async () => {
  let release: (pem: string) => void = () => undefined;
  const pending = new Promise<string>((resolve) => (release = resolve));
  const { loads, verify } = verifierWithLoads({ load: () => pending });
  const all = Promise.all([verify(CERT_URL), verify(`${CERT_URL}?v=1`), verify(CERT_URL), verify(CERT_URL)]);
  release(signer.chainPem);
  await all;
  expect(loads).toHaveLength(1);
});

it('remembers a failed fetch or a bad chain briefly, then tries again', async () => {
  let clock = Date.now();
  const failing = verifierWithLoads({ load: async () => Promise.reject(new VerificationError('the signature certificate could not be fetched (404)')), now: () => clock });
  await expect(failing.verify(CERT_URL)).rejects.toThrow(/404/);
  await expect(failing.verify(`${CERT_URL}?again`)).rejects.toThrow(/404/);
  expect(failing.loads).toHaveLength(1);
  clock += CERTIFICATE_FAILURE_TTL_MS + 1;
  await expect(failing.verify(CERT_URL)).rejects.toThrow(/404/);
  expect(failing.loads).toHaveLength(2);

  const badChain = verifierWithLoads({ load: async () => signer.wrongNameChainPem, failureTtlMs: 1000, now: () => clock });
  await expect(badChain.verify(CERT_URL)).rejects.toThrow(/not for echo-api/);
  await expect(badChain.verify(CERT_URL)).rejects.toThrow(/not for echo-api/);
  expect(badChain.loads).toHaveLength(1);
});

describe('fetching a certificate', () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    // Drip-feeds a byte every 50 ms for 10 s: never idle long enough for an idle timeout to fire.
    server = http.createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/x-pem-file' });
      const drip = setInterval(() => response.write('-'), 50);
      const stop = () => clearInterval(drip);
      setTimeout(() => (stop(), response.end()), 10_000).unref();
      response.on('close', stop);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('gives up on a drip-fed response at its total deadline', async () => {
    await expect(fetchCertificate(`${base}/echo.api/cert.pem`, { deadlineMs: 300, get: http.get })).rejects.toThrow(/took too long/);
  });
});

it("keeps Alexa's certificate however many bad URLs fail after it: failures never push a good certificate out", async () => {
  const good = CERT_URL;
  const { loads, verify } = verifierWithLoads({ load: async (url) => (url === good ? signer.chainPem : Promise.reject(new VerificationError('not found'))) });
  await verify(good);
  for (let i = 0; i < MAX_CACHED_CERTIFICATES * 2; i++) await expect(verify(`https://s3.amazonaws.com/echo.api/probe-${i}.pem`)).rejects.toThrow();
  await verify(good);
  expect(loads.filter((url) => url === good)).toHaveLength(1);
});
