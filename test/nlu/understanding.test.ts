/**
 * Understanding on the paraphrase corpus (test/nlu/*.yaml), asserted on the held-out halves, which are never used
 * to choose samples. The goal is at least 90% for the simulator and for the independent classifier, and every
 * emergency and crisis phrasing understood. Where a figure does not reach its goal yet, its floor here is what it
 * reaches today, to catch any step back: the goal is in the test's name.
 */
import { corpusLocales, type Half, halvesOf, HALVES, localeHalves, readCorpus } from '../../tools/nlu/corpus';
import { OUT_OF_DOMAIN } from '../../tools/simulator/out-of-domain';
import { evaluate, type Evaluation, percent } from '../../tools/nlu/evaluate';
import { normalise } from '../../tools/simulator/understand';
import { loadInteractionModel } from '../../tools/simulator/interaction-model';

const model = loadInteractionModel('en-GB');
let heldOut: Evaluation;
let blind: Evaluation;
let heldOutThird: Evaluation;
/** What the missed phrasings of an intent became (never the phrasings themselves: the half stays unread). */
const missedOf = (half: Evaluation, intent: string) => half.simulator.outcomes.filter((o) => o.phrasing.intent === intent && !o.ok).map((o) => `→ ${o.got}`);
beforeAll(async () => {
  [heldOut, blind, heldOutThird] = await evaluate(model, ['held-out', 'held-out-2', 'held-out-3']);
});

describe('the blind safety tuning set (tuning-safety.yaml)', () => {
  let safety: Evaluation;
  beforeAll(async () => {
    [safety] = await evaluate(model, ['tuning-safety']);
  });

  it('every crisis and every emergency phrasing is understood', () => {
    expect(missedOf(safety, 'CrisisIntent')).toEqual([]);
    expect(missedOf(safety, 'EmergencyIntent')).toEqual([]);
  });
});

describe.each(['tuning-crisis', 'tuning-emergency'])('the blind %s round (test/nlu/locales/), in each locale through its own model', (round) => {
  it.each(['en-GB', 'en-US', 'en-CA', 'en-AU', 'en-IN'])('%s: every crisis and every emergency phrasing is understood', async (locale) => {
    const [phrasings] = await evaluate(loadInteractionModel(locale), [`${locale} ${round}` as Half]);
    expect(phrasings.simulator.total).toBeGreaterThanOrEqual(10);
    const missedOf = (intent: string) => phrasings.simulator.outcomes.filter((o) => o.phrasing.intent === intent && !o.ok).map((o) => o.phrasing.say);
    expect(missedOf('CrisisIntent')).toEqual([]);
    expect(missedOf('EmergencyIntent')).toEqual([]);
  });
});

/**
 * The third blind round (tuning-3.yaml: 245 phrasings written from the source page and the intent list alone, less the
 * 50 an earlier round already had) was measured before anyone read it: the simulator understood 93.3 % (182/195),
 * every emergency among them, and all but one crisis ("what's the point in carrying on" was heard as "next"). Its
 * misses were then read; only its safety misses became general patterns, because the rest, as patterns, moved other
 * answers (the point-first tuning sets lost four). Its floor is where it stands now, to catch a step back.
 */
describe('the blind third round (tuning-3.yaml)', () => {
  let third: Evaluation;
  beforeAll(async () => {
    [third] = await evaluate(model, ['tuning-3']);
  });

  it('is understood at least 93.8 % of the time (93.3 % when first measured, unread)', () => {
    expect(third.simulator.total).toBeGreaterThanOrEqual(190);
    expect(percent(third.simulator)).toBeGreaterThanOrEqual(93.8);
  });

  it('every crisis and every emergency phrasing is understood', () => {
    expect(missedOf(third, 'CrisisIntent')).toEqual([]);
    expect(missedOf(third, 'EmergencyIntent')).toEqual([]);
  });
});

