/**
 * NLP.js's neural NLU with the same network trained faster. NLP.js keeps each document's features as a list of
 * feature numbers and an object from number to value, and sums them with a closure (`keys.reduce`) for every
 * intent, document and epoch, and looks up each expected output in an object. Here the whole corpus's feature
 * numbers, values and expected outputs are laid out in typed arrays instead, once, and summed in a plain loop.
 *
 * The network has a perceptron per intent, and each learns on its own: an epoch of one never reads another's
 * weights. So a second thread trains the second half of them, epoch by epoch, while this one trains the first half;
 * NLP.js's loop still asks for each perceptron in turn and adds up their errors in its own order.
 *
 * The arithmetic is NLP.js's own, in the same order (the bias first, then each feature in turn; the same deltas,
 * momentum and bias update), so training gives the same weights, bit for bit, and the same answers; test/simulator
 * checks that against NLP.js's own network. Plain words (all the simulator gives it) are made into NLP.js's features
 * without its pipeline, to the same features (checked against it too), in training and classifying alike; the rest
 * of classifying one utterance goes through NLP.js's code as before.
 */
import { Worker } from 'node:worker_threads';

/** A training document as NLP.js's NLU gives it to the network: its features and its intents, each with a value. */
interface CorpusItem {
  input: Record<string, number>;
  output: Record<string, number>;
}
/** NLP.js's numbering of features or intents: each name's number, and the names in that order. */
interface Lookup {
  dict: Record<string, number | undefined>;
  items: string[];
}
interface Perceptron {
  id: number;
  weights: Float32Array;
  changes: Float32Array;
  bias: number;
}
/** What NLP.js's training loop passes back to trainPerceptron: only its length is read. */
type TrainingItems = unknown[];
/**
 * The prepared corpus laid out flat (added here), in memory both threads share: document i's feature numbers and
 * values are at offsets[i] up to offsets[i + 1] of `indices` and `values`, and the output expected of perceptron p
 * for it is expected[p * count + i]. One pass over contiguous arrays per perceptron and epoch, instead of an object
 * and two arrays per document.
 */
interface FlatCorpus {
  count: number;
  offsets: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  expected: Float64Array;
  /** Every value is 1 (NLP.js marks a feature present with 1), so the products by a value can be left out: x * 1 is x, exactly. */
  ones: boolean;
}
interface NeuralNetworkBase {
  settings: { alpha: number; momentum: number };
  decayLearningRate: number;
  prepareCorpus(corpus: CorpusItem[]): TrainingItems;
  verifyIsInitialized(): void;
  perceptrons: Perceptron[];
  lookup: { inputLookup: Lookup; outputLookup: Lookup; numInputs: number; numOutputs: number };
}
type NeuralNetworkClass = new (settings: unknown, container: unknown) => NeuralNetworkBase & { train(corpus: unknown): Promise<unknown> };
type NluClass = new (...args: unknown[]) => {
  neuralNetwork?: unknown;
  innerTrain(input: { settings: unknown; corpus: unknown; status?: unknown }): Promise<unknown>;
  prepare(text: unknown, settings?: unknown): Promise<unknown>;
  settings: NluSettings;
  container: { get(name: string): unknown };
};
interface NluSettings {
  locale?: string;
  keepStopwords?: boolean;
}

/** Lower-case words and digits between single spaces: the text the simulator gives NLP.js (understand.ts's normalise). */
const PLAIN_WORDS = /^[a-z0-9]+(?: [a-z0-9]+)*$/;
/** The words NLP.js's English tokenizer splits in such text; it changes nothing else there. */
const TOKENIZER_SPLITS: Record<string, string[]> = { cannot: ['can', 'not'], gonna: ['going', 'to'], wanna: ['want', 'to'] };

/**
 * What NLP.js's English pipeline (normalise, tokenise, keep stop words, stem, mark each stem with 1) makes of plain
 * words, without the pipeline: each stem marked with 1, in the order NLP.js marks them. Undefined for any other text.
 * test/simulator checks it against NLP.js's own pipeline for every sample of the model.
 */
export function plainWordFeatures(text: string, stem: (word: string) => string): Record<string, number> | undefined {
  if (!PLAIN_WORDS.test(text)) return undefined;
  const features: Record<string, number> = {};
  for (const word of text.split(' ')) {
    for (const token of Object.hasOwn(TOKENIZER_SPLITS, word) ? TOKENIZER_SPLITS[word] : [word]) {
      const stemmed = stem(token);
      if (stemmed) features[stemmed.trim()] = 1;
    }
  }
  return features;
}

