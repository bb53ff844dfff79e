/**
 * `npm run load-check`: the web service under load, on loopback only, bounded in time. Starts
 * `tools/server/main.ts` in its own process (verification off: the signatures cannot be made here),
 * warms it up for 3 seconds, then drives it with autocannon at 50 connections for 10 seconds with a mix of
 * real skill requests, and
 * reports requests per second, p50/p99 latency and errors. Goal: zero errors, p99 under 20 ms.
 */
import { conversationBodies, postLoad, scriptedCaller, startServerProcess } from './server-process';

const CONNECTIONS = 50;
const DURATION_S = 10;
const WARM_UP_S = 3;
const PORT = 3900 + Math.floor(Math.random() * 100);
const caller = scriptedCaller('load-check');
// Timestamps do not matter: verification is off.
const bodies = conversationBodies(caller);

async function main(): Promise<void> {
  const server = await startServerProcess({ port: PORT, skillId: caller.skillId, args: ['--insecure-skip-verification'], logLevel: process.env.LOAD_LOG_LEVEL ?? 'info' });
  try {
    let turn = 0;
    const load = (seconds: number) => postLoad(PORT, CONNECTIONS, seconds, () => ({ headers: { 'content-type': 'application/json' }, body: bodies[turn++ % bodies.length] }));
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
