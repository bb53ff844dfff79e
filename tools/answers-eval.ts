/**
 * `npm run answers:eval`: the share of answers whose first sentence holds the point of the question, for each half
 * of the point-first corpus. Misses are listed for the tuning half only.
 */
import { loadInteractionModel } from './simulator/interaction-model';
import { measurePointFirst, POINT_FIRST_HALVES } from './answers/point-first';

async function main(): Promise<void> {
  // The skill's request log would bury the report.
  process.env.LOG_LEVEL ??= 'silent';
  const model = loadInteractionModel('en-GB');
  for (const half of POINT_FIRST_HALVES) {
    const outcomes = await measurePointFirst(model, half);
    const ok = outcomes.filter((o) => o.ok).length;
    console.log(`${half} half: ${((100 * ok) / outcomes.length).toFixed(1)}% (${ok}/${outcomes.length}) have the point in their first sentence`);
    if (half.startsWith('tuning') && process.argv.includes('--sentences')) {
      for (const o of outcomes.filter((x) => !x.ok)) console.log(`  "${o.question.say}" → ${o.intent}: "${o.first}" (want ${o.question.point.join(' | ')})`);
    }
  }
}

void main();