/** The name the NLU is registered under in NLP.js's container (`className` in the Nlp settings). */
export const FAST_NEURAL_NLU = 'FastNeuralNlu';

/**
 * One epoch of one perceptron: NLP.js's trainPerceptron, step for step (its runInputPerceptron inlined), on the flat
 * corpus. Returns the epoch's error; the bias is written to `state[1]`. It closes over nothing, since the helper
 * thread runs it from its source text.
 */
function trainPerceptronEpoch(flat: FlatCorpus, id: number, weights: Float32Array, changes: Float32Array, state: Float64Array, alpha: number, momentum: number, rate: number): number {
  const { count, offsets, indices, values, expected, ones } = flat;
  const expectedAt = id * count;
  // The bias in a local, written back once: the same float64 additions in the same order.
  let bias = state[1];
  let error = 0;
  for (let i = 0; i < count; i += 1) {
    const from = offsets[i];
    const to = offsets[i + 1];
    let sum = bias;
    if (ones) for (let j = from; j < to; j += 1) sum += weights[indices[j]];
    else for (let j = from; j < to; j += 1) sum += values[j] * weights[indices[j]];
    const actualOutput = sum <= 0 ? 0 : alpha * sum;
    const currentError = expected[expectedAt + i] - actualOutput;
    if (currentError) {
      error += currentError ** 2;
      const delta = (actualOutput > 0 ? 1 : alpha) * currentError * rate;
      for (let j = from; j < to; j += 1) {
        const key = indices[j];
        const change = (ones ? delta : delta * values[j]) + momentum * changes[key];
        changes[key] = change;
        weights[key] += change;
      }
      bias += delta;
    }
  }
  state[1] = bias;
  return error;
}

/**
 * The helper thread's side. It is given the corpus, the perceptrons it trains (their weights, changes and a state of
 * [error, bias] each, all shared) and a control block: [epoch started, epoch claimed, epoch done]. Each time the
 * epoch started moves on, it claims that epoch (unless this thread took it back, see helperFinished), trains its
 * perceptrons once at the rate in `rate`, and marks the epoch done (-2 if it failed). Epoch -1 ends it.
 */
