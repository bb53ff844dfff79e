/**
 * How close what was said is to each intent's closest sample: the cosine of idf-weighted sets of word stems.
 *
 * The neural classifier trains on about 65 samples an intent, to keep start-up under a second, so a phrasing close
 * to one sample it was not shown is judged only by the words the others share. This looks at every sample, at no
 * training cost (one inverted index), which is nearer to what Alexa does with a model's samples: a phrasing close to
 * any one of them is close to that intent. Rare words weigh more (idf), so "numb" counts for more than "legs".
 */
export interface SampleFeatures {
  features: string[];
  intent: string;
}

/** For the features of what was said, each intent's best similarity to one of its samples, from 0 to 1. */
export type NearestSample = (features: string[]) => Map<string, number>;

export function nearestSample(samples: SampleFeatures[]): NearestSample {
  const documentFrequency = new Map<string, number>();
  for (const s of samples) for (const f of new Set(s.features)) documentFrequency.set(f, (documentFrequency.get(f) ?? 0) + 1);
  const idf = new Map([...documentFrequency].map(([f, n]) => [f, Math.log((samples.length + 1) / (n + 1))] as const));
  const length = (features: string[]) => Math.sqrt(features.reduce((sum, f) => sum + idf.get(f)! ** 2, 0)) || 1;
  // For each feature, the samples that have it and its weight in each (already divided by the sample's length), as
  // two lists side by side: a hundred thousand postings, and no object for each.
  const postings = new Map<string, { samples: number[]; weights: number[] }>();
  samples.forEach((s, sample) => {
    const features = [...new Set(s.features)];
    const norm = length(features);
    for (const f of features) {
      const list = postings.get(f) ?? postings.set(f, { samples: [], weights: [] }).get(f)!;
      list.samples.push(sample);
      list.weights.push(idf.get(f)! / norm);
    }
  });
  return (said) => {
    // A word no sample has adds nothing here; how much of what was said the model knows is weighed elsewhere.
    const features = [...new Set(said)].filter((f) => idf.has(f));
    const norm = length(features);
    const similarity = new Map<number, number>();
    for (const f of features) {
      const weight = idf.get(f)! / norm;
      const list = postings.get(f)!;
      for (let k = 0; k < list.samples.length; k += 1) similarity.set(list.samples[k], (similarity.get(list.samples[k]) ?? 0) + list.weights[k] * weight);
    }
    const best = new Map<string, number>();
    for (const [sample, value] of similarity) {
      const { intent } = samples[sample];
      if (value > (best.get(intent) ?? 0)) best.set(intent, value);
    }
    return best;
  };
}
