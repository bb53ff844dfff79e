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

const SLOT_BONUS = 0.1;
const UNKNOWN_SLOT_DISCOUNT = 0.95;
/** An unknown word weighs as much as a word that eight intents share. */
const UNKNOWN_WORD_INTENTS = 8;

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
/** The same, typed without the apostrophe, as people do in a terminal. ("its" and "wont" are words too.) */
const BARE_CONTRACTIONS: Record<string, string> = {
  cant: 'cannot',
  dont: 'do not',
  doesnt: 'does not',
  didnt: 'did not',
  isnt: 'is not',
  arent: 'are not',
  im: 'i am',
  ive: 'i have',
  whats: 'what is',
  thats: 'that is',
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
/** Carers ask for someone: "how is my husband diagnosed" asks what "how is it diagnosed" asks. */
const PEOPLE = ['husband', 'wife', 'partner', 'mum', 'mom', 'mother', 'dad', 'father', 'son', 'daughter', 'sister', 'brother', 'friend', 'nan', 'grandma', 'grandad'];
for (const person of PEOPLE) FILLER_WORDS.add(person);

/**
 * A light stemmer: "diagnosed", "diagnoses", "diagnosing" and "diagnose" are one word to a listener, and
 * so are "symptom" and "symptoms". Applied alike to samples and utterances, so it only has to be consistent.
 */
function stem(word: string): string {
  if (word.length <= 3 || /(ss|us|is)$/.test(word)) return word;
  for (const [suffix, replacement] of [['ies', 'y'], ['ing', ''], ['ed', ''], ['es', ''], ['s', '']] as const) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) return word.slice(0, -suffix.length) + replacement;
  }
  return word.endsWith('e') ? word.slice(0, -1) : word;
}

/** Lower case, contractions expanded, punctuation gone; hyphens become spaces ("x-ray" → "x ray"). */
export function normalise(text: string): string {
  let s = ` ${text.toLowerCase().replace(/[’‘]/g, "'")} `;
  s = s.replace(/[^a-z0-9' {}]+/g, ' ');
  s = s.replace(/[a-z]+'[a-z]+/g, (w) => CONTRACTIONS[w] ?? w.replace(/'s$/, '').replace(/'/g, ''));
  s = s.replace(/'/g, ' ');
  s = s.replace(/[a-z]+/g, (w) => BARE_CONTRACTIONS[w] ?? w);
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

/**
 * Cosine similarity of two bags of words weighted by informativeness: one distinctive word ("symptoms")
 * is close to a longer sample that has it, while a word no sample knows weighs the utterance down.
 */
function cosine(a: string[], b: string[], weight: (w: string) => number): number {
  if (!a.length || !b.length) return 0;
  const vector = (words: string[]) => {
    const v = new Map<string, number>();
    for (const w of words) v.set(w, (v.get(w) ?? 0) + weight(w));
    return v;
  };
  const va = vector(a);
  const vb = vector(b);
  let dot = 0;
  for (const [w, x] of va) dot += x * (vb.get(w) ?? 0);
  const norm = (v: Map<string, number>) => Math.sqrt([...v.values()].reduce((sum, x) => sum + x * x, 0));
  return dot / (norm(va) * norm(vb));
}

/** Dice overlap of two multisets of strings, each word counted by its weight. */
function overlap(a: string[], b: string[], weight: (w: string) => number = () => 1): number {
  if (!a.length && !b.length) return 1;
  if (!a.length || !b.length) return 0;
  const counts = new Map<string, number>();
  for (const x of a) counts.set(x, (counts.get(x) ?? 0) + 1);
  let shared = 0;
  for (const y of b) {
    const n = counts.get(y) ?? 0;
    if (n > 0) {
      shared += weight(y);
      counts.set(y, n - 1);
    }
  }
  const total = (words: string[]) => words.reduce((sum, w) => sum + weight(w), 0);
  return (2 * shared) / (total(a) + total(b));
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
  const slotWords = new Set(slotPhrases.flatMap((p) => p.words));

  const intents = model.intents.map((intent) => ({ ...intent, samples: [...intent.samples, ...(builtInPhrases[intent.name] ?? [])] }));
  const samples: Sample[] = [];
  for (const intent of intents) {
    for (const sample of intent.samples) {
      const typed = sample.replace(/\{(\w+)\}/g, (_, slot: string) => slotToken(intent.slots.find((s) => s.name === slot)?.type ?? slot));
      const words = contentWords(normalise(typed));
      samples.push({ intent, words, pairs: pairsOf(words) });
    }
  }

  // Words that appear in few intents say more about which one is meant ("symptom") than words that appear
  // in many ("what", "bone", "cancer"): each word is weighted by its inverse intent frequency. A word no
  // sample uses weighs most, so gibberish pulls every score down towards the fallback.
  const intentsWith = new Map<string, Set<string>>();
  for (const sample of samples) for (const w of sample.words) (intentsWith.get(w) ?? intentsWith.set(w, new Set()).get(w)!).add(sample.intent.name);
  // A word no sample uses counts as a fairly rare one: enough to tell gibberish from a question, not so much
  // that one extra word ("going to be") drowns the words that do match.
  const weight = (w: string) => Math.log(1 + intents.length / (intentsWith.get(w)?.size ?? UNKNOWN_WORD_INTENTS));

  function similarity(words: string[], sample: Sample): number {
    // Word order counts through word pairs, when both sides have any: a one-word answer ("symptoms") has none.
    const pairs = pairsOf(words);
    const unigrams = cosine(words, sample.words, weight);
    const score = pairs.length && sample.pairs.length ? 0.8 * unigrams + 0.2 * overlap(pairs, sample.pairs) : unigrams;
    // A recognised slot value is strong evidence for the intents whose samples take that slot.
    const slotAgrees = sample.words.some((w) => w.startsWith('{') && words.includes(w));
    return Math.min(1, score + (slotAgrees ? SLOT_BONUS : 0));
  }

  /**
   * The score if the words the carrier phrase does not explain are an unknown slot value. A guess counts a
   * little less than words that match outright, and much less when those words belong to other intents:
   * "what is the symptom" asks about symptoms, "what is the weather" names a test the skill does not know.
   */
  function unknownSlotScore(words: string[], sample: Sample): number {
    const guessed = withUnknownSlot(words, sample);
    if (guessed === words) return 0;
    const filler = words.filter((w) => !guessed.includes(w));
    // Words that belong to other intents' phrasing count against a guess; words of slot values ("scan" in
    // "dexa scan") do not: they are what an unknown test or treatment would sound like.
    const known = filler.filter((w) => intentsWith.has(w) && !slotWords.has(w)).length / filler.length;
    return UNKNOWN_SLOT_DISCOUNT * (1 - 0.5 * known) * similarity(guessed, sample);
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
      const score = Math.max(
        similarity(words, sample),
        // The same words read plainly: "clinical trials" is a slot synonym and also the heart of ClinicalTrialsIntent.
        found.length ? similarity(plain, sample) : 0,
        unknownSlotScore(words, sample),
      );
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
