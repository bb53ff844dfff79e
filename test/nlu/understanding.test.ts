/**
 * Understanding on the paraphrase corpus (test/nlu/*.yaml), phrasings none of which are samples of the model,
 * asserted on the held-out half, which is never used to choose samples. The goal is at least 90% for the
 * simulator and for the independent classifier, and every emergency and crisis phrasing understood. The
 * independent classifier and crisis meet it; the simulator's overall share and emergencies do not yet, so their
 * floors here are what it reaches today (87.6%, two emergency phrasings missed), to catch any step back.
 */
import { HALVES, readCorpus } from '../../tools/nlu/corpus';
import { evaluate, type Evaluation, percent } from '../../tools/nlu/evaluate';
import { normalise } from '../../tools/simulator/understand';
import { loadInteractionModel } from '../../tools/simulator/interaction-model';

const model = loadInteractionModel('en-GB');
let heldOut: Evaluation;
/** What the missed phrasings of an intent became (never the phrasings themselves: the half stays unread). */
const missedOf = (intent: string) => heldOut.simulator.outcomes.filter((o) => o.phrasing.intent === intent && !o.ok).map((o) => `→ ${o.got}`);
beforeAll(async () => {
  [heldOut] = await evaluate(model, ['held-out']);
});

describe('the paraphrase corpus', () => {
  const corpus = HALVES.flatMap((half) => readCorpus(half));
  const custom = model.intents.filter((i) => !i.name.startsWith('AMAZON.')).map((i) => i.name);
  const count = (intent: string) => corpus.filter((p) => p.intent === intent).length;

  it('has at least 300 phrasings, 8 for every custom intent, 40 emergencies and 10 crises', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    expect(custom.filter((intent) => count(intent) < 8)).toEqual([]);
    expect(count('EmergencyIntent')).toBeGreaterThanOrEqual(40);
    expect(count('CrisisIntent')).toBeGreaterThanOrEqual(10);
  });

  it('has emergencies said about someone else', () => {
    const thirdPerson = corpus.filter((p) => p.intent === 'EmergencyIntent' && /\b(she|he|her|his|my (mum|dad|wife|husband|partner))\b/.test(p.say));
    expect(thirdPerson.length).toBeGreaterThanOrEqual(20);
  });

  it('names only intents and slot values the model has', () => {
    const intents = new Set([...model.intents.map((i) => i.name), 'AMAZON.FallbackIntent']);
    const wrong = corpus.flatMap((p) => [
      ...[p.intent, ...(p.also ?? [])].filter((i) => !intents.has(i)).map((i) => `${p.say}: no intent ${i}`),
      ...Object.entries(p.slots ?? {}).flatMap(([slot, id]) => {
        const type = model.intents.find((i) => i.name === p.intent)?.slots.find((s) => s.name === slot)?.type;
        return type && model.slotTypes[type].some((v) => v.id === id) ? [] : [`${p.say}: no ${slot} value ${id} on ${p.intent}`];
      }),
    ]);
    expect(wrong).toEqual([]);
  });

  it('copies no phrasing into the model, and repeats none across its halves', () => {
    const samples = new Set(model.intents.flatMap((i) => i.samples.map(normalise)));
    const said = corpus.map((p) => normalise(p.say));
    expect(said.filter((s) => samples.has(s))).toEqual([]);
    expect(said.filter((s, i) => said.indexOf(s) !== i)).toEqual([]);
  });
});

describe('understanding the held-out half', () => {
  it('the simulator understands at least 87% (goal: 90%)', () => {
    expect(percent(heldOut.simulator)).toBeGreaterThanOrEqual(87);
  });

  it('the independent classifier, trained on the samples alone, understands at least 90%', () => {
    expect(percent(heldOut.independent)).toBeGreaterThanOrEqual(90);
  });

  it('the simulator understands every crisis phrasing', () => {
    expect(missedOf('CrisisIntent')).toEqual([]);
  });

  it('the simulator misses at most two emergency phrasings (goal: none)', () => {
    expect(missedOf('EmergencyIntent').length).toBeLessThanOrEqual(2);
  });
});
