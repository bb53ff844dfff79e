/**
 * The nearest sample (tools/simulator/nearest-sample.ts): each intent's best cosine similarity, over idf-weighted
 * features, between what was said and one of its samples.
 */
import { nearestSample } from '../../tools/simulator/nearest-sample';

const near = nearestSample([
  { features: ['leg', 'numb'], intent: 'Emergency' },
  { features: ['what', 'symptom'], intent: 'Symptoms' },
  { features: ['what', 'bone', 'scan'], intent: 'TestDetail' },
  { features: ['what', 'leg', 'bone'], intent: 'AffectedBones' },
]);

describe('the nearest sample', () => {
  it('gives a sample said word for word a similarity of 1, and an intent with no shared word nothing', () => {
    const scores = near(['leg', 'numb']);
    expect(scores.get('Emergency')).toBeCloseTo(1);
    expect(scores.has('Symptoms')).toBe(false);
  });

  it('weighs a rare word above a common one: of two samples as long, the one sharing the rarer word is nearer', () => {
    // "what" is in three samples, "symptom" in one: without idf the two would tie.
    const weighed = nearestSample([
      { features: ['what', 'x'], intent: 'Common' },
      { features: ['symptom', 'y'], intent: 'Rare' },
      { features: ['what', 'z'], intent: 'Other' },
      { features: ['what', 'w'], intent: 'Another' },
    ]);
    const scores = weighed(['what', 'symptom']);
    expect(scores.get('Rare')!).toBeGreaterThan(scores.get('Common')!);
  });

  it('takes each intent at its closest sample, whatever its other samples', () => {
    const twoSamples = nearestSample([
      { features: ['leg', 'numb'], intent: 'Emergency' },
      { features: ['cannot', 'breathe'], intent: 'Emergency' },
    ]);
    expect(twoSamples(['cannot', 'breathe']).get('Emergency')).toBeCloseTo(1);
  });

  it('ignores words no sample has, and gives nothing for nothing known', () => {
    expect(near(['leg', 'numb', 'zebra']).get('Emergency')).toBeCloseTo(1);
    expect(near(['zebra']).size).toBe(0);
    expect(near([]).size).toBe(0);
  });
});
