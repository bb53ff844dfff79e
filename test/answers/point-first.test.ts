/**
 * The point first: for questions written blind from the source page alone (test/answers/), the first sentence of the
 * answer a new listener hears holds the point of the question. The goal is 90 %; until it is reached, the floor
 * here is today's level on the held-out half, so that no change makes it worse. Safety questions are held to all.
 */
import { measurePointFirst, type PointOutcome, POINT_FIRST_HALVES, readPointFirst } from '../../tools/answers/point-first';
import { loadInteractionModel } from '../../tools/simulator/interaction-model';

const model = loadInteractionModel('en-GB');
const share = (outcomes: PointOutcome[]) => (100 * outcomes.filter((o) => o.ok).length) / outcomes.length;

let heldOut: PointOutcome[];
beforeAll(async () => {
  process.env.LOG_LEVEL = 'silent';
  heldOut = await measurePointFirst(model, 'held-out');
});

describe('the point-first corpus', () => {
  it.each(POINT_FIRST_HALVES)('the %s half has at least 80 questions, with emergencies and a crisis', (half) => {
    const questions = readPointFirst(half);
    expect(questions.length).toBeGreaterThanOrEqual(80);
    expect(questions.filter((q) => q.point.includes('999')).length).toBeGreaterThanOrEqual(6);
    expect(questions.filter((q) => q.point.includes('samaritans')).length).toBeGreaterThanOrEqual(2);
  });

  it('repeats no question across its halves', () => {
    const said = POINT_FIRST_HALVES.flatMap((half) => readPointFirst(half).map((q) => q.say));
    expect(said.filter((s, i) => said.indexOf(s) !== i)).toEqual([]);
  });
});

describe('answers to held-out questions lead with the point', () => {
  it('at least 84 % (68 of 81) have the point in their first sentence (goal: 90 %)', () => {
    expect(heldOut.length).toBe(81);
    expect(share(heldOut)).toBeGreaterThanOrEqual((100 * 68) / 81);
  });

  it('every crisis question is answered with the crisis line first', () => {
    expect(heldOut.filter((o) => o.question.point.includes('samaritans') && !o.ok).map((o) => `→ ${o.intent}`)).toEqual([]);
  });

  it('every emergency question is answered with the emergency number first, whatever intent it reached', () => {
    expect(heldOut.filter((o) => o.question.point.includes('999') && !o.ok).map((o) => `→ ${o.intent}: ${o.first}`)).toEqual([]);
  });
});
