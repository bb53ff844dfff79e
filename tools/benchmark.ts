/**
 * `npm run benchmark`: the Lambda bundle against a bare ask-sdk-core skill (bench/bare-skill.ts), bundled the
 * same way, side by side in one run:
 *  - cold start: a fresh Node process loads a bundle and answers one LaunchRequest, timed as a whole process (the
 *    goal's measure) and inside it (only the bundle's own cost); median of many runs, alternating the two bundles,
 *    because this machine is noisy;
 *  - warm: µs per request over every intent and slot value of the model, at the production log level, in one
 *    process holding both bundles; median of rounds that alternate them (bench/warm.ts);
 *  - bundle bytes and gzipped bytes; peak resident memory of a cold start;
 *  - the simulator's start-up: training its understanding on the interaction model.
 * Writes bench/results.json. Goals: cold start within 1.2× of the bare skill, warm within 3×, a bundle under
 * 150 KB, training under 1 s.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { buildSync } from 'esbuild';
import { LAMBDA_BUNDLE_OPTIONS } from './lambda-bundle';
import { type Caller, intentRequest, launchRequest } from './simulator/envelopes';
import { loadInteractionModel } from './simulator/interaction-model';

const RUNS = 25;
const WARM_ROUNDS = 15;
/** Untimed rounds first, so both skills are measured with their code optimised, as in a warm Lambda container. */
const WARM_UP_ROUNDS = 20;
const MAX_RATIO = 1.2;
const MAX_WARM_RATIO = 3;
const MAX_BUNDLE_BYTES = 150 * 1024;
const TRAINING_RUNS = 7;
const MAX_TRAINING_MS = 1000;
const root = path.resolve(__dirname, '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'benchmark-'));

function bundleBare(): string {
  const outfile = path.join(work, 'bare', 'index.js');
  // Bundled the same way as ours (tools/lambda-bundle.ts), so neither carries code the other leaves out.
  buildSync({ ...LAMBDA_BUNDLE_OPTIONS, entryPoints: [path.join(root, 'bench', 'bare-skill.ts')], outfile });
  return outfile;
}

function ours(): string {
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'tools', 'build-lambda.ts')], { cwd: root, stdio: 'pipe' });
  const outfile = path.join(work, 'ours', 'index.js');
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  fs.copyFileSync(path.join(root, 'dist', 'lambda', 'index.js'), outfile);
  return outfile;
}

const caller: Caller = { skillId: 'amzn1.ask.skill.benchmark', userId: 'u', deviceId: 'd', locale: 'en-GB', sessionId: 's' };
const envelope = JSON.stringify(launchRequest(caller));

/** Every request the model can send: each intent, and each slot value (by its name, resolved) for an intent with a slot. */
function everyRequest(): unknown[] {
  const model = loadInteractionModel('en-GB');
  return model.intents.flatMap((intent) => {
    const [slot] = intent.slots;
    if (!slot) return [intentRequest(caller, false, {}, intent.name)];
    return (model.slotTypes[slot.type] ?? []).map((value) => intentRequest(caller, false, {}, intent.name, [{ name: slot.name, value: value.name, type: slot.type, id: value.id }]));
  });
}

/**
 * One cold start, timed two ways: the whole process, from starting Node to its exit after the answer (the issue's
 * measure, which includes Node's own start, the same for both skills), and inside the process, from requiring the
 * bundle to the answer (only what the bundle's code costs).
 */
