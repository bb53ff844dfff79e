/**
 * `npm run benchmark`: the Lambda bundle's cold start and memory against a bare ask-sdk-core skill.
 * Each run is a fresh Node process (a cold start) that loads a bundle and answers one LaunchRequest; we
 * time the load plus that first answer inside the process, and read its resident memory. Medians of
 * many runs, alternating the two bundles, because this machine is noisy. Goals: within 1.2× of the bare
 * skill's cold start, and a bundle under 300 KB. Then the simulator's start-up: training its understanding
 * on the interaction model, under 1 s.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { launchRequest } from './simulator/envelopes';

const RUNS = 25;
const MAX_RATIO = 1.2;
const MAX_BUNDLE_BYTES = 300 * 1024;
const TRAINING_RUNS = 7;
const MAX_TRAINING_MS = 1000;
const root = path.resolve(__dirname, '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'benchmark-'));

/** The smallest honest ask-sdk-core skill: one handler, built and bundled the same way as ours. */
const BARE_SKILL = `
import { SkillBuilders } from 'ask-sdk-core';
const skill = SkillBuilders.custom()
  .addRequestHandlers({ canHandle: () => true, handle: (input) => input.responseBuilder.speak('Hello.').reprompt('Hello?').getResponse() })
  .create();
export const handler = async (event: unknown, context: unknown) => skill.invoke(event as never, context);
`;

function bundleBare(): string {
  const entry = path.join(root, 'tools', '.bare-skill.tmp.ts');
  fs.writeFileSync(entry, BARE_SKILL);
  try {
    const outfile = path.join(work, 'bare', 'index.js');
    buildSync({ entryPoints: [entry], outfile, bundle: true, platform: 'node', target: 'node22', format: 'cjs', minify: true, logLevel: 'warning' });
    return outfile;
  } finally {
    fs.rmSync(entry);
  }
}

function ours(): string {
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'tools', 'build-lambda.ts')], { cwd: root, stdio: 'pipe' });
  const outfile = path.join(work, 'ours', 'index.js');
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  fs.copyFileSync(path.join(root, 'dist', 'lambda', 'index.js'), outfile);
  return outfile;
}

const envelope = JSON.stringify(launchRequest({ skillId: 'amzn1.ask.skill.benchmark', userId: 'u', deviceId: 'd', locale: 'en-GB', sessionId: 's' }));

function coldStart(bundle: string): { ms: number; rssMb: number } {
  const script = `
    const start = process.hrtime.bigint();
    const { handler } = require(${JSON.stringify(bundle)});
    handler(${envelope}, {}).then(() => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      process.stdout.write(JSON.stringify({ ms, rssMb: process.memoryUsage().rss / 1048576 }));
    });`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: path.dirname(bundle), env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent' } }).toString());
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const bare = bundleBare();
const skill = ours();
const samples = { bare: [] as { ms: number; rssMb: number }[], ours: [] as { ms: number; rssMb: number }[] };
for (let i = 0; i < RUNS; i++) {
  samples.bare.push(coldStart(bare));
  samples.ours.push(coldStart(skill));
}
const row = (name: string, file: string, runs: { ms: number; rssMb: number }[]) =>
  `| ${name} | ${(fs.statSync(file).size / 1024).toFixed(1)} KB | ${median(runs.map((r) => r.ms)).toFixed(1)} ms | ${median(runs.map((r) => r.rssMb)).toFixed(1)} MB |`;
const ratio = median(samples.ours.map((r) => r.ms)) / median(samples.bare.map((r) => r.ms));
const size = fs.statSync(skill).size;
console.log(`cold start: load the bundle and answer one LaunchRequest, in a fresh process; median of ${RUNS} runs each`);
console.log('| bundle | size | cold start | resident memory |');
console.log('|---|---|---|---|');
console.log(row('bare ask-sdk-core skill', bare, samples.bare));
console.log(row('Bone Secondaries Guide', skill, samples.ours));
console.log(`ratio: ${ratio.toFixed(2)}× (goal ≤ ${MAX_RATIO}×); bundle ${(size / 1024).toFixed(1)} KB (goal < 300 KB)`);

// The simulator (npm start) trains its understanding on the interaction model at every start-up.
const training = Array.from({ length: TRAINING_RUNS }, () => {
  const out = execFileSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'tools', 'nlu', 'training-time.ts')], { cwd: root }).toString();
  return JSON.parse(out) as { ms: number; samples: number };
});
const trainingMs = median(training.map((t) => t.ms));
console.log(`\nsimulator start-up: read the model (${training[0].samples} samples) and train its classifier, in a fresh process; median of ${TRAINING_RUNS} runs`);
console.log(`training: ${trainingMs.toFixed(0)} ms (goal < ${MAX_TRAINING_MS} ms)`);

const ok = ratio <= MAX_RATIO && size < MAX_BUNDLE_BYTES && trainingMs < MAX_TRAINING_MS;
console.log(ok ? 'goals met' : 'goals NOT met');
process.exitCode = ok ? 0 : 1;
fs.rmSync(work, { recursive: true, force: true });