/**
 * The fifth blind round (tuning-5.yaml in en-GB, locales/tuning-5.yaml in Canadian and Indian English), written from the
 * source page and the intent list alone and measured before anyone read it, less the phrasings an earlier round had.
 * First measured (unread): en-GB 88.7 % (157/177), en-CA 87.3 % (48/55, two of 8 emergencies missed), en-IN 88.5 %
 * (54/61, one of 9 emergencies and one of 2 crises missed). It chose how the simulator weighs the nearest sample
 * (tools/simulator/nearest-sample.ts); these floors are what it reaches since.
 */
describe.each([
  { locale: 'en-GB', half: 'tuning-5', atLeast: 89.2, emergenciesMissed: 0 },
  { locale: 'en-CA', half: 'en-CA tuning-5', atLeast: 90.9, emergenciesMissed: 0 },
  { locale: 'en-IN', half: 'en-IN tuning-5', atLeast: 90.1, emergenciesMissed: 1 },
])('the blind fifth round in $locale', ({ locale, half, atLeast, emergenciesMissed }) => {
  let fifth: Evaluation;
  beforeAll(async () => {
    [fifth] = await evaluate(loadInteractionModel(locale), [half as Half]);
  });

  it(`is understood at least ${atLeast} % of the time, every crisis among it`, () => {
    expect(fifth.simulator.total).toBeGreaterThanOrEqual(50);
    expect(percent(fifth.simulator)).toBeGreaterThanOrEqual(atLeast);
    expect(missedOf(fifth, 'CrisisIntent')).toEqual([]);
  });

  it(`misses at most ${emergenciesMissed} of its emergencies (goal: none)`, () => {
    expect(missedOf(fifth, 'EmergencyIntent').length).toBeLessThanOrEqual(emergenciesMissed);
  });
});

/**
 * The later blind rounds, above all emergencies and crises (tuning-N.yaml in en-GB, locales/tuning-N.yaml in the other
 * four), written from the source page and the intent list alone and measured before anyone read it, less the
 * phrasings an earlier round had.
 *
 * The sixth, first measured (unread): en-GB 96.9 % (126/130; 2 of 61 emergencies missed), en-US 94.1 % (2 of 4 crises
 * missed), en-CA 97.7 %, en-AU 95.1 %, en-IN 92.1 % (one emergency and one crisis missed).
 *
 * The seventh (Indian English above all), first measured (unread): en-GB 94.6 % (123/130; 2 of 64 emergencies and 1
 * of 13 crises missed), en-US 91.4 % (32/35; "i'm gonna kill myself" heard as a prognosis question), en-CA 90.0 %
 * (27/30), en-AU 97.1 % (33/34), en-IN 87.9 % (58/66; an emergency and a crisis missed). Its floor is 93 %, not 97 %:
 * of what is left, "who should I contact between appointments" goes to SupportIntent, whose answer begins with that
 * very sentence of the page, though the writer chose AfterTreatmentIntent; and "little fast please" is the
 * simulator's limit (its classifier weighs words one by one: "fast" says slower in "too fast", "slow" says faster in
 * "too slow").
 *
 * The eighth (safety and Indian English again; 127 en-GB and 150 other phrasings once 63 an earlier round had were
 * dropped, and one more en-GB after, the same as an earlier one once normalised), first measured (unread): en-GB
 * 96.1 % (122/127; 3 of 66 emergencies missed: soiling unnoticed, confusion
 * about people long dead, "i feel like i'm suffocating"), en-US 86.4 % (19/22), en-CA 95.5 % (21/22; "my brother says
 * he's going to kill himself" heard as a question about one's outlook), en-AU 100 % (23/23), en-IN 94.0 % (78/83; 2
 * of 29 emergencies missed). Of what is left, "can they find it in the bones before the main cancer" reaches
 * DiagnosingPrimaryIntent, whose first sentence says exactly that, where the writer chose UnknownPrimaryIntent.
 *
 * The ninth (all five locales in one file, Indian English above all; older, rambling speakers and carers in a hurry;
 * 179 kept), first measured (unread): en-GB 86.7 % (26/30; 1 of 12 emergencies missed), en-US 90.0 %, en-CA 85.0 %
 * (3 of 8 emergencies missed), en-AU 90.0 %, en-IN 89.9 % (80/89; 3 of 35 emergencies missed); every crisis
 * understood. Now en-GB 100 %, the others 95 % or more. Two emergencies were missed for a clause said after the red
 * flag: "he's peeing himself and doesn't even notice it's new as of this morning" (heard as a crisis) and "too much
 * thirst is there and i am feeling like vomiting and very sleepy also last time my calcium was high" (heard as what a
 * blood test is like). Patterns for both moved nothing; since a long sentence near a sample is heard as that sample
 * is (tools/simulator/understand.ts), both are understood, and the list of those missed is empty.
 *
 * The tenth (all five locales in one file; plain everyday wording, every custom intent; 139 kept), first measured
 * (unread): en-GB 96.7 %, en-US 100 %, en-CA 94.4 %, en-AU 100 %, en-IN 90.4 % (47/52; two emergencies and a crisis
 * missed: "nani has become unconscious", "i am having severe pain tablets are not working only", "nani keeps saying
 * god should take her now itself"). Now every crisis and emergency is understood: en-IN 100 %, en-AU 95.2 %.
 *
 * The sixth to eighth rounds' en-GB phrasings are halves of the shared corpus (tuning-N.yaml); the ninth and tenth
 * keep every locale's in locales/tuning-N.yaml.
 */
