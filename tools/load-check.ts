/**
 * `npm run load-check`: the web service under load, on loopback only, bounded in time. Starts
 * `tools/server/main.ts` in its own process (verification off: the signatures cannot be made here),
 * warms it up for 3 seconds, then drives it with autocannon at 50 connections for 10 seconds with a mix of
 * real skill requests, and
 * reports requests per second, p50/p99 latency and errors. Goal: zero errors, p99 under 20 ms.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { type Caller, intentRequest, launchRequest } from './simulator/envelopes';

const CONNECTIONS = 50;
const DURATION_S = 10;
const WARM_UP_S = 3;
const PORT = 3900 + Math.floor(Math.random() * 100);
const root = path.resolve(__dirname, '..');
const caller: Caller = { skillId: 'amzn1.ask.skill.load-check', userId: 'amzn1.ask.account.LOAD', deviceId: 'amzn1.ask.device.LOAD', locale: 'en-GB', sessionId: 'amzn1.echo-api.session.LOAD' };

// The envelopes the simulator sends, so the load is the Alexa service's shape. Timestamps do not matter:
// verification is off.
const bodies = [
  launchRequest(caller),
  intentRequest(caller, false, {}, 'TestsIntent'),
  intentRequest(caller, false, {}, 'TreatmentDetailIntent', [{ name: 'treatment', value: 'chemo', type: 'TreatmentType', id: 'chemotherapy' }]),
  intentRequest(caller, false, {}, 'AMAZON.HelpIntent'),
].map((envelope) => JSON.stringify(envelope));

async function main(): Promise<void> {
  const server = spawn(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'tools', 'server', 'main.ts'), '--insecure-skip-verification', '--host', '127.0.0.1'], {
    env: { ...process.env, PORT: String(PORT), SKILL_ID: caller.skillId, LOG_LEVEL: process.env.LOAD_LOG_LEVEL ?? 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the server did not start within 20 s')), 20_000);
      server.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('listening on')) {
          clearTimeout(timer);
          resolve();
        }
      });
      server.on('exit', (code) => reject(new Error(`the server exited (${code})`)));
    });
    // Per-request log lines would measure the terminal, not the skill: only errors from here on.
    server.stdout.removeAllListeners('data');
    server.stdout.resume();
    let turn = 0;
    const load = (duration: number) =>
      autocannon({
        url: `http://127.0.0.1:${PORT}/`,
        connections: CONNECTIONS,
        duration,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        requests: [{ setupRequest: (request) => ({ ...request, body: bodies[turn++ % bodies.length] }) }],
      });
    // A short warm-up first, as a server that has been up a while would be: V8 has compiled the hot paths.
    await load(WARM_UP_S);
    const result = await load(DURATION_S);
    const errors = result.errors + result.timeouts + result.non2xx;
    console.log(`load check: ${CONNECTIONS} connections, ${DURATION_S} s, ${result.requests.total} requests on 127.0.0.1`);
    console.log(`  requests/s: ${result.requests.average.toFixed(0)}`);
    console.log(`  latency p50: ${result.latency.p50} ms, p99: ${result.latency.p99} ms, max: ${result.latency.max} ms`);
    console.log(`  errors: ${errors} (connection errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx})`);
    const ok = errors === 0 && result.latency.p99 < 20;
    console.log(ok ? 'goal met: zero errors, p99 under 20 ms' : 'goal NOT met: zero errors and p99 under 20 ms');
    process.exitCode = ok ? 0 : 1;
  } finally {
    server.kill('SIGTERM');
  }
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
