/**
 * One warm measurement, run by `npm run benchmark` in a fresh process: both bundles loaded side by side, every
 * request of the model through each (warm-up rounds first, untimed), then rounds that alternate the two, each round timing every
 * request once. Writes `{ bare: µs[], ours: µs[] }` (µs per request, one number a round) to the file named by
 * argv[2], so standard output can take the skill's production log lines (LOG_LEVEL as in production).
 */
import fs from 'node:fs';

type Handler = (event: unknown, context: unknown) => Promise<unknown>;

const [, , resultsFile, envelopesFile, bareBundle, ourBundle, roundsText, warmUpText] = process.argv;
const envelopes = JSON.parse(fs.readFileSync(envelopesFile, 'utf8')) as unknown[];
// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = (bundle: string) => (require(bundle) as { handler: Handler }).handler;
const handlers = { bare: load(bareBundle), ours: load(ourBundle) };

async function round(handler: Handler): Promise<number> {
  const batch = envelopes.map((envelope) => structuredClone(envelope));
  const start = process.hrtime.bigint();
  for (const envelope of batch) await handler(envelope, {});
  return Number(process.hrtime.bigint() - start) / 1e3 / envelopes.length;
}

async function main(): Promise<void> {
  for (let i = 0; i < Number(warmUpText); i++) {
    await round(handlers.bare);
    await round(handlers.ours);
  }
  const results = { bare: [] as number[], ours: [] as number[] };
  for (let i = 0; i < Number(roundsText); i++) {
    results.bare.push(await round(handlers.bare));
    results.ours.push(await round(handlers.ours));
  }
  fs.writeFileSync(resultsFile, JSON.stringify(results));
}

void main();