describe.each([
  ['sixth', 'tuning-6', 97, 30],
  ['seventh', 'tuning-7', 93, 30],
  ['eighth', 'tuning-8', 95, 20],
  ['ninth', 'tuning-9', 95, 20],
  ['tenth', 'tuning-10', 94, 18],
] as const)('the blind %s round', (_, round, floor, atLeast) => {
  const halfOf = (locale: string) => (locale === 'en-GB' && (HALVES as readonly string[]).includes(round) ? round : `${locale} ${round}`) as Half;
  it.each(['en-GB', 'en-US', 'en-CA', 'en-AU', 'en-IN'])(`in %s is understood at least ${floor} %% of the time, every crisis and emergency among it`, async (locale) => {
    const [phrasings] = await evaluate(loadInteractionModel(locale), [halfOf(locale)]);
    expect(phrasings.simulator.total).toBeGreaterThanOrEqual(atLeast);
    expect(percent(phrasings.simulator)).toBeGreaterThanOrEqual(floor);
    expect(missedOf(phrasings, 'CrisisIntent')).toEqual([]);
    expect(missedOf(phrasings, 'EmergencyIntent')).toEqual([]);
  });
});

/**
 * Three later blind rounds, in en-GB, each kept as a tuning set once measured.
 * - The eleventh (every custom intent, then safety; 114 kept of 170), first measured (unread): 88.6 % (101/114), the
 *   independent classifier 91.5 % (97/106); one emergency missed, "he's been vomiting all afternoon" (heard as nothing:
 *   the classifier chose "read them all" for "all"). Now 89.5 %, every emergency and crisis: the simulator passes over
 *   an intent chosen for grammar alone (tools/simulator/understand.ts). A batch of model patterns for its other misses
 *   took it to 95.6 % but lost an Indian English held-out crisis, and was taken out.
 * - The twelfth, written after the simulator's rules of the eleventh, with emergencies said with times and places:
 *   measured unread at 87.3 %, four of its 38 emergencies missed. Three of them ("such bad pain in my back I can't bear
 *   it" and a great thirst with sickness, both heard as a crisis, and "is it an ambulance job, my nan has collapsed")
 *   now have patterns of their own in the model.
 * - The thirteenth (every custom intent, 29 emergencies and 6 crises among the 95 kept of 150), written after both and
 *   measured unread: 94.7 % (90/95), every emergency and crisis; the independent classifier 86.8 % (79/91).
 */
