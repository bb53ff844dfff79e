/** `npm run serve`: verification on unless turned off explicitly, with a warning on every such start. */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const args = [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'tools', 'server', 'main.ts')];

describe('npm run serve', () => {
  it('will not start with verification on and no SKILL_ID to check', () => {
    const result = spawnSync(process.execPath, args, { env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/SKILL_ID is required/);
  }, 30_000);

  it('warns on start when verification is turned off, listens on loopback only by default, and answers /health on PORT', async () => {
    const { port, stderr, listening, stop } = await serve(['--insecure-skip-verification']);
    try {
      expect(stderr()).toMatch(/WARNING: Alexa request verification is OFF/);
      expect(listening).toContain(`listening on http://127.0.0.1:${port}/`);
      expect(port).toBeGreaterThan(0);
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      expect(health.status).toBe(200);
    } finally {
      stop();
    }
  }, 30_000);

  it('without verification, --host still chooses where to listen', async () => {
    const { port, listening, stop } = await serve(['--insecure-skip-verification', '--host', 'localhost']);
    stop();
    expect(listening).toContain(`listening on http://localhost:${port}/`);
  }, 30_000);
});

/** Starts `npm run serve`'s script with `flags` on any free port (PORT=0) and waits for its "listening on" line, which names the port. */
async function serve(flags: string[]): Promise<{ port: number; listening: string; stderr: () => string; stop: () => void }> {
  const server = spawn(process.execPath, [...args, ...flags], { env: { PATH: process.env.PATH ?? '', PORT: '0' } });
  let stderr = '';
  server.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const stop = () => void server.kill('SIGTERM');
  try {
    const listening = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listening line: ${stderr}`)), 25_000);
      server.stdout.on('data', (c: Buffer) => {
        if (c.toString().includes('listening on')) {
          clearTimeout(timer);
          resolve(c.toString());
        }
      });
    });
    return { port: Number(/:(\d+)\//.exec(listening)?.[1]), listening, stderr: () => stderr, stop };
  } catch (e) {
    stop();
    throw e;
  }
}
