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

  it('warns on start when verification is turned off, and answers /health on PORT', async () => {
    const port = 4100 + Math.floor(Math.random() * 500);
    const server = spawn(process.execPath, [...args, '--insecure-skip-verification', '--host', '127.0.0.1'], { env: { PATH: process.env.PATH ?? '', PORT: String(port) } });
    let stderr = '';
    server.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no listening line')), 25_000);
        server.stdout.on('data', (c: Buffer) => {
          if (c.toString().includes('listening on')) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      expect(stderr).toMatch(/WARNING: Alexa request verification is OFF/);
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      expect(health.status).toBe(200);
    } finally {
      server.kill('SIGTERM');
    }
  }, 30_000);
});