it.each([
  ['eleventh', 'tuning-11', 89, 100],
  ['twelfth', 'tuning-12', 90, 100],
  ['thirteenth', 'tuning-13', 90, 90],
] as const)('the blind %s round (%s.yaml) is understood at least %i %% of the time, every crisis and emergency among it', async (_, half, floor, phrasingsAtLeast) => {
  const [phrasings] = await evaluate(model, [half]);
  // Each round keeps at least as many phrasings as it was kept with, so that none is dropped to pass.
  expect(phrasings.simulator.total).toBeGreaterThanOrEqual(phrasingsAtLeast);
  expect(percent(phrasings.simulator)).toBeGreaterThanOrEqual(floor);
  expect(missedOf(phrasings, 'CrisisIntent')).toEqual([]);
  expect(missedOf(phrasings, 'EmergencyIntent')).toEqual([]);
});

/** The second blind round in each other locale's own words (locales/tuning-local.yaml), through that locale's model. */
describe('the blind tuning-local round (test/nlu/locales/tuning-local.yaml)', () => {
  it.each(['en-US', 'en-CA', 'en-AU', 'en-IN'])('%s: every crisis and every emergency phrasing is understood, and at least 90 %% of all', async (locale) => {
    const [phrasings] = await evaluate(loadInteractionModel(locale), [`${locale} tuning-local` as Half]);
    expect(phrasings.simulator.total).toBeGreaterThanOrEqual(30);
    expect(missedOf(phrasings, 'CrisisIntent')).toEqual([]);
    expect(missedOf(phrasings, 'EmergencyIntent')).toEqual([]);
    expect(percent(phrasings.simulator)).toBeGreaterThanOrEqual(90);
  });
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

  it('copies no phrasing of the first round into the model, and repeats none across its halves', () => {
    // The blind second round is kept as written: a writer who never saw the model said some samples anyway
    // ("what are the symptoms"), which a listener would too. npm run nlu:eval says how many.
    const samples = new Set(model.intents.flatMap((i) => i.samples.map(normalise)));
    const firstRound = (['tuning', 'held-out'] as const).flatMap((half) => readCorpus(half)).map((p) => normalise(p.say));
    expect(firstRound.filter((s) => samples.has(s))).toEqual([]);
    const said = corpus.map((p) => normalise(p.say));
    expect(said.filter((s, i) => said.indexOf(s) !== i)).toEqual([]);
  });

  it("takes none of the simulator's out-of-domain requests (its \"None\" intent) from any phrasing of any locale", () => {
    const everywhere = new Set(['en-GB', ...corpusLocales()].flatMap((locale) => halvesOf(locale).flatMap((h) => readCorpus(h))).map((p) => normalise(p.say)));
    expect(OUT_OF_DOMAIN.filter((request) => everywhere.has(normalise(request)))).toEqual([]);
  });
});

/**
 * The floors of a held-out half: the goal (90 % each, every crisis and emergency phrasing) where it is reached,
 * today's level where it is not, so that no change makes it worse.
 */
const FLOORS = [
  // Lowered once, by one or two phrasings each (simulator 88 → 87.9 %, emergencies missed 2 → 3; independent 87 →
  // 86.7 % on the blind half), when 33 general safety patterns took a fresh blind set of 120 safety phrasings
  // (tuning-safety.yaml) from 77.5 % to 95 % and stopped "I've had enough of living" being heard as "stop".
  // Then (issue 13) general patterns from the other locales' tuning phrasings, the safety round's last misses and two
  // blind rounds in five locales, of crises (locales/tuning-crisis.yaml) and of emergencies in everyday words
  // (locales/tuning-emergency.yaml), moved the first half to 89 % with one emergency missed; the blind half moved
  // from one missed emergency to two. Chosen on the tuning sets; measured here, not tuned back. The match threshold,
  // recalibrated on the tuning sets then (tools/simulator/understand.ts), cost this half one more phrasing (88.7 %).
  // Raised to 89 when "which cancers spread to bone" moved from the unknown-primary samples to the causes (whose answer
  // says any type can), chosen on the tuning sets: one more phrasing here and one in the blind half.
  // Then the simulator began to blend in the nearest of all the samples (tools/simulator/nearest-sample.ts), chosen on
  // the tuning sets and a fifth blind round measured before it was read: this half went from 89 % to 91.2 %, the
  // blind half from 92.1 % to 94.1 % and from two missed emergencies to one. The simulator's floors are now the goal.
  { name: "the first round's held-out half", half: () => heldOut, simulator: 90, independent: 90, emergenciesMissed: 1 },
  // General patterns for the fifth blind round's misses then left the blind half missing no emergency (94.1 % since the
  // classifier's training was cut back to keep start-up under a second).
  // The tenth blind round's patterns (chosen on the tuning sets, where they caught its two missed emergencies and its
  // missed crisis) moved one emergency phrasing here, and the high-calcium intent's patterns (chosen on the tuning
  // sets too) moved it back: every emergency again.
  { name: "the blind second round's held-out half", half: () => blind, simulator: 90, independent: 87.5, emergenciesMissed: 0 },
  // A third held-out set (held-out-3.yaml), written blind at the end of the session that added the nearest sample and
  // never read: 95.3 % (142 of 149) on the code at that session's start, 97.3 % after (98.0 % once the samples were
  // made grammatical), every emergency and crisis each time; the independent classifier 91.0 % and 93.1 %.
  { name: 'the blind third held-out set', half: () => heldOutThird, simulator: 90, independent: 90, emergenciesMissed: 0 },
];

