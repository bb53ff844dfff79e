/**
 * The simulator's faster training of NLP.js's network (tools/simulator/neural-nlu.ts) must learn exactly what NLP.js's
 * own network learns, with the simulator's own settings: the same scores, to the last bit, for every utterance. It
 * trains half the perceptrons on a second thread; on one thread, or with a second thread that never starts, it must
 * learn the same.
 */
import { Worker } from 'node:worker_threads';
import { loadInteractionModel } from '../../tools/simulator/interaction-model';
import { FAST_NEURAL_NLU, plainWordFeatures } from '../../tools/simulator/neural-nlu';
import { SERVED_LOCALES } from '../../lambda/conversation/turn-for';
import { OUT_OF_DOMAIN } from '../../tools/simulator/out-of-domain';
import { normalise, trainClassifier, type Classifier } from '../../tools/simulator/understand';

describe("the simulator's training of NLP.js's network", () => {
  const model = loadInteractionModel('en-GB');
  const intents = ['EmergencyIntent', 'CrisisIntent', 'SymptomsIntent', 'TestsIntent', 'SupportIntent', 'SpeakSlowerIntent', 'SpeakFasterIntent'];
  const documents = model.intents.filter((i) => intents.includes(i.name)).flatMap((i) => i.samples.slice(0, 40).map((text) => ({ text, intent: i.name })));
  const heard = ['my mum has collapsed', 'i want to end it all', 'what are the symptoms', 'which scans are there', 'who can i talk to', "you're too slow", 'slow down', 'what is the weather'];
  let theirs: Classifier;

  beforeAll(async () => {
    theirs = await trainClassifier(documents, 'NeuralNlu');
  });

  async function expectSameScores(ours: Classifier): Promise<void> {
    expect(documents.length).toBeGreaterThan(200);
    for (const said of heard) {
      const expected = await theirs.classify(said);
      expect(expected[0].score).toBeGreaterThan(0);
      expect(await ours.classify(said)).toEqual(expected);
    }
  }

  it('scores every utterance exactly as NLP.js does, training on two threads', async () => {
    await expectSameScores(await trainClassifier(documents));
  });

  it('scores the same on one thread', async () => {
    await expectSameScores(await trainClassifier(documents, FAST_NEURAL_NLU, () => undefined));
  });

  it('scores the same when the second thread never starts an epoch (this thread takes its half back)', async () => {
    let idle: Worker | undefined;
    const neverStarts = () => (idle = new Worker('setTimeout(() => {}, 60000)', { eval: true }));
    await expectSameScores(await trainClassifier(documents, FAST_NEURAL_NLU, neverStarts));
    expect(idle).toBeDefined();
    await idle?.terminate();
  });
});

describe("the simulator's preparation of plain words for NLP.js", () => {
  // NLP.js's own pipeline, as its neural NLU runs it for English.
  async function nlpJsPrepare(): Promise<(text: string) => Promise<Record<string, number>>> {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { containerBootstrap } = require('@nlpjs/core') as { containerBootstrap: () => Promise<{ use(x: unknown): void }> };
    const { LangEn } = require('@nlpjs/lang-en') as { LangEn: unknown };
    const { NluNeural } = require('@nlpjs/nlu') as { NluNeural: new (settings: object, container: unknown) => { prepare(text: string): Promise<Record<string, number>> } };
    /* eslint-enable @typescript-eslint/no-require-imports */
    const container = await containerBootstrap();
    container.use(LangEn);
    const nlu = new NluNeural({ locale: 'en' }, container);
    return (text) => nlu.prepare(text);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { StemmerEn } = require('@nlpjs/lang-en') as { StemmerEn: new () => { stemWord(word: string): string } };

  it('gives the features NLP.js gives, in its order, for every sample of every locale and every out-of-domain request', async () => {
    const prepare = await nlpJsPrepare();
    const stemmer = new StemmerEn();
    const stem = (word: string) => stemmer.stemWord(word);
    const texts = new Set([...SERVED_LOCALES.flatMap((locale) => loadInteractionModel(locale).intents.flatMap((i) => i.samples)), ...OUT_OF_DOMAIN, "I can't stand it, I'm gonna scream", 'I wanna know'].map(normalise).filter(Boolean));
    expect(texts.size).toBeGreaterThan(10000);
    const differing: string[] = [];
    for (const text of texts) {
      const ours = plainWordFeatures(text, stem);
      const theirs = await prepare(text);
      if (!ours || JSON.stringify(Object.entries(ours)) !== JSON.stringify(Object.entries(theirs))) differing.push(text);
    }
    expect(differing).toEqual([]);
  });

  it('leaves any other text to NLP.js', () => {
    const stemmer = new StemmerEn();
    const stem = (word: string) => stemmer.stemWord(word);
    for (const text of ['', "can't walk", 'Bone scan', 'bone  scan', ' bone scan', 'bone-scan', 'café']) expect(plainWordFeatures(text, stem)).toBeUndefined();
    expect(plainWordFeatures('i cannot walk', stem)).toEqual({ i: 1, can: 1, not: 1, walk: 1 });
  });
});
