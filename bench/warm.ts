/**
 * One warm measurement of one bundle, run by `npm run benchmark` in a fresh process of its own, as a Lambda container
 * holds one skill (two bundles in one process would each pay for the other's garbage). Untimed rounds first, so the
 * code is optimised as in a warm container; then timed rounds, each answering every request of the model `repeats`
 * times, so that each round carries its share of the skill's garbage collection rather than a few rounds all of it.
 * Writes µs per request, one number a round (`{ warmUp, timed }`), to the file named by argv[2]; standard output
 * takes the skill's log lines (LOG_LEVEL as given).
 */
import fs from 'node:fs';

type Handler = (event: unknown, context: unknown) => Promise<unknown>;

const [, , resultsFile, envelopesFile, bundle, roundsText, warmUpText, repeatsText] = process.argv;
const envelopes = JSON.parse(fs.readFileSync(envelopesFile, 'utf8')) as unknown[];
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { handler } = require(bundle) as { handler: Handler };

/**
 * One round: every request of the model, `repeats` times. Each pass gets fresh envelopes (Alexa sends each request as
 * new JSON), made before its clock starts; cloning them all up front would leave thousands alive for the collector
 * to copy while the skill runs, and charge that to whichever skill's round it fell in.
 */
async function round(): Promise<number> {
  let ns = 0n;
  for (let pass = 0; pass < Number(repeatsText); pass++) {
    const batch = envelopes.map((envelope) => structuredClone(envelope));
    const start = process.hrtime.bigint();
    for (const envelope of batch) await handler(envelope, {});
    ns += process.hrtime.bigint() - start;
  }
  return Number(ns) / 1e3 / (envelopes.length * Number(repeatsText));
}

async function main(): Promise<void> {
  // The untimed rounds are kept too, for how fast a container is before its code is fully optimised.
  const warmUp: number[] = [];
  for (let i = 0; i < Number(warmUpText); i++) warmUp.push(await round());
  const timed: number[] = [];
  for (let i = 0; i < Number(roundsText); i++) timed.push(await round());
  fs.writeFileSync(resultsFile, JSON.stringify({ warmUp, timed }));
}

void main();
