/**
 * The simulator's language understanding, trained on nothing but the project's interaction model.
 *
 * Alexa's own NLU is a statistical model trained on the samples plus Amazon's data; this is a transparent
 * nearest-sample matcher that is deliberately forgiving in the ways a listener expects:
 *  1. words are normalised: case, punctuation, contractions ("what's" → "what is"), simple plurals;
 *  2. filler words ("um", "please", "can you tell me") and articles are dropped;
 *  3. slot values and their synonyms are found first (longest match wins) and stand in as the slot;
 *  4. the utterance is scored against every sample by word overlap (order-free) plus word-pair overlap
 *     (order-aware), so small changes of word order or a missing word still match;
 *  5. below a threshold, the request is AMAZON.FallbackIntent, as on a device.
 */
import type { HeardSlot } from './envelopes';
import type { InteractionModel, ModelIntent } from './interaction-model';

export type Understood =
  | { kind: 'intent'; intent: string; slots: HeardSlot[]; emptySlots: string[]; score: number }
  | { kind: 'fallback'; score: number };

/** Below this similarity an utterance is not understood (tuned on the dialogue tests; see README). */
export const MATCH_THRESHOLD = 0.62;

const CONTRACTIONS: Record<string, string> = {
  "what's": 'what is',
  "where's": 'where is',
  "how's": 'how is',
  "who's": 'who is',
  "that's": 'that is',
  "it's": 'it is',
  "i'm": 'i am',
  "i've": 'i have',
  "i'd": 'i would',
  "i'll": 'i will',
  "you're": 'you are',
  "can't": 'cannot',
  "won't": 'will not',
  "don't": 'do not',
  "doesn't": 'does not',
  "didn't": 'did not',
  "isn't": 'is not',
  "aren't": 'are not',
  "let's": 'let us',
  "there's": 'there is',
};

/** Whole phrases that carry no meaning for the intent, removed before matching (longest first). */
const FILLER_PHRASES = [
  'can you please tell me',
  'could you please tell me',
  'can you tell me',
  'could you tell me',
  'would you tell me',
  'i would like to know',
  'i want to know',
  'i wanted to know',
  'do you know',
  'i was wondering',
];
const FILLER_WORDS = new Set(['um', 'umm', 'uh', 'er', 'erm', 'hmm', 'please', 'alexa', 'just', 'so', 'well', 'a', 'an', 'the', 'like', 'actually', 'basically', 'ok', 'okay', 'right', 'then']);

/** "Symptoms" and "symptom" are the same word to a listener. */
function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1);
  return word;
}

