/**
 * Amazon's chain and signature rules for a skill hosted as a web service: every certificate above the
 * leaf is a CA and in date, and the SHA-256 `Signature-256` header is required (SHA-1 `Signature` alone
 * is the legacy form and is refused).
 */
import { createRequestVerifier, VerificationError } from '../../tools/server/verify-request';
import { makeTestSigner, type TestSigner } from './certificates';
import { CERT_URL, launch } from './harness';

const DAY_MS = 24 * 60 * 60 * 1000;
let signer: TestSigner;
beforeAll(() => {
  signer = makeTestSigner();
});

function verify(chainPem: string, headers: Record<string, string>, now = Date.now()): Promise<void> {
  const verifier = createRequestVerifier({ trustedRoots: [signer.rootPem], loadCertificate: async () => chainPem, now: () => now });
  return verifier.verifySignature(Buffer.from(body), { signaturecertchainurl: CERT_URL, ...headers });
}
const body = launch();

it('accepts a chain through a real intermediate CA', async () => {
  await expect(verify(signer.chainThrough('ca'), { 'signature-256': signer.sign(body) })).resolves.toBeUndefined();
});

it('refuses a chain whose "intermediate" is not a CA (CA:FALSE)', async () => {
  await expect(verify(signer.chainThrough('not-a-ca'), { 'signature-256': signer.sign(body) })).rejects.toThrow(new VerificationError('a certificate above the signing certificate is not a CA'));
});

it('refuses a chain whose intermediate is out of date while the leaf is not', async () => {
  const chain = signer.chainThrough('expires-first');
  const twoDaysOn = Date.now() + 2 * DAY_MS;
  await expect(verify(chain, { 'signature-256': signer.sign(body) }, twoDaysOn)).rejects.toThrow(/out of date/);
  await expect(verify(signer.chainThrough('ca'), { 'signature-256': signer.sign(body) }, twoDaysOn)).resolves.toBeUndefined();
});

it('refuses a request signed only with the legacy SHA-1 Signature header, even when that signature is good', async () => {
  await expect(verify(signer.chainPem, { signature: signer.sign(body, 'sha1') })).rejects.toThrow(/Signature-256/);
});