const HELPER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const trainPerceptronEpoch = ${trainPerceptronEpoch.toString()};
parentPort.once('message', ({ flat, perceptrons, control, rate, alpha, momentum }) => {
  for (let epoch = 0; ; ) {
    Atomics.wait(control, 0, epoch);
    epoch = Atomics.load(control, 0);
    if (epoch < 0 || Atomics.compareExchange(control, 1, epoch - 1, epoch) !== epoch - 1) break;
    Atomics.notify(control, 1);
    try {
      for (const p of perceptrons) p.state[0] = trainPerceptronEpoch(flat, p.id, p.weights, p.changes, p.state, alpha, momentum, rate[0]);
      Atomics.store(control, 2, epoch);
    } catch {
      Atomics.store(control, 2, -2);
    }
    Atomics.notify(control, 2);
  }
  parentPort.close();
});
`;

/** How long the helper may take to start an epoch (a thread starts in about 50 ms) before this thread does its share itself. */
const HELPER_START_MS = 2000;

/** Starts a helper thread, or none (training then runs on one thread). */
export type StartHelper = () => Worker | undefined;

/** A helper thread, started before the corpus is ready so that its start-up overlaps NLP.js's preparation. */
export const startTrainingHelper: StartHelper = () => {
  try {
    const worker = new Worker(HELPER_SOURCE, { eval: true });
    // Never what keeps a process alive, and a failure to start only means training on one thread.
    worker.unref();
    worker.on('error', () => {});
    return worker;
  } catch {
    return undefined;
  }
};

/**
 * Whether the helper has trained its share of `epoch`. False if it has not claimed the epoch in HELPER_START_MS and
 * this thread takes it back (the helper then stops); an error if it failed during the epoch.
 */
function helperFinished(control: Int32Array, epoch: number): boolean {
  for (let claimed = Atomics.load(control, 1); claimed !== epoch; claimed = Atomics.load(control, 1)) {
    if (claimed === -1) return false;
    if (Atomics.wait(control, 1, claimed, HELPER_START_MS) === 'timed-out' && Atomics.compareExchange(control, 1, claimed, -1) === claimed) return false;
  }
  for (let done = Atomics.load(control, 2); done !== epoch; done = Atomics.load(control, 2)) {
    if (done === -2) throw new Error('The helper thread failed while training the classifier');
    Atomics.wait(control, 2, done);
  }
  return true;
}

const shared = <T extends Int32Array | Float32Array | Float64Array>(Kind: { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number }, length: number): T =>
  new Kind(new SharedArrayBuffer(Math.max(1, length) * Kind.BYTES_PER_ELEMENT));

function fastNetwork(NeuralNetwork: NeuralNetworkClass, takeHelper: () => Worker | undefined): NeuralNetworkClass {
  // NLP.js's own classes for its lookups, which its package does not export.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const NlpJsLookup = require('@nlpjs/neural/src/lookup') as new (data: CorpusItem[], property: 'input' | 'output') => Lookup;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const CorpusLookup = require('@nlpjs/neural/src/corpus-lookup') as new () => object;
  return class FastNeuralNetwork extends NeuralNetwork {
    private flat?: { data: TrainingItems; corpus: FlatCorpus };
    /** Each perceptron's [error, bias] of its last epoch, in shared memory, whichever thread trains it. */
    private states?: Float64Array[];
    /** While the helper thread trains perceptrons from `from` on: its control block, the epoch's rate, the epoch. */
    private helper?: { from: number; control: Int32Array; rate: Float64Array; epoch: number };

    /**
     * NLP.js's lookups of features and intents, built as NLP.js builds them, and the corpus laid out flat from them.
     * NLP.js would also make each document an object keyed by feature number (about 3 KB each, mostly holes, some
     * 18 MB for the model's corpus, and much of start-up's garbage collection); training here never reads them.
     */
    prepareCorpus(corpus: CorpusItem[]): TrainingItems {
      const inputLookup = new NlpJsLookup(corpus, 'input');
      const outputLookup = new NlpJsLookup(corpus, 'output');
      this.lookup = Object.assign(new CorpusLookup(), { inputLookup, outputLookup, numInputs: inputLookup.items.length, numOutputs: outputLookup.items.length });
      const outputs = this.lookup.numOutputs;
      const count = corpus.length;
      // NLP.js keeps a document's features that its lookup numbers (here, all of them), in the order they come.
      const numbered = (item: Record<string, number>, lookup: Lookup) => Object.keys(item).flatMap((name) => (lookup.dict[name] === undefined ? [] : [{ id: lookup.dict[name], value: item[name] }]));
      const inputs = corpus.map((item) => numbered(item.input, inputLookup));
      const offsets = shared(Int32Array, count + 1);
      for (let i = 0; i < count; i += 1) offsets[i + 1] = offsets[i] + inputs[i].length;
      const indices = shared(Int32Array, offsets[count]);
      const values = shared(Float64Array, offsets[count]);
      const expected = shared(Float64Array, outputs * count);
      for (let i = 0; i < count; i += 1) {
        inputs[i].forEach(({ id, value }, k) => {
          indices[offsets[i] + k] = id;
          values[offsets[i] + k] = value;
        });
        // NLP.js reads `output.data[id] || 0`: the same number, looked up once.
        for (const { id, value } of numbered(corpus[i].output, outputLookup)) expected[id * count + i] = value || 0;
      }
      const data: TrainingItems = new Array<undefined>(count);
      this.flat = { data, corpus: { count, offsets, indices, values, expected, ones: values.every((v) => v === 1) } };
      return data;
    }

    /** NLP.js's perceptrons, with their weights and changes (zeros, as NLP.js makes them) in shared memory. */
    verifyIsInitialized(): void {
      const fresh = !this.perceptrons;
      super.verifyIsInitialized();
      if (!fresh || !this.flat) return;
      const inputs = this.lookup.numInputs;
      for (const p of this.perceptrons) {
        p.weights = shared(Float32Array, inputs);
        p.changes = shared(Float32Array, inputs);
      }
      const states = this.perceptrons.map((p) => {
        const state = shared(Float64Array, 2);
        state[1] = p.bias;
        return state;
      });
      this.states = states;
      const worker = takeHelper();
      if (!worker) return;
      if (this.perceptrons.length < 2) {
        void worker.terminate();
        return;
      }
      const from = Math.ceil(this.perceptrons.length / 2);
      const control = shared(Int32Array, 3);
      const rate = shared(Float64Array, 1);
      const { alpha, momentum } = this.settings;
      const theirs = this.perceptrons.slice(from).map((p) => ({ id: p.id, weights: p.weights, changes: p.changes, state: states[p.id] }));
      worker.postMessage({ flat: this.flat.corpus, perceptrons: theirs, control, rate, alpha, momentum });
      this.helper = { from, control, rate, epoch: 0 };
    }

    /**
     * NLP.js asks for each perceptron in turn, every epoch. The first perceptron's turn starts the epoch on the
     * helper thread too; a perceptron of the helper's half waits for the helper to finish the epoch.
     */
    trainPerceptron(perceptron: Perceptron, data: TrainingItems): number {
      if (this.flat?.data !== data || !this.states) throw new Error('trainPerceptron: the corpus was not prepared by this network');
      const { alpha, momentum } = this.settings;
      const helper = this.helper;
      if (helper && perceptron.id === 0) {
        helper.epoch += 1;
        helper.rate[0] = this.decayLearningRate;
        Atomics.store(helper.control, 0, helper.epoch);
        Atomics.notify(helper.control, 0);
      }
      if (helper && perceptron.id >= helper.from) {
        if (helperFinished(helper.control, helper.epoch)) {
          const [error, bias] = this.states[perceptron.id];
          perceptron.bias = bias;
          return error;
        }
        // The helper never started: its share is trained here, from where it is (its weights are these).
        this.stopHelper();
      }
      const state = this.states[perceptron.id];
      state[1] = perceptron.bias;
      const error = trainPerceptronEpoch(this.flat.corpus, perceptron.id, perceptron.weights, perceptron.changes, state, alpha, momentum, this.decayLearningRate);
      perceptron.bias = state[1];
      return error;
    }

    async train(corpus: unknown): Promise<unknown> {
      try {
        return await super.train(corpus);
      } finally {
        this.stopHelper();
      }
    }

    /** The helper leaves its loop and its thread ends. */
    private stopHelper(): void {
      if (!this.helper) return;
      Atomics.store(this.helper.control, 0, -1);
      Atomics.notify(this.helper.control, 0);
      this.helper = undefined;
    }
  };
}

/**
 * Registers the faster NLU in an NLP.js container, beside NLP.js's own 'NeuralNlu'. `stem` is NLP.js's English
 * stemmer (a StemmerEn's stemWord), remembering what it has stemmed. Call the function it returns once training is
 * over: it ends the helper thread if no training took it.
 */
export function registerFastNeuralNlu(container: { register(name: string, clazz: unknown, isSingleton: boolean): void }, startHelper: StartHelper, stem: (word: string) => string): () => void {
  // NLP.js has no type declarations; these are the parts of its API used here.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { NeuralNetwork } = require('@nlpjs/neural') as { NeuralNetwork: NeuralNetworkClass };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { NluNeural } = require('@nlpjs/nlu') as { NluNeural: NluClass };
  // Started now, while NLP.js prepares the corpus; used by the first training, and a later one trains on one thread.
  let helper = startHelper();
  const takeHelper = () => {
    const taken = helper;
    helper = undefined;
    return taken;
  };
  const FastNetwork = fastNetwork(NeuralNetwork, takeHelper);
  class FastNeuralNlu extends NluNeural {
    /** Plain words prepared without NLP.js's pipeline (a tenth of start-up), to the same features, once each. */
    private plain = new Map<string, Record<string, number>>();

    async prepare(text: unknown, settings?: unknown): Promise<unknown> {
      // NLP.js tokenises and stems in the NLU's language, and drops stop words if the settings given say so.
      const { keepStopwords } = (settings ?? this.settings) as NluSettings;
      if (typeof text !== 'string' || this.settings.locale !== 'en' || keepStopwords === false) return super.prepare(text, settings);
      let features = this.plain.get(text);
      if (!features) {
        features = plainWordFeatures(text, stem);
        if (!features) return super.prepare(text, settings);
        this.plain.set(text, features);
      }
      return features;
    }

    async innerTrain(input: { settings: unknown; corpus: unknown; status?: unknown }) {
      const network = new FastNetwork(input.settings, this.container);
      this.neuralNetwork = network;
      input.status = await network.train(input.corpus);
      return input;
    }
  }
  container.register(FAST_NEURAL_NLU, FastNeuralNlu, false);
  return () => void takeHelper()?.terminate();
}