describe.each(FLOORS)('understanding $name', ({ half, simulator, independent, emergenciesMissed }) => {
  const goal = (floor: number, target: number) => (floor < target ? ` (goal: ${target})` : '');

  it(`the simulator understands at least ${simulator}%${goal(simulator, 90)}`, () => {
    expect(percent(half().simulator)).toBeGreaterThanOrEqual(simulator);
  });

  it(`the independent classifier, trained on the samples alone, understands at least ${independent}%${goal(independent, 90)}`, () => {
    expect(percent(half().independent)).toBeGreaterThanOrEqual(independent);
  });

  it('the simulator understands every crisis phrasing', () => {
    expect(missedOf(half(), 'CrisisIntent')).toEqual([]);
  });

  it(`the simulator misses at most ${emergenciesMissed} emergency phrasings${emergenciesMissed ? ' (goal: none)' : ''}`, () => {
    expect(missedOf(half(), 'EmergencyIntent').length).toBeLessThanOrEqual(emergenciesMissed);
  });
});

/**
 * Each other English locale, through its own model (derived from en-GB's, interactionModels/source/locales.yaml), on
 * phrasings in its own words (test/nlu/locales/), written blind by a writer who never saw the model. The tuning half
 * was read to add general patterns; the held-out half never is. The goal is the same as en-GB's: 90 % for the
 * simulator and the independent classifier, and every emergency and crisis phrasing. Where a figure is short of it,
 * the floor is its level when the locales were added (28 November 2026), so that no change makes it worse.
 */
// en-CA's held-out figure was 91.2 % before the second round of tuning phrasings (tuning-extra.yaml) and 85.3 %
// after it: two of its 34 phrasings moved. It is reported as measured, not tuned back. Blending in the nearest sample
// (chosen on the tuning sets and the fifth blind round) then took en-CA to 88.2 %, en-IN from 81.8 % to 90.9 % and
// en-AU from 94.1 % to 97.1 %; en-US stayed at 97.1 %, its one crisis miss gone since the locales' crisis rounds.
const LOCALE_FLOORS = [
  { locale: 'en-US', simulator: 90, independent: 96.9, emergenciesMissed: 0, crisesMissed: 0 },
  // en-CA reached the goal (91.2 %) when the simulator learned everyday out-of-domain requests as not understood.
  { locale: 'en-CA', simulator: 90, independent: 90.9, emergenciesMissed: 0, crisesMissed: 0 },
  // en-AU's simulator floor is the goal, which it reaches: 97.1 % (33 of 34) until the causes took "which cancers spread
  // to bone" (chosen on the tuning sets; en-GB's halves and the point-first half gained four), then 94.1 %.
  { locale: 'en-AU', simulator: 90, independent: 90.9, emergenciesMissed: 0, crisesMissed: 0 },
  // en-IN reached the goal with the nearest sample (90.9 %), then went back one phrasing (87.9 %) when general patterns
  // for the fifth blind round's misses went into the model (chosen on the tuning sets: 16 more understood there, every
  // crisis and emergency kept; en-GB's blind half and en-CA's held-out half each gained one). Reported as measured.
  // It won that phrasing back (90.9 %) when the model's samples were made grammatical and the classifier's training cut
  // to 65 samples an intent (both chosen on the tuning sets).
  // It went back one phrasing again (87.9 %) with the sixth blind round's patterns and Indian English's "mummy" and
  // "papa" as people of their own (chosen on the tuning sets, where they caught every crisis of that round in en-IN).
  // It reached the goal again (97.0 %, 32 of 33) when a long sentence near a sample came to be heard as that sample is
  // (tools/simulator/understand.ts, chosen on the tuning sets with the tenth blind round's patterns; 90.9 % with those
  // patterns alone).
  { locale: 'en-IN', simulator: 90, independent: 90.6, emergenciesMissed: 0, crisesMissed: 0 },
];

