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

/**
 * Runs `work` with openssl in a fresh temporary folder holding `files`, and removes the folder afterwards: the
 * test keys never outlive the call.
 */
interface Folder {
  openssl(...args: string[]): void;
  read(file: string): string;
  write(file: string, text: string): void;
}

function inTemporaryFolder<T>(files: Record<string, string>, work: (folder: Folder) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alexa-certs-'));
  try {
    const write = (file: string, text: string) => fs.writeFileSync(path.join(dir, file), text);
    for (const [file, text] of Object.entries(files)) write(file, text);
    const openssl = (...args: string[]) => void execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
    return work({ openssl, read: (file) => fs.readFileSync(path.join(dir, file), 'utf8'), write });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Signs `csr` with the CA `issuer` (root.pem/root.key style names) and answers the certificate's PEM. */
function issue({ openssl, read, write }: Folder, name: string, csr: string, issuer: string, days: string, ext: string): string {
  write(`${name}.ext`, ext);
  openssl('x509', '-req', '-in', csr, '-CA', `${issuer}.pem`, '-CAkey', `${issuer}.key`, '-CAcreateserial', '-out', `${name}.pem`, '-days', days, '-extfile', `${name}.ext`);
  return read(`${name}.pem`);
}

export function makeTestSigner(): TestSigner {
  const made = inTemporaryFolder({}, (folder) => {
    const { openssl, read } = folder;
    openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'root.key', '-out', 'root.pem', '-days', '5', '-subj', '/CN=Test Root CA');
    const leaf = (name: string, san: string) => {
      openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${san}`);
      return issue(folder, name, `${name}.csr`, 'root', '1', `subjectAltName=DNS:${san}\n`);
    };
    const leafPem = leaf('leaf', 'echo-api.amazon.com');
    const otherPem = leaf('other', 'example.com');
    return { rootPem: read('root.pem'), rootKey: read('root.key'), leafPem, otherPem, leafKey: read('leaf.key'), leafCsr: read('leaf.csr') };
  });
  const { rootPem, rootKey, leafKey, leafCsr } = made;
  return {
    rootPem,
    chainPem: made.leafPem + rootPem,
    wrongNameChainPem: made.otherPem + rootPem,
    chainThrough(kind) {
      return inTemporaryFolder({ 'root.pem': rootPem, 'root.key': rootKey, 'leaf.csr': leafCsr }, (folder) => {
        const name = `intermediate-${kind}`;
        folder.openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=Test Intermediate ${kind}`);
        const { ext, days } = INTERMEDIATE_EXTENSIONS[kind];
        const intermediatePem = issue(folder, name, `${name}.csr`, 'root', days, ext);
        return issue(folder, `leaf-under-${kind}`, 'leaf.csr', name, '3', 'subjectAltName=DNS:echo-api.amazon.com\n') + intermediatePem + rootPem;
      });
    },
    sign: (body, algorithm = 'sha256') => createSign(algorithm).update(body).sign(leafKey, 'base64'),
  };
}
