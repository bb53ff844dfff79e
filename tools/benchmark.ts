/**
 * `npm run benchmark`: the Lambda bundle against a bare ask-sdk-core skill (bench/bare-skill.ts), bundled the
 * same way, side by side in one run:
 *  - cold start: a fresh Node process loads a bundle and answers one LaunchRequest, timed as a whole process (the
 *    goal's measure) and inside it (only the bundle's own cost); median of many runs, alternating the two bundles,
 *    because this machine is noisy;
 *  - warm: µs per request over every intent and slot value of the model, at the production log level; each bundle
 *    in processes of its own, alternating, and the median of all their rounds (bench/warm.ts);
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
/** Warm: processes per bundle, alternating the two; timed rounds in each; every request of the model this many times a round. */
const WARM_PROCESSES = 9;
const WARM_ROUNDS = 5;
const WARM_REPEATS = 20;
/** Untimed rounds first, so both skills are measured with their code optimised, as in a warm Lambda container. */
const WARM_UP_ROUNDS = 10;
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
  const out = execFileSync(process.execPath, ['-e', script], { cwd: path.dirname(bundle), env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn' } }).toString();
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

// Warm: at the production log level (warn: only what went wrong, lambda/logging/log.ts), and again at info, where
// every request writes a line, to show what that costs here (a write to /dev/null is a system call).
const envelopesFile = path.join(work, 'envelopes.json');
const requests = everyRequest();
fs.writeFileSync(envelopesFile, JSON.stringify(requests));
/** Warming: rounds 2 to 4 of each process, after the first 1,760 requests, before the code is fully optimised. */
const WARMING_ROUNDS = [1, 2, 3];
type Warm = { bare: number; ours: number };
function warmRun(logLevel: 'warn' | 'info'): Warm & { warming: Warm } {
  const rounds = { bare: [] as number[], ours: [] as number[] };
  const warming = { bare: [] as number[], ours: [] as number[] };
  for (let i = 0; i < WARM_PROCESSES; i++) {
    // Each goes first in every other pair, so neither always runs on a machine the other has just warmed.
    for (const name of i % 2 === 0 ? (['bare', 'ours'] as const) : (['ours', 'bare'] as const)) {
      const warmFile = path.join(work, `warm-${logLevel}-${name}-${i}.json`);
      execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench', 'warm.ts'), warmFile, envelopesFile, name === 'bare' ? bare : skill, String(WARM_ROUNDS), String(WARM_UP_ROUNDS), String(WARM_REPEATS)], {
        cwd: root,
        env: { PATH: process.env.PATH ?? '', LOG_LEVEL: logLevel },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      const measured = JSON.parse(fs.readFileSync(warmFile, 'utf8')) as { warmUp: number[]; timed: number[] };
      rounds[name].push(...measured.timed);
      warming[name].push(...WARMING_ROUNDS.map((i) => measured.warmUp[i]));
    }
  }
  return { bare: median(rounds.bare), ours: median(rounds.ours), warming: { bare: median(warming.bare), ours: median(warming.ours) } };
}
const warmUs = warmRun('warn');
const warmRatio = warmUs.ours / warmUs.bare;
const linesUs = warmRun('info');

const bytes = (file: string) => ({ bytes: fs.statSync(file).size, gzipped: zlib.gzipSync(fs.readFileSync(file)).length });
const peakMb = (runs: { rssMb: number }[]) => Math.max(...runs.map((r) => r.rssMb));
const size = bytes(skill);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(`cold start: median of ${RUNS} alternating runs; warm: ${requests.length} requests (every intent and slot value) ${WARM_REPEATS} times a round, median of ${WARM_ROUNDS * WARM_PROCESSES} rounds in ${WARM_PROCESSES} alternating processes a bundle, after ${WARM_UP_ROUNDS} untimed rounds in each`);
console.log('| bundle | bytes (gzipped) | cold start, whole process | cold start, load and answer | warm, per request | peak memory |');
console.log('|---|---|---|---|---|---|');
console.log(`| bare ask-sdk-core skill | ${kb(bytes(bare).bytes)} (${kb(bytes(bare).gzipped)}) | ${processMs.bare.toFixed(1)} ms | ${coldMs.bare.toFixed(1)} ms | ${warmUs.bare.toFixed(1)} µs | ${peakMb(samples.bare).toFixed(1)} MB |`);
console.log(`| Bone Secondaries Guide | ${kb(size.bytes)} (${kb(size.gzipped)}) | ${processMs.ours.toFixed(1)} ms | ${coldMs.ours.toFixed(1)} ms | ${warmUs.ours.toFixed(1)} µs | ${peakMb(samples.ours).toFixed(1)} MB |`);
console.log(`warming (rounds 2 to 4 of each process, before the code is fully optimised): bare ${warmUs.warming.bare.toFixed(1)} µs, ours ${warmUs.warming.ours.toFixed(1)} µs (${(warmUs.warming.ours / warmUs.warming.bare).toFixed(1)}×)`);
console.log(`with a log line a request (LOG_LEVEL=info), warm: bare ${linesUs.bare.toFixed(1)} µs, ours ${linesUs.ours.toFixed(1)} µs (${(linesUs.ours / linesUs.bare).toFixed(1)}×)`);
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
  warmMicrosecondsPerRequest: { bare: warmUs.bare, ours: warmUs.ours, ratio: warmRatio, logLevel: 'warn', requests: requests.length, repeatsPerRound: WARM_REPEATS, processes: WARM_PROCESSES, roundsPerProcess: WARM_ROUNDS, warmUpRounds: WARM_UP_ROUNDS },
  warmWhileWarming: { ...warmUs.warming, ratio: warmUs.warming.ours / warmUs.warming.bare, rounds: 'the 2nd to 4th untimed rounds of each process (after 1,760 requests, up to 7,040)' },
  warmWithLineEachRequest: { bare: linesUs.bare, ours: linesUs.ours, ratio: linesUs.ours / linesUs.bare, logLevel: 'info' },
  bundle: { bare: bytes(bare), ours: size },
  peakMemoryMb: { bare: peakMb(samples.bare), ours: peakMb(samples.ours) },
  trainingMs,
  goalsMet: ok,
};
fs.writeFileSync(path.join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
process.exitCode = ok ? 0 : 1;
fs.rmSync(work, { recursive: true, force: true });
