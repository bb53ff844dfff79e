/**
 * The point first: for questions written blind from the source page alone (test/answers/), the first sentence of the
 * answer a new listener hears holds the point of the question. The goal is 90 %; until it is reached, the floor
 * here is today's level on the held-out half, so that no change makes it worse. Safety questions are held to all.
 */
import { HELD_OUT_HALVES, holdsPoint, measurePointFirst, type PointFirstHalf, type PointOutcome, POINT_FIRST_HALVES, readPointFirst } from '../../tools/answers/point-first';
import { loadInteractionModel } from '../../tools/simulator/interaction-model';

const model = loadInteractionModel('en-GB');

/**
 * Today's level on each held-out half, where the 90 % goal is not met yet. The second half was written blind by a
 * writer who never saw the skill, its content or results, and first measured at 75 of 109 before any change after it.
 */
const FLOORS: Record<(typeof HELD_OUT_HALVES)[number], { questions: number; atLeast: number }> = {
  // 71 until the answers' first sentences joined the page's sentences for "which bones" and "more than one bone", "what
  // causes it" and "why some people", and so on (chosen on the tuning sets; measured here after).
  // 73 since the radiotherapy and painkiller answers say in their first sentence that the page says no more, and the
  // answer to "do I have it" names waiting for results (chosen on the tuning sets, 399 → 406 of 472).
  // 75 since the answers about one's own case say what the page says in their first sentence (418 → 422 of 472).
  // Unchanged by the eighth blind NLU round's patterns (below): 74 with a first draft of them, 75 with them finished.
  // 73 since a long sentence near a sample is heard as that sample is (chosen on the tuning sets: 639 -> 641 of 704
  // point-first questions, every crisis and emergency of the NLU's; held-out-2 gained one here). Not tuned back.
  // 74 with an answer of its own for high calcium (content/details/high-calcium.yaml; point-first tuning 641 -> 647).
  'held-out': { questions: 81, atLeast: 74 },
  // 78 until the safety patterns of the blind safety round moved one question's understanding (see test/nlu); 80 until
  // "which cancers spread to bone" moved from the unknown-primary samples to the causes (whose answer says any type can).
  // 82 since the simulator learned everyday out-of-domain requests ("what day is it") as not understood, chosen on the
  // tuning sets (three more understood, none lost) and measured here after: one question here moved; the NLU's
  // held-out halves gained two phrasings in en-GB and one in en-CA. Reported as measured, not tuned back.
  // 83 since the seventh blind NLU round's safety patterns ("i'm gonna kill myself", a collapse in the kitchen), which
  // took the point-first tuning sets from 409 to 413 of 472, moved one question here. Not tuned back either. 84 again
  // since an honest answer about a named test or treatment says its first sentence in the same sentence (413 → 418);
  // 85 when the answers about one's own case said what the page says in theirs (above), 84 once they were shortened
  // to fit a turn at the slowest pace (the answer about one's treatment now leads with problems between appointments,
  // and its team of specialists is the second sentence). 85 with the eighth pass's model patterns (below), 86 with
  // the eighth blind NLU round's (its emergencies and crises above all, "little" as a degree word, "actually" as "um").
  // 87 with the tenth blind round's patterns, 88 once a long sentence near a sample is heard as that sample is.
  // 90 with an answer of its own for high calcium, 89 once its "the page doesn't say more" became a sentence of its own
  // so that the answer fits a turn at the slowest pace. 90 again once "what is it" gives the page's example in its first
  // sentence and denosumab's names the treatment the page gives it under (point-first tuning sets 647 -> 650 of 704).
  'held-out-2': { questions: 109, atLeast: 90 },
  // Written blind with the fifth tuning set (28 November 2026), never read: 68 of 98 on the code of that morning, 72
  // after the first sentences were joined (above), 71 after the sixth blind NLU round's patterns moved one question, 74
  // with the radiotherapy, painkiller and "do I have it" first sentences (above), 75 with the named item's first
  // sentence in an honest answer's first (above), 76 with the eighth pass's model patterns (point-first tuning sets
  // 422 → 440 of 472: named cancers spreading to bone, a clear result, treating the main cancer, out-of-scope questions),
  // unchanged by the eighth blind NLU round's (75 with a first draft of them, 76 with them finished), 77 with the
  // example and denosumab's treatment in their first sentences (above), 79 with targeted therapy's example and "I can't
  // tell you what is right for your own treatment" first (29 November 2026, point-first tuning sets 657 -> 660), 80 once
  // the simulator passes over an intent chosen for grammar alone.
  'held-out-3': { questions: 98, atLeast: 80 },
};

