/**
 * The simulator's faster training of NLP.js's network (tools/simulator/neural-nlu.ts) must learn exactly what NLP.js's
 * own network learns: the same scores, to the last bit, for every utterance.
 */
import { FAST_NEURAL_NLU, registerFastNeuralNlu } from '../../tools/simulator/neural-nlu';
import { loadInteractionModel } from '../../tools/simulator/interaction-model';

interface NlpJs {
  addDocument(locale: string, text: string, intent: string): void;
  train(): Promise<void>;
  process(locale: string, text: string): Promise<{ classifications: { intent: string; score: number }[] }>;
}

async function trained(className: string, documents: { text: string; intent: string }[]): Promise<NlpJs> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { containerBootstrap } = require('@nlpjs/core') as { containerBootstrap: () => Promise<{ use(x: unknown): void; register(name: string, clazz: unknown, isSingleton: boolean): void }> };
  const { Nlp } = require('@nlpjs/nlp') as { Nlp: new (settings: object) => NlpJs };
  const { LangEn } = require('@nlpjs/lang-en') as { LangEn: unknown };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const container = await containerBootstrap();
  container.use(LangEn);
  registerFastNeuralNlu(container);
  const nlp = new Nlp({ container, languages: ['en'], autoLoad: false, autoSave: false, calculateSentiment: false, nlu: { en: { '*': { className, log: false, learningRate: 0.2, momentum: 0.2, iterations: 30 } } } });
  for (const d of documents) nlp.addDocument('en', d.text, d.intent);
  await nlp.train();
  return nlp;
}

describe("the simulator's training of NLP.js's network", () => {
  const model = loadInteractionModel('en-GB');
  const intents = ['EmergencyIntent', 'CrisisIntent', 'SymptomsIntent', 'TestsIntent', 'SupportIntent', 'SpeakSlowerIntent', 'SpeakFasterIntent'];
  const documents = model.intents.filter((i) => intents.includes(i.name)).flatMap((i) => i.samples.slice(0, 40).map((text) => ({ text, intent: i.name })));
  const heard = ['my mum has collapsed', 'i want to end it all', 'what are the symptoms', 'which scans are there', 'who can i talk to', "you're too slow", 'slow down', 'what is the weather'];

  it('scores every utterance exactly as NLP.js does', async () => {
    const [theirs, ours] = await Promise.all([trained('NeuralNlu', documents), trained(FAST_NEURAL_NLU, documents)]);
    expect(documents.length).toBeGreaterThan(200);
    for (const said of heard) {
      const expected = (await theirs.process('en', said)).classifications;
      expect(expected[0].score).toBeGreaterThan(0);
      expect((await ours.process('en', said)).classifications).toEqual(expected);
    }
  });
});
