/**
 * A stand-in for Alexa's signing certificate: a test root CA and a leaf for echo-api.amazon.com, made
 * with openssl in a temporary folder, so signature checks are tested end to end without any network.
 */
import { execFileSync } from 'node:child_process';
import { createSign } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TestSigner {
  rootPem: string;
  chainPem: string;
  /** A chain whose leaf is for another name. */
  wrongNameChainPem: string;
  sign(body: string): string;
}

export function makeTestSigner(): TestSigner {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alexa-certs-'));
  const at = (f: string) => path.join(dir, f);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'root.key', '-out', 'root.pem', '-days', '2', '-subj', '/CN=Test Root CA');
  const leaf = (name: string, san: string) => {
    openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${san}`);
    fs.writeFileSync(at(`${name}.ext`), `subjectAltName=DNS:${san}\n`);
    openssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'root.pem', '-CAkey', 'root.key', '-CAcreateserial', '-out', `${name}.pem`, '-days', '1', '-extfile', `${name}.ext`);
    return fs.readFileSync(at(`${name}.pem`), 'utf8');
  };
  const rootPem = fs.readFileSync(at('root.pem'), 'utf8');
  const chainPem = leaf('leaf', 'echo-api.amazon.com') + rootPem;
  const wrongNameChainPem = leaf('other', 'example.com') + rootPem;
  const key = fs.readFileSync(at('leaf.key'), 'utf8');
  return {
    rootPem,
    chainPem,
    wrongNameChainPem,
    sign: (body) => createSign('sha256').update(body).sign(key, 'base64'),
  };
}
