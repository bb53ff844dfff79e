/**
 * A second classifier, independent of the simulator's: wink's naive Bayes over wink-nlp's own tokens and
 * stems, trained on the model's samples alone, with slots filled by their values. None of the simulator's
 * normalisation, slot extraction or threshold is used, so it answers whether the interaction model itself
 * covers a phrasing. It always names an intent, so it is measured only on phrasings of the model's custom
 * intents: off-topic requests have no intent to name, and built-in intents are Alexa's, not the model's.
 */
import type { InteractionModel } from '../simulator/interaction-model';

interface WinkClassifier {
  definePrepTasks(tasks: ((text: string) => string[])[]): void;
  defineConfig(config: { considerOnlyPresence?: boolean; smoothingFactor?: number }): void;
  learn(text: string, label: string): void;
  consolidate(): void;
  predict(text: string): string;
}

interface WinkToken {
  out(what: unknown): string | boolean;
}
interface WinkNlp {
  its: { type: unknown; negationFlag: unknown; stem: unknown };
  readDoc(text: string): { tokens(): { filter(f: (t: WinkToken) => boolean): { each(f: (t: WinkToken) => void): void } } };
}

export interface IndependentClassifier {
  classify(text: string): string;
}

/**
 * A sample as it could be said, with its slot filled by a value's name or synonym: FILLS_PER_SAMPLE times,
 * taking the phrases in turn across the intent's samples, so every value and synonym is learnt in some
 * context without the slot intents outweighing the others.
 */
const FILLS_PER_SAMPLE = 1;
function withSlotFilled(sample: string, intent: InteractionModel['intents'][number], model: InteractionModel, n: number): string[] {
  const slot = /\{(\w+)\}/.exec(sample);
  if (!slot) return [sample];
  const values = model.slotTypes[intent.slots.find((s) => s.name === slot[1])?.type ?? ''] ?? [];
  const phrases = values.flatMap((v) => [v.name, ...v.synonyms]);
  return Array.from({ length: FILLS_PER_SAMPLE }, (_, k) => sample.replace(slot[0], phrases[(n * FILLS_PER_SAMPLE + k) % phrases.length]));
}

/**
 * wink-nlp's tokens and stems, negation marked ("!walk" in "can't walk"). Unlike the classifier's own
 * preparation it keeps stop words: "the second one", "go back" and "yes" are made of nothing else.
 */
function winkTokens(): (text: string) => string[] {
  const nlp = winkNlp();
  const its = nlp.its;
  return (text) => {
    const tokens: string[] = [];
    nlp
      .readDoc(text)
      .tokens()
      .filter((t) => t.out(its.type) === 'word')
      .each((t) => tokens.push(`${t.out(its.negationFlag) ? '!' : ''}${t.out(its.stem)}`));
    return tokens;
  };
}

let loaded: WinkNlp | undefined;
/** wink-nlp with its English model, loaded once a process: each load holds tens of megabytes, and one serves every classifier. */
function winkNlp(): WinkNlp {
  // Neither wink package has type declarations.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= (require('wink-nlp') as (model: unknown) => WinkNlp)(require('wink-eng-lite-web-model'));
  return loaded;
}

export function trainIndependentClassifier(model: InteractionModel, builtInPhrases: Record<string, string[]>): IndependentClassifier {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const naiveBayes = require('wink-naive-bayes-text-classifier') as () => WinkClassifier;
  const classifier = naiveBayes();
  classifier.definePrepTasks([winkTokens()]);
  classifier.defineConfig({ considerOnlyPresence: true, smoothingFactor: 0.5 });
  for (const intent of model.intents) {
    [...intent.samples, ...(builtInPhrases[intent.name] ?? [])].forEach((sample, n) => {
      for (const text of withSlotFilled(sample, intent, model, n)) classifier.learn(text, intent.name);
    });
  }
  classifier.consolidate();
  return { classify: (text) => classifier.predict(text) };
}