const measured = new Map<string, PointOutcome[]>();
beforeAll(async () => {
  process.env.LOG_LEVEL = 'silent';
  for (const half of HELD_OUT_HALVES) measured.set(half, await measurePointFirst(model, half));
});

const BLIND_WITHOUT_SAFETY: readonly PointFirstHalf[] = ['tuning-3', 'tuning-4', 'tuning-5', 'tuning-7', 'tuning-8', 'tuning-9', 'tuning-10', 'tuning-11', 'held-out-3'];

// The ninth and tenth tuning sets' writers wrote years as said ("april twenty twenty two"), as they wrote the questions;
// the answers write them in digits ("30 April 2022") and Alexa says them as years.
describe('holdsPoint', () => {
  it('compares a year as it is said', () => {
    expect(holdsPoint('Its next review was planned for 30 April 2022.', 'april twenty twenty two')).toBe(true);
    expect(holdsPoint('It was last reviewed on 30 April 2019.', 'twenty nineteen')).toBe(true);
    expect(holdsPoint('It was last reviewed on 30 April 2019.', 'twenty twenty')).toBe(false);
  });

  it('ignores case, punctuation and a hyphen', () => {
    expect(holdsPoint('A PET-CT scan is a combination of scans.', 'pet ct')).toBe(true);
    expect(holdsPoint('A bone scan shows all the bones.', 'bone scans')).toBe(false);
  });
});

describe('the point-first corpus', () => {
  it.each(POINT_FIRST_HALVES.filter((half) => !BLIND_WITHOUT_SAFETY.includes(half) && half !== 'tuning-6'))('the %s half has at least 80 questions, with emergencies and a crisis', (half) => {
    const questions = readPointFirst(half);
    expect(questions.length).toBeGreaterThanOrEqual(80);
    expect(questions.filter((q) => q.point.includes('999')).length).toBeGreaterThanOrEqual(6);
    expect(questions.filter((q) => q.point.includes('samaritans')).length).toBeGreaterThanOrEqual(2);
  });

  // The third to fifth and seventh to eleventh tuning sets and the third held-out half were written without safety questions
  // (the NLU's safety rounds have hundreds).
  it.each(BLIND_WITHOUT_SAFETY)('the %s set has at least 80 questions', (half) => {
    expect(readPointFirst(half).length).toBeGreaterThanOrEqual(80);
  });

  // The sixth tuning set was written like the fifth, but half of its 100 questions another set already had.
  it('the tuning-6 set has at least 40 questions', () => {
    expect(readPointFirst('tuning-6').length).toBeGreaterThanOrEqual(40);
  });

  it('repeats no question across its halves', () => {
    const said = POINT_FIRST_HALVES.flatMap((half) => readPointFirst(half).map((q) => q.say));
    expect(said.filter((s, i) => said.indexOf(s) !== i)).toEqual([]);
  });
});

describe.each(HELD_OUT_HALVES)('answers to %s questions lead with the point', (half) => {
  const floor = FLOORS[half];
  it(`at least ${floor.atLeast} of ${floor.questions} have the point in their first sentence (goal: 90 %)`, () => {
    const outcomes = measured.get(half) as PointOutcome[];
    expect(outcomes.length).toBe(floor.questions);
    expect(outcomes.filter((o) => o.ok).length).toBeGreaterThanOrEqual(floor.atLeast);
  });

  it('every crisis question is answered with the crisis line first', () => {
    expect((measured.get(half) as PointOutcome[]).filter((o) => o.question.point.includes('samaritans') && !o.ok).map((o) => `→ ${o.intent}`)).toEqual([]);
  });

  it('every emergency question is answered with the emergency number first, whatever intent it reached', () => {
    expect((measured.get(half) as PointOutcome[]).filter((o) => o.question.point.includes('999') && !o.ok).map((o) => `→ ${o.intent}: ${o.first}`)).toEqual([]);
  });
});
