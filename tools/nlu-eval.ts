/**
 * `npm run nlu:eval`: how well the interaction model is understood on the paraphrase corpus, for each half,
 * by the simulator and by an independent classifier. Sentences are listed for the tuning half only: the
 * held-out half is reported as counts, so that nobody tunes the model on it by accident.
 *   npm run nlu:eval                 en-GB on the shared corpus, then every other locale on its own phrasings
 *   npm run nlu:eval -- en-US        one locale (en-GB: the shared corpus)
 *   --sentences                      list the tuning halves' misses
 */
import { loadInteractionModel } from './simulator/interaction-model';
import { corpusLocales, halvesOf, isTuning } from './nlu/corpus';
import { evaluate, percent, type Score } from './nlu/evaluate';

const pct = (s: { total: number; correct: number }) => `${percent(s).toFixed(1)}% (${s.correct}/${s.total})`;

function report(name: string, s: Score, showSentences: boolean): void {
  console.log(`  ${name}: ${pct(s)}`);
  const weak = Object.entries(s.byIntent).filter(([, v]) => v.correct < v.total);
  if (weak.length) console.log(`    intents below 100%: ${weak.map(([k, v]) => `${k} ${v.correct}/${v.total}`).join(', ')}`);
  for (const [confusion, n] of Object.entries(s.confusions).sort((a, b) => b[1] - a[1])) console.log(`    ${n} × ${confusion}`);
  if (showSentences) for (const o of s.outcomes.filter((x) => !x.ok)) console.log(`      "${o.phrasing.say}" → ${o.got} (want ${o.phrasing.intent})`);
}

async function main(): Promise<void> {
  const asked = process.argv.find((a) => /^[a-z]{2}-[A-Z]{2}$/.test(a));
  const verbose = process.argv.includes('--sentences');
  for (const locale of asked ? [asked] : ['en-GB', ...corpusLocales()]) {
    console.log(`== ${locale} ==`);
    for (const result of await evaluate(loadInteractionModel(locale), halvesOf(locale))) {
      // A later round's file holds phrasings for some locales only ("en-GB tuning-6" has none): nothing to report.
      if (result.simulator.total === 0) continue;
      console.log(`${result.half} half:`);
      report('simulator', result.simulator, verbose && isTuning(result.half));
      report('independent classifier (wink naive Bayes)', result.independent, verbose && isTuning(result.half));
    }
  }
}

void main();
