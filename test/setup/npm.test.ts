/**
 * A new user's `npm ci && npm start`: npm says what it is doing (installs take a while, and it warns of install
 * scripts), while a script that wants only JSON from the simulator gets it from `npm start --silent -- --json`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

/** npm in this project as a new user has it: none of the calling npm's settings, no user or global config. */
function npm(args: string[], program = 'npm') {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'npm-config-'));
  const [user, global] = ['user-npmrc', 'global-npmrc'].map((name) => path.join(empty, name));
  for (const file of [user, global]) fs.writeFileSync(file, '');
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
  const result = spawnSync(program, [`--userconfig=${user}`, `--globalconfig=${global}`, ...args], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm in this project', () => {
  it("keeps npm's normal output: the project sets no quieter log level", () => {
    const { code, stdout } = npm(['config', 'get', 'loglevel']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe('notice');
  }, 60_000);

  it('npm start --silent -- --json prints only JSON lines on stdout', () => {
    const { code, stdout } = npm(['start', '--silent', '--', '--json', '--store', 'memory', '--say', 'what is myeloma', '--say', 'stop']);
    expect(code).toBe(0);
    const lines = stdout.split('\n').filter(Boolean);
    expect(lines.map((line) => (JSON.parse(line) as { heard: string }).heard)).toEqual(['what is myeloma', 'stop']);
  }, 60_000);

  it('npx bone-guide --json, the simulator without npm start, prints only JSON lines on stdout', () => {
    const { code, stdout } = npm(['--offline', 'bone-guide', '--json', '--store', 'memory', '--say', 'what is myeloma', '--say', 'stop'], 'npx');
    expect(code).toBe(0);
    const lines = stdout.split('\n').filter(Boolean);
    expect(lines.map((line) => (JSON.parse(line) as { heard: string }).heard)).toEqual(['what is myeloma', 'stop']);
  }, 60_000);
});
