/**
 * One start-up of the simulator's understanding, measured from inside a fresh process: reading the interaction
 * model and training the classifier on it (NLP.js is loaded on first use, so its loading counts too). Prints
 * `{"ms", "samples"}` as one JSON line; `npm run benchmark` runs it in several fresh processes.
 */
import { BUILT_IN_PHRASES } from '../simulator/built-ins';
import { loadInteractionModel } from '../simulator/interaction-model';
import { createUnderstander } from '../simulator/understand';

async function main(): Promise<void> {
  const start = process.hrtime.bigint();
  const model = loadInteractionModel(process.argv[2] ?? 'en-GB');
  await createUnderstander(model, BUILT_IN_PHRASES);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stdout.write(`${JSON.stringify({ ms, samples: model.intents.reduce((n, i) => n + i.samples.length, 0) })}\n`);
}

void main();