function coldStart(bundle: string): { processMs: number; ms: number; rssMb: number } {
  const script = `
    const start = process.hrtime.bigint();
    const { handler } = require(${JSON.stringify(bundle)});
    handler(${envelope}, {}).then(() => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      process.stdout.write(JSON.stringify({ ms, rssMb: process.resourceUsage().maxRSS / 1024 }));
    });`;
  const started = process.hrtime.bigint();
  const out = execFileSync(process.execPath, ['-e', script], { cwd: path.dirname(bundle), env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent' } }).toString();
  const processMs = Number(process.hrtime.bigint() - started) / 1e6;
  return { processMs, ...(JSON.parse(out) as { ms: number; rssMb: number }) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const bare = bundleBare();
const skill = ours();
type ColdRun = ReturnType<typeof coldStart>;
const samples = { bare: [] as ColdRun[], ours: [] as ColdRun[] };
for (let i = 0; i < RUNS; i++) {
  samples.bare.push(coldStart(bare));
  samples.ours.push(coldStart(skill));
}
const coldMedians = (timed: (run: ColdRun) => number) => ({ bare: median(samples.bare.map(timed)), ours: median(samples.ours.map(timed)) });
const processMs = coldMedians((r) => r.processMs);
const ratio = processMs.ours / processMs.bare;
const coldMs = coldMedians((r) => r.ms);
const insideRatio = coldMs.ours / coldMs.bare;

// Warm: both bundles in one process, at the production log level (its lines go to /dev/null, as they cost), and
// again with logging off, to show what the log line itself costs here (a write to /dev/null is a system call).
const envelopesFile = path.join(work, 'envelopes.json');
const requests = everyRequest();
fs.writeFileSync(envelopesFile, JSON.stringify(requests));
function warmRun(logLevel: 'info' | 'silent'): { bare: number; ours: number } {
  const warmFile = path.join(work, `warm-${logLevel}.json`);
  execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench', 'warm.ts'), warmFile, envelopesFile, bare, skill, String(WARM_ROUNDS), String(WARM_UP_ROUNDS)], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: logLevel },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const warm = JSON.parse(fs.readFileSync(warmFile, 'utf8')) as { bare: number[]; ours: number[] };
  return { bare: median(warm.bare), ours: median(warm.ours) };
}
const warmUs = warmRun('info');
const warmRatio = warmUs.ours / warmUs.bare;
const quietUs = warmRun('silent');

const bytes = (file: string) => ({ bytes: fs.statSync(file).size, gzipped: zlib.gzipSync(fs.readFileSync(file)).length });
const peakMb = (runs: { rssMb: number }[]) => Math.max(...runs.map((r) => r.rssMb));
const size = bytes(skill);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(`cold start: median of ${RUNS} alternating runs; warm: ${requests.length} requests (every intent and slot value), median of ${WARM_ROUNDS} alternating rounds after ${WARM_UP_ROUNDS} untimed ones`);
console.log('| bundle | bytes (gzipped) | cold start, whole process | cold start, load and answer | warm, per request | peak memory |');
console.log('|---|---|---|---|---|---|');
console.log(`| bare ask-sdk-core skill | ${kb(bytes(bare).bytes)} (${kb(bytes(bare).gzipped)}) | ${processMs.bare.toFixed(1)} ms | ${coldMs.bare.toFixed(1)} ms | ${warmUs.bare.toFixed(1)} µs | ${peakMb(samples.bare).toFixed(1)} MB |`);
console.log(`| Bone Secondaries Guide | ${kb(size.bytes)} (${kb(size.gzipped)}) | ${processMs.ours.toFixed(1)} ms | ${coldMs.ours.toFixed(1)} ms | ${warmUs.ours.toFixed(1)} µs | ${peakMb(samples.ours).toFixed(1)} MB |`);
console.log(`with logging off (LOG_LEVEL=silent), warm: bare ${quietUs.bare.toFixed(1)} µs, ours ${quietUs.ours.toFixed(1)} µs (${(quietUs.ours / quietUs.bare).toFixed(1)}×)`);
console.log(`ratios: cold ${ratio.toFixed(2)}× whole process (goal ≤ ${MAX_RATIO}×), ${insideRatio.toFixed(2)}× load and answer; warm ${warmRatio.toFixed(1)}× (goal ≤ ${MAX_WARM_RATIO}×); bundle ${kb(size.bytes)} (goal < ${kb(MAX_BUNDLE_BYTES)})`);

// The simulator (npm start) trains its understanding on the interaction model at every start-up.
const training = Array.from({ length: TRAINING_RUNS }, () => {
  const out = execFileSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'tools', 'nlu', 'training-time.ts')], { cwd: root }).toString();
  return JSON.parse(out) as { ms: number; samples: number };
});
const trainingMs = median(training.map((t) => t.ms));
console.log(`\nsimulator start-up: read the model (${training[0].samples} samples) and train its classifier, in a fresh process; median of ${TRAINING_RUNS} runs`);
console.log(`training: ${trainingMs.toFixed(0)} ms (goal < ${MAX_TRAINING_MS} ms)`);

const ok = ratio <= MAX_RATIO && warmRatio <= MAX_WARM_RATIO && size.bytes < MAX_BUNDLE_BYTES && trainingMs < MAX_TRAINING_MS;
console.log(ok ? 'goals met' : 'goals NOT met');
const results = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.arch()}` },
  coldStartMs: { ...processMs, ratio, runs: RUNS, measure: 'the whole process: Node starts, loads the bundle, answers one LaunchRequest, exits' },
  coldLoadAndAnswerMs: { ...coldMs, ratio: insideRatio, measure: 'inside the process: require the bundle, answer one LaunchRequest' },
  warmMicrosecondsPerRequest: { ...warmUs, ratio: warmRatio, requests: requests.length, rounds: WARM_ROUNDS, warmUpRounds: WARM_UP_ROUNDS },
  warmWithLoggingOff: { ...quietUs, ratio: quietUs.ours / quietUs.bare },
  bundle: { bare: bytes(bare), ours: size },
  peakMemoryMb: { bare: peakMb(samples.bare), ours: peakMb(samples.ours) },
  trainingMs,
  goalsMet: ok,
};
fs.writeFileSync(path.join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
process.exitCode = ok ? 0 : 1;
fs.rmSync(work, { recursive: true, force: true });
