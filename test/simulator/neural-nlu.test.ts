/**
 * The simulator's faster training of NLP.js's network (tools/simulator/neural-nlu.ts) must learn exactly what NLP.js's
 * own network learns, with the simulator's own settings: the same scores, to the last bit, for every utterance.
 */
import { loadInteractionModel } from '../../tools/simulator/interaction-model';
import { trainClassifier } from '../../tools/simulator/understand';

describe("the simulator's training of NLP.js's network", () => {
  const model = loadInteractionModel('en-GB');
  const intents = ['EmergencyIntent', 'CrisisIntent', 'SymptomsIntent', 'TestsIntent', 'SupportIntent', 'SpeakSlowerIntent', 'SpeakFasterIntent'];
  const documents = model.intents.filter((i) => intents.includes(i.name)).flatMap((i) => i.samples.slice(0, 40).map((text) => ({ text, intent: i.name })));
  const heard = ['my mum has collapsed', 'i want to end it all', 'what are the symptoms', 'which scans are there', 'who can i talk to', "you're too slow", 'slow down', 'what is the weather'];

  it('scores every utterance exactly as NLP.js does', async () => {
    const [theirs, ours] = await Promise.all([trainClassifier(documents, 'NeuralNlu'), trainClassifier(documents)]);
    expect(documents.length).toBeGreaterThan(200);
    for (const said of heard) {
      const expected = await theirs.classify(said);
      expect(expected[0].score).toBeGreaterThan(0);
      expect(await ours.classify(said)).toEqual(expected);
    }
  });
});
