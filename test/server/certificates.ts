/**
 * A stand-in for Alexa's signing certificate: a test root CA and a leaf for echo-api.amazon.com, made
 * with openssl in a temporary folder, so signature checks are tested end to end without any network.
 * Chains through an intermediate (a real CA, one marked CA:FALSE, one that expires early) are made on
 * demand, all for the same leaf key, so only the chain differs.
 */
import { execFileSync } from 'node:child_process';
import { createSign } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** How an intermediate between the root and the leaf is made. */
export type IntermediateKind = 'ca' | 'not-a-ca' | 'expires-first';

export interface TestSigner {
  rootPem: string;
  chainPem: string;
  /** A chain whose leaf is for another name. */
  wrongNameChainPem: string;
  /** leaf, intermediate, root: the leaf valid for 3 days, the intermediate for 1 unless it is 'expires-first'. */
  chainThrough(kind: IntermediateKind): string;
  sign(body: string, algorithm?: 'sha256' | 'sha1'): string;
}

const INTERMEDIATE_EXTENSIONS: Record<IntermediateKind, { ext: string; days: string }> = {
  ca: { ext: 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n', days: '4' },
  'not-a-ca': { ext: 'basicConstraints=critical,CA:FALSE\n', days: '4' },
  'expires-first': { ext: 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n', days: '1' },
};

export function makeTestSigner(): TestSigner {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alexa-certs-'));
  const at = (f: string) => path.join(dir, f);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'root.key', '-out', 'root.pem', '-days', '5', '-subj', '/CN=Test Root CA');
  /** Signs `csr` with the CA `issuer` (root.pem/root.key style names) and answers the certificate's PEM. */
  const issue = (name: string, csr: string, issuer: string, days: string, ext: string) => {
    fs.writeFileSync(at(`${name}.ext`), ext);
    openssl('x509', '-req', '-in', csr, '-CA', `${issuer}.pem`, '-CAkey', `${issuer}.key`, '-CAcreateserial', '-out', `${name}.pem`, '-days', days, '-extfile', `${name}.ext`);
    return fs.readFileSync(at(`${name}.pem`), 'utf8');
  };
  const leaf = (name: string, san: string) => {
    openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${san}`);
    return issue(name, `${name}.csr`, 'root', '1', `subjectAltName=DNS:${san}\n`);
  };
  const rootPem = fs.readFileSync(at('root.pem'), 'utf8');
  const chainPem = leaf('leaf', 'echo-api.amazon.com') + rootPem;
  const wrongNameChainPem = leaf('other', 'example.com') + rootPem;
  const key = fs.readFileSync(at('leaf.key'), 'utf8');
  return {
    rootPem,
    chainPem,
    wrongNameChainPem,
    chainThrough(kind) {
      const name = `intermediate-${kind}`;
      openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=Test Intermediate ${kind}`);
      const { ext, days } = INTERMEDIATE_EXTENSIONS[kind];
      const intermediatePem = issue(name, `${name}.csr`, 'root', days, ext);
      return issue(`leaf-under-${kind}`, 'leaf.csr', name, '3', 'subjectAltName=DNS:echo-api.amazon.com\n') + intermediatePem + rootPem;
    },
    sign: (body, algorithm = 'sha256') => createSign(algorithm).update(body).sign(key, 'base64'),
  };
}
