/**
 * NLP.js's neural NLU with the same network trained faster. NLP.js keeps each document's features as a list of
 * feature numbers and an object from number to value, and sums them with a closure (`keys.reduce`) for every
 * intent, document and epoch, and looks up each expected output in an object. Here each document's feature numbers,
 * values and expected outputs are also kept in typed arrays, once, and summed in a plain loop.
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
 * A training document with its typed arrays (added here): the feature numbers and their values in the same order,
 * and the expected output of every intent's perceptron by its id.
 */
interface TypedItem extends TrainingItem {
  input: PreparedInput & { indices: Int32Array; values: Float64Array };
  expected: Float64Array;
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
    prepareCorpus(corpus: unknown): TypedItem[] {
      const data = super.prepareCorpus(corpus) as TypedItem[];
      const outputs = this.lookup.numOutputs;
      for (const item of data) {
        const { input, output } = item;
        input.indices = Int32Array.from(input.keys);
        input.values = Float64Array.from(input.keys, (key) => input.data[key]);
        // NLP.js reads `output.data[id] || 0`: the same number, looked up once.
        item.expected = Float64Array.from({ length: outputs }, (_, id) => output.data[id] || 0);
      }
      return data;
    }

    /** NLP.js's trainPerceptron, step for step (its runInputPerceptron inlined), on the typed arrays. */
    trainPerceptron(perceptron: Perceptron, data: TypedItem[]): number {
      const { alpha, momentum } = this.settings;
      const { changes, weights, id } = perceptron;
      let error = 0;
      for (let i = 0; i < data.length; i += 1) {
        const { indices, values } = data[i].input;
        const n = indices.length;
        let sum = perceptron.bias;
        for (let j = 0; j < n; j += 1) sum += values[j] * weights[indices[j]];
        const actualOutput = sum <= 0 ? 0 : alpha * sum;
        const currentError = data[i].expected[id] - actualOutput;
        if (currentError) {
          error += currentError ** 2;
          const delta = (actualOutput > 0 ? 1 : alpha) * currentError * this.decayLearningRate;
          for (let j = 0; j < n; j += 1) {
            const key = indices[j];
            const change = delta * values[j] + momentum * changes[key];
            changes[key] = change;
            weights[key] += change;
          }
          perceptron.bias += delta;
        }
      }
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
