/**
 * NLP.js's neural NLU with the same network trained faster. NLP.js keeps each document's features as a list of
 * feature numbers and an object from number to value, and sums them with a closure (`keys.reduce`) for every
 * intent, document and epoch, and looks up each expected output in an object. Here the whole corpus's feature
 * numbers, values and expected outputs are also laid out in typed arrays, once, and summed in a plain loop.
 *
 * The arithmetic is NLP.js's own, in the same order (the bias first, then each feature in turn; the same deltas,
 * momentum and bias update), so training gives the same weights, bit for bit, and the same answers; test/simulator
 * checks that against NLP.js's own network. Only training is replaced: classifying one utterance goes through
 * NLP.js's code as before.
 */

/** A document as NLP.js's lookup prepares it: feature numbers, and their values by number. */
interface PreparedInput {
  keys: number[];
  data: Record<number, number>;
}
interface Perceptron {
  id: number;
  weights: Float32Array;
  changes: Float32Array;
  bias: number;
}
interface TrainingItem {
  input: PreparedInput;
  output: { data: Record<number, number> };
}
/**
 * The prepared corpus laid out flat (added here): document i's feature numbers and values are at offsets[i] up to
 * offsets[i + 1] of `indices` and `values`, and the output expected of perceptron p for it is expected[p * count + i].
 * One pass over contiguous arrays per perceptron and epoch, instead of an object and two arrays per document.
 */
interface FlatCorpus {
  data: TrainingItem[];
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
  prepareCorpus(corpus: unknown): TrainingItem[];
  lookup: { numOutputs: number };
}
type NeuralNetworkClass = new (settings: unknown, container: unknown) => NeuralNetworkBase & { train(corpus: unknown): Promise<unknown> };
type NluClass = new (...args: unknown[]) => { neuralNetwork?: unknown; innerTrain(input: { settings: unknown; corpus: unknown; status?: unknown }): Promise<unknown> } & { container: unknown };

/** The name the NLU is registered under in NLP.js's container (`className` in the Nlp settings). */
export const FAST_NEURAL_NLU = 'FastNeuralNlu';

function fastNetwork(NeuralNetwork: NeuralNetworkClass): NeuralNetworkClass {
  return class FastNeuralNetwork extends NeuralNetwork {
    private flat?: FlatCorpus;

    prepareCorpus(corpus: unknown): TrainingItem[] {
      const data = super.prepareCorpus(corpus);
      const outputs = this.lookup.numOutputs;
      const count = data.length;
      const offsets = new Int32Array(count + 1);
      for (let i = 0; i < count; i += 1) offsets[i + 1] = offsets[i] + data[i].input.keys.length;
      const indices = new Int32Array(offsets[count]);
      const values = new Float64Array(offsets[count]);
      const expected = new Float64Array(outputs * count);
      for (let i = 0; i < count; i += 1) {
        const { input, output } = data[i];
        input.keys.forEach((key, k) => {
          indices[offsets[i] + k] = key;
          values[offsets[i] + k] = input.data[key];
        });
        // NLP.js reads `output.data[id] || 0`: the same number, looked up once.
        for (let id = 0; id < outputs; id += 1) expected[id * count + i] = output.data[id] || 0;
      }
      this.flat = { data, count, offsets, indices, values, expected, ones: values.every((v) => v === 1) };
      return data;
    }

    /** NLP.js's trainPerceptron, step for step (its runInputPerceptron inlined), on the flat corpus. */
    trainPerceptron(perceptron: Perceptron, data: TrainingItem[]): number {
      const flat = this.flat;
      if (flat?.data !== data) throw new Error('trainPerceptron: the corpus was not prepared by this network');
      if (flat.ones) return this.trainPerceptronOnOnes(perceptron, flat);
      const { count, offsets, indices, values, expected } = flat;
      const { alpha, momentum } = this.settings;
      const { changes, weights, id } = perceptron;
      const rate = this.decayLearningRate;
      const expectedAt = id * count;
      // The bias in a local, written back once: the same float64 additions in the same order.
      let bias = perceptron.bias;
      let error = 0;
      for (let i = 0; i < count; i += 1) {
        const from = offsets[i];
        const to = offsets[i + 1];
        let sum = bias;
        for (let j = from; j < to; j += 1) sum += values[j] * weights[indices[j]];
        const actualOutput = sum <= 0 ? 0 : alpha * sum;
        const currentError = expected[expectedAt + i] - actualOutput;
        if (currentError) {
          error += currentError ** 2;
          const delta = (actualOutput > 0 ? 1 : alpha) * currentError * rate;
          for (let j = from; j < to; j += 1) {
            const key = indices[j];
            const change = delta * values[j] + momentum * changes[key];
            changes[key] = change;
            weights[key] += change;
          }
          bias += delta;
        }
      }
      perceptron.bias = bias;
      return error;
    }

    /** trainPerceptron where every value is 1: the same additions with the products by 1 left out. */
    trainPerceptronOnOnes(perceptron: Perceptron, flat: FlatCorpus): number {
      const { count, offsets, indices, expected } = flat;
      const { alpha, momentum } = this.settings;
      const { changes, weights, id } = perceptron;
      const rate = this.decayLearningRate;
      const expectedAt = id * count;
      let bias = perceptron.bias;
      let error = 0;
      for (let i = 0; i < count; i += 1) {
        const from = offsets[i];
        const to = offsets[i + 1];
        let sum = bias;
        for (let j = from; j < to; j += 1) sum += weights[indices[j]];
        const actualOutput = sum <= 0 ? 0 : alpha * sum;
        const currentError = expected[expectedAt + i] - actualOutput;
        if (currentError) {
          error += currentError ** 2;
          const delta = (actualOutput > 0 ? 1 : alpha) * currentError * rate;
          for (let j = from; j < to; j += 1) {
            const key = indices[j];
            const change = delta + momentum * changes[key];
            changes[key] = change;
            weights[key] += change;
          }
          bias += delta;
        }
      }
      perceptron.bias = bias;
      return error;
    }
  };
}

/** Registers the faster NLU in an NLP.js container, beside NLP.js's own 'NeuralNlu'. */
export function registerFastNeuralNlu(container: { register(name: string, clazz: unknown, isSingleton: boolean): void }): void {
  // NLP.js has no type declarations; these are the parts of its API used here.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { NeuralNetwork } = require('@nlpjs/neural') as { NeuralNetwork: NeuralNetworkClass };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { NluNeural } = require('@nlpjs/nlu') as { NluNeural: NluClass };
  const FastNetwork = fastNetwork(NeuralNetwork);
  class FastNeuralNlu extends NluNeural {
    async innerTrain(input: { settings: unknown; corpus: unknown; status?: unknown }) {
      const network = new FastNetwork(input.settings, this.container);
      this.neuralNetwork = network;
      input.status = await network.train(input.corpus);
      return input;
    }
  }
  container.register(FAST_NEURAL_NLU, FastNeuralNlu, false);
}
