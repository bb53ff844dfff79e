/**
 * `npm run soak`: the web service for a minute (or `--seconds N`) under steady, mixed and partly hostile traffic,
 * on loopback only; reports the server's memory at the start and at the end, so a leak shows as growth.
 * Not part of `npm test`: it takes minutes and measures a noisy machine.
 *
 * Two phases, each against its own server process:
 *  - unverified (`--insecure-skip-verification`): real conversations mixed with bodies that must be refused
 *    (not JSON, not an Alexa request, another skill, an envelope without context), uploads cut off half way,
 *    and clients that send their headers a byte at a time;
 *  - verified (as in production): unsigned requests and requests whose certificate URL is spelled a new way
 *    every time (query strings, dot segments, host case, :443), the traffic that used to fill the certificate
 *    cache. Run offline (as on these machines), every certificate fetch fails: that is the point, a failing
 *    fetch must not cost memory either. A machine that can reach Amazon really fetches from s3.amazonaws.com:
 *    the real certificate once, and one failing fetch per distinct path, about a thousand a run.
 */
import fs from 'node:fs';
import net from 'node:net';
import { parseArgs } from 'node:util';
import { conversationBodies, postLoad, scriptedCaller, startServerProcess } from './server-process';
import { intentRequest } from './simulator/envelopes';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '60' } } });
const SECONDS = Number(values.seconds);
const CONNECTIONS = 20;
const SAMPLE_EVERY_MS = 5_000;
const caller = scriptedCaller('soak');

const conversation = [...conversationBodies(caller), JSON.stringify(intentRequest(caller, false, {}, 'TestDetailIntent', [{ name: 'test', value: '<b>&"x', type: 'TestType' }]))];

const withoutContext = (() => {
  const envelope = JSON.parse(conversation[0]) as Record<string, unknown>;
  delete envelope.context;
  return JSON.stringify(envelope);
})();
const refused = ['not json', JSON.stringify({ hello: 'world' }), conversation[0].replaceAll(caller.skillId, 'amzn1.ask.skill.someone-else'), withoutContext];

interface Phase {
  name: string;
  args: string[];
  /** The body and extra headers of request number n. */
  request: (n: number) => { body: string; headers: Record<string, string> };
  /** Raw-socket misbehaviour alongside the load (uploads cut off, headers dripped). */
  misbehave: boolean;
}

const json = { 'content-type': 'application/json' };
const spellings = [
  (n: number) => `https://s3.amazonaws.com/echo.api/echo-api-cert.pem?v=${n}`,
  (n: number) => `https://S3.AmazonAWS.com/echo.api/x${n}/../echo-api-cert.pem`,
  (n: number) => `https://s3.amazonaws.com:443/echo.api/echo-api-cert.pem#${n}`,
  (n: number) => `https://s3.amazonaws.com/echo.api/./echo-api-cert-${n % 1000}.pem`,
];

const PHASES: Phase[] = [
  {
    name: 'unverified: conversations, refusals, cut-off uploads, dripped headers',
    args: ['--insecure-skip-verification'],
    request: (n) => ({ body: n % 4 === 3 ? refused[(n >> 2) % refused.length] : conversation[n % conversation.length], headers: json }),
    misbehave: true,
  },
  {
    name: 'verified: unsigned requests and a new certificate URL spelling every time',
    args: [],
    request: (n) => ({
      body: conversation[n % conversation.length],
      headers: n % 5 === 0 ? json : { ...json, signaturecertchainurl: spellings[n % spellings.length](n), 'signature-256': 'AAAA' },
    }),
    misbehave: false,
  },
];

/** Resident memory of another process, from /proc (Linux, as on these machines). */
function residentMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** Every few hundred ms: an upload that stops half way and hangs up, and a client that drips its headers. */
function misbehaveAgainst(port: number, until: number): Promise<number> {
  let count = 0;
  return new Promise((resolve) => {
    const tick = setInterval(() => {
      if (Date.now() > until) {
        clearInterval(tick);
        resolve(count);
        return;
      }
      count += 2;
      const cut = net.connect(port, '127.0.0.1', () => {
        cut.write(`POST / HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 5000\r\n\r\n${conversation[0].slice(0, 200)}`);
        setTimeout(() => cut.destroy(), 50);
      });
      cut.on('error', () => undefined);
      const drip = net.connect(port, '127.0.0.1');
      drip.on('error', () => undefined);
      const text = 'GET /health HTTP/1.1\r\nhost: x\r\n';
      let i = 0;
      const dripper = setInterval(() => {
        if (i >= text.length || drip.destroyed) {
          clearInterval(dripper);
          drip.destroy();
          return;
        }
        drip.write(text[i++]);
      }, 500);
    }, 300);
  });
}

async function runPhase(phase: Phase, port: number): Promise<void> {
  const server = await startServerProcess({ port, skillId: caller.skillId, args: phase.args, logLevel: 'error' });
  try {
    let n = 0;
    const load = (seconds: number) => postLoad(port, CONNECTIONS, seconds, () => phase.request(n++));
    await load(3); // warm-up: V8 has compiled the hot paths, as on a server that has been up a while
    const samples: number[] = [residentMb(server.pid as number)];
    const sampler = setInterval(() => samples.push(residentMb(server.pid as number)), SAMPLE_EVERY_MS);
    const until = Date.now() + SECONDS * 1000;
    const [result, misbehaved] = await Promise.all([load(SECONDS), phase.misbehave ? misbehaveAgainst(port, until) : Promise.resolve(0)]);
    clearInterval(sampler);
    samples.push(residentMb(server.pid as number));
    const statuses = Object.entries(result.statusCodeStats ?? {})
      .map(([code, stat]) => `${code}: ${stat.count ?? 0}`)
      .join(', ');
    console.log(`\n${phase.name}`);
    console.log(`  ${result.requests.total} requests in ${SECONDS} s (${statuses})${misbehaved ? `, ${misbehaved} misbehaving sockets` : ''}`);
    console.log(`  connection errors ${result.errors}, timeouts ${result.timeouts}`);
    console.log(`  server memory (RSS): start ${samples[0].toFixed(1)} MB, end ${samples[samples.length - 1].toFixed(1)} MB, peak ${Math.max(...samples).toFixed(1)} MB`);
    console.log(`  every ${SAMPLE_EVERY_MS / 1000} s: ${samples.map((s) => s.toFixed(0)).join(' ')}`);
  } finally {
    server.kill('SIGTERM');
  }
}

async function main(): Promise<void> {
  console.log(`soak: ${SECONDS} s per phase, ${CONNECTIONS} connections, on 127.0.0.1`);
  const port = 4100 + Math.floor(Math.random() * 100);
  for (const [i, phase] of PHASES.entries()) await runPhase(phase, port + i);
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