/** Lower case, contractions expanded, punctuation gone; hyphens become spaces ("x-ray" → "x ray"). */
export function normalise(text: string): string {
  let s = ` ${text.toLowerCase().replace(/[’‘]/g, "'")} `;
  s = s.replace(/[^a-z0-9' {}]+/g, ' ');
  s = s.replace(/[a-z]+'[a-z]+/g, (w) => CONTRACTIONS[w] ?? w.replace(/'s$/, '').replace(/'/g, ''));
  s = s.replace(/'/g, ' ');
  for (const phrase of FILLER_PHRASES) s = s.replace(new RegExp(` ${phrase} `, 'g'), ' ');
  return s.replace(/\s+/g, ' ').trim();
}

/** The words that carry meaning, as said (for slot values) and stemmed (for matching). */
function meaningfulWords(normalised: string): string[] {
  return normalised.split(' ').filter((w) => w && !FILLER_WORDS.has(w));
}

function contentWords(normalised: string): string[] {
  return meaningfulWords(normalised).map(stem);
}

interface SlotPhrase {
  words: string[];
  type: string;
  id: string;
  canonical: string;
}

interface Sample {
  intent: ModelIntent;
  words: string[];
  pairs: string[];
}

/** How a slot stands in a sample or an utterance once its value is found; normalise keeps the braces. */
const slotToken = (type: string) => `{${type.toLowerCase()}}`;
const pairsOf = (words: string[]) => words.slice(1).map((w, i) => `${words[i]} ${w}`);

/** Dice overlap of two multisets of strings. */
function overlap(a: string[], b: string[]): number {
  if (!a.length && !b.length) return 1;
  if (!a.length || !b.length) return 0;
  const counts = new Map<string, number>();
  for (const x of a) counts.set(x, (counts.get(x) ?? 0) + 1);
  let shared = 0;
  for (const y of b) {
    const n = counts.get(y) ?? 0;
    if (n > 0) {
      shared += 1;
      counts.set(y, n - 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}

export interface Understander {
  understand(utterance: string): Understood;
}

export function createUnderstander(model: InteractionModel, builtInPhrases: Record<string, string[]>): Understander {
  // Slot phrases: every value and synonym of every slot type, as content words, longest first.
  const slotPhrases: SlotPhrase[] = [];
  for (const [type, values] of Object.entries(model.slotTypes)) {
    for (const value of values) {
      for (const phrase of [value.name, ...value.synonyms]) {
        const words = contentWords(normalise(phrase));
        if (words.length) slotPhrases.push({ words, type, id: value.id, canonical: value.name });
      }
    }
  }
  slotPhrases.sort((a, b) => b.words.length - a.words.length);

  const intents = model.intents.map((intent) => ({ ...intent, samples: [...intent.samples, ...(builtInPhrases[intent.name] ?? [])] }));
  const samples: Sample[] = [];
  for (const intent of intents) {
    for (const sample of intent.samples) {
      const typed = sample.replace(/\{(\w+)\}/g, (_, slot: string) => slotToken(intent.slots.find((s) => s.name === slot)?.type ?? slot));
      const words = contentWords(normalise(typed));
      samples.push({ intent, words, pairs: pairsOf(words) });
    }
  }

  /** Replaces slot values in the utterance by their type's token, remembering what was heard. */
  function findSlots(words: string[], said: string[]): { words: string[]; found: { type: string; heard: string; id: string; canonical: string }[] } {
    const out: string[] = [];
    const found: { type: string; heard: string; id: string; canonical: string }[] = [];
    for (let i = 0; i < words.length; ) {
      const hit = slotPhrases.find((p) => p.words.every((w, k) => words[i + k] === w));
      if (hit) {
        out.push(slotToken(hit.type));
        found.push({ type: hit.type, heard: said.slice(i, i + hit.words.length).join(' '), id: hit.id, canonical: hit.canonical });
        i += hit.words.length;
      } else {
        out.push(words[i]);
        i += 1;
      }
    }
    return { words: out, found };
  }

  function understand(utterance: string): Understood {
    // Braces mark slots in samples; in what a listener says they mean nothing.
    const said = meaningfulWords(normalise(utterance.replace(/[{}]/g, ' ')));
    const plain = said.map(stem);
    const { words, found } = findSlots(plain, said);
    let best: { sample: Sample; score: number } | undefined;
    for (const sample of samples) {
      const score = Math.max(similarity(words, sample), similarity(withUnknownSlot(words, sample), sample));
      if (!best || score > best.score) best = { sample, score };
    }
    if (!best || best.score < MATCH_THRESHOLD) return { kind: 'fallback', score: best?.score ?? 0 };
    const intent = best.sample.intent;
    const slots: HeardSlot[] = [];
    const emptySlots: string[] = [];
    for (const slot of intent.slots) {
      const hit = found.find((f) => f.type === slot.type);
      if (hit) slots.push({ name: slot.name, type: slot.type, value: hit.heard, id: hit.id, canonical: hit.canonical });
      else if (best.sample.words.includes(slotToken(slot.type))) {
        // The sample has the slot but no known value was heard there: Alexa sends the words with ER_SUCCESS_NO_MATCH.
        const heard = unknownSlotWords(plain, said, best.sample.words);
        if (heard) slots.push({ name: slot.name, type: slot.type, value: heard });
        else emptySlots.push(slot.name);
      } else emptySlots.push(slot.name);
    }
    return { kind: 'intent', intent: intent.name, slots, emptySlots, score: best.score };
  }

  return { understand };
}

function similarity(words: string[], sample: Sample): number {
  return 0.7 * overlap(words, sample.words) + 0.3 * overlap(pairsOf(words), sample.pairs);
}

/** Words a slot may hold that no slot value matched ("tell me about magic beans"). */
const MAX_UNKNOWN_SLOT_WORDS = 4;

/**
 * Reads the words the sample's carrier phrase does not account for as its slot, as Alexa does for a value
 * it cannot resolve. Only with a real carrier phrase: a slot-only sample ("{test}") would swallow anything.
 */
function withUnknownSlot(words: string[], sample: Sample): string[] {
  const slot = sample.words.find((w) => w.startsWith('{'));
  const carrier = sample.words.filter((w) => !w.startsWith('{'));
  // Only when no slot value was recognised at all: a recognised one of another type is not "unknown words".
  if (!slot || carrier.length < 2 || words.some((w) => w.startsWith('{'))) return words;
  const inCarrier = new Set(carrier);
  const first = words.findIndex((w) => !inCarrier.has(w));
  if (first < 0) return words;
  let end = first;
  while (end < words.length && !inCarrier.has(words[end])) end += 1;
  if (end - first > MAX_UNKNOWN_SLOT_WORDS) return words;
  const rest = [...words.slice(0, first), ...words.slice(end)];
  // The rest must be exactly the carrier phrase: "will i have a <anything>", not any sentence with "will" in it.
  if (rest.length !== carrier.length || !carrier.every((w) => rest.includes(w))) return words;
  return [...words.slice(0, first), slot, ...words.slice(end)];
}

/** The words of the utterance that the sample's carrier phrase does not account for: what filled the slot. */
function unknownSlotWords(stemmed: string[], said: string[], sampleWords: string[]): string {
  const carrier = new Set(sampleWords.filter((w) => !w.startsWith('{')));
  return said.filter((_, i) => !carrier.has(stemmed[i])).join(' ');
}