describe.each(LOCALE_FLOORS)('understanding $locale on its own held-out phrasings', ({ locale, simulator, independent, emergenciesMissed, crisesMissed }) => {
  let half: Evaluation;
  const model = loadInteractionModel(locale);
  beforeAll(async () => {
    [half] = await evaluate(model, [localeHalves(locale)[1]]);
  });
  const goal = (floor: number) => (floor < 90 ? ' (goal: 90)' : '');

  it('has phrasings in the locale\u2019s own words for every custom intent, with emergencies said about someone else', () => {
    const corpus = localeHalves(locale).flatMap((h) => readCorpus(h));
    const custom = model.intents.filter((i) => !i.name.startsWith('AMAZON.')).map((i) => i.name);
    expect(custom.filter((intent) => !corpus.some((p) => p.intent === intent))).toEqual([]);
    expect(corpus.filter((p) => p.intent === 'EmergencyIntent' && /\b(she|he|her|his|him|they|their|mom|mum|mother|mummy|dad|father|papa|wife|husband|partner|son|daughter|brother|sister|grandma|grandpa)\b/.test(p.say)).length).toBeGreaterThanOrEqual(8);
    expect(corpus.filter((p) => p.intent === 'CrisisIntent').length).toBeGreaterThanOrEqual(5);
  });

  it(`the simulator understands at least ${simulator}%${goal(simulator)}`, () => {
    expect(percent(half.simulator)).toBeGreaterThanOrEqual(simulator);
  });

  it(`the independent classifier understands at least ${independent}%${goal(independent)}`, () => {
    expect(percent(half.independent)).toBeGreaterThanOrEqual(independent);
  });

  it(`the simulator misses at most ${emergenciesMissed} emergency and ${crisesMissed} crisis phrasings${emergenciesMissed + crisesMissed ? ' (goal: none)' : ''}`, () => {
    expect(missedOf(half, 'EmergencyIntent').length).toBeLessThanOrEqual(emergenciesMissed);
    expect(missedOf(half, 'CrisisIntent').length).toBeLessThanOrEqual(crisesMissed);
  });
});

describe('the locale corpora', () => {
  it('name only intents and slot values their model has, and repeat no phrasing', () => {
    const said: string[] = [];
    for (const locale of corpusLocales()) {
      const model = loadInteractionModel(locale);
      const intents = new Set([...model.intents.map((i) => i.name), 'AMAZON.FallbackIntent']);
      for (const p of localeHalves(locale).flatMap((h) => readCorpus(h))) {
        expect(intents.has(p.intent)).toBe(true);
        for (const [slot, id] of Object.entries(p.slots ?? {})) {
          const type = model.intents.find((i) => i.name === p.intent)?.slots.find((s) => s.name === slot)?.type;
          expect({ say: p.say, known: Boolean(type && model.slotTypes[type].some((v) => v.id === id)) }).toEqual({ say: p.say, known: true });
        }
        said.push(normalise(p.say));
      }
    }
    expect(said.filter((s, i) => said.indexOf(s) !== i)).toEqual([]);
  });
});
