/**
 * The simulator's language understanding, trained at start-up on nothing but the project's interaction model.
 *
 * Alexa's NLU is a statistical model trained on the samples (and Amazon's own data); so is this one, so that
 * a phrasing the model does not cover fails here as it would on a device, and one it covers by a general
 * pattern succeeds here as it would there. The steps:
 *  1. words are normalised alike in samples and in what is said: case, punctuation, contractions
 *     ("what's" → "what is"), and spelled-out initialisms ("M. R. I." → "mri");
 *  2. slot values and synonyms are found (longest first) and stand in as one token per slot type, which is
 *     entity extraction, and entity resolution gives Alexa's ER_SUCCESS_MATCH with the value's id;
 *  3. NLP.js's neural classifier (@nlpjs/nlp, English stemmer from @nlpjs/lang-en), trained on a share of each
 *     intent's samples, and the nearest of all the samples (nearest-sample.ts), blended, pick the intent (a long
 *     sentence nearly a sample is that sample's, whatever the classifier makes of its extra clause);
 *  4. below a calibrated score, with no word any sample uses, or when it is most like an everyday request for
 *     something else (out-of-domain.ts, the classifier's "None"), the request is AMAZON.FallbackIntent;
 *  5. a slot sample's carrier phrase said around up to two words no sample uses ("tell me about magic beans")
 *     gives that intent with the words as an unresolved value (ER_SUCCESS_NO_MATCH), as Alexa does.
 */
import type { HeardSlot } from './envelopes';
import type { InteractionModel, ModelIntent } from './interaction-model';
import { nearestSample } from './nearest-sample';
import { FAST_NEURAL_NLU, registerFastNeuralNlu, startTrainingHelper, type StartHelper } from './neural-nlu';
import { OUT_OF_DOMAIN } from './out-of-domain';

export type Understood =
  | { kind: 'intent'; intent: string; slots: HeardSlot[]; emptySlots: string[]; score: number }
  | { kind: 'fallback'; score: number };

export interface Understander {
  understand(utterance: string): Promise<Understood>;
}

/**
 * Below this score (the blend of the classifier's and the nearest sample's, weighed by how much of what was said the
 * model knows) an utterance is not understood. Calibrated on the tuning sets, off-topic requests included, each time
 * the scoring changed: 0.4 for the classifier alone, then 0.42 once the other locales' patterns were added (it kept
 * "turn on the lights" out). With the nearest sample blended in, on every tuning set of every locale (1,836
 * phrasings) and the fifth blind round: 0.35 understands the most (0.3 and 0.42 one or two fewer, 0.5 eighteen
 * fewer and an emergency), and every off-topic request of test/simulator is still not understood. Held-out
 * phrasings never chose it.
 */
export const MATCH_THRESHOLD = 0.35;
/** How sure the classifier must be of an intent chosen for the grammar of a request alone (see `understand`). */
const GRAMMAR_ONLY_THRESHOLD = 0.5;
/**
 * How much the nearest sample counts against the classifier (1 would be the nearest sample alone). Chosen on the
 * tuning sets and the fifth blind round, measured before it was read (tuning-5.yaml): 0.3 to 0.7 each understood two
 * to six more phrasings than the classifier alone, and 0.5 the most in all (0.9 lost 33 of the tuning sets).
 */
const NEAREST_SAMPLE_WEIGHT = 0.5;
/**
 * A sentence of at least LONG_SENTENCE words (people and fillers aside) whose nearest sample is at least NEAR_SAMPLE
 * alike is that sample with a clause more, and its intent scores at least that likeness. The classifier adds up a
 * weight for each word, so on a long sentence one clause can outweigh the rest: "he's peeing himself and doesn't even
 * notice it's new as of this morning" was a crisis to it. On a short request the likeness of a sample is no guide
 * ("should I say yes to the operation" is as like "yes" as that), and the classifier still judges. Chosen on the
 * tuning sets (3,301 phrasings, 704 point-first questions): 0.7 and 8 words understood one more phrasing and two more
 * questions, and every crisis and emergency (four had been missed); 0.7 at any length lost 14 phrasings to built-ins
 * ("should I quit chemo" as stop), 0.65 or 7 words one to six, 0.75 left two emergencies missed, 9 words one.
 */
const NEAR_SAMPLE = 0.7;
const LONG_SENTENCE = 8;
/**
 * Training budget, so that start-up stays under a second (npm run benchmark): at most this many samples an
 * intent (every word of the intent still among them) and this many epochs. Chosen on the tuning halves: more of
 * either changed their accuracy by less than one phrasing in a hundred and made start-up slower; 45 epochs rather
 * than 50 saved a tenth of the training time at no cost there; 40 or fewer lost an emergency. Since the nearest
 * sample looks at every sample, 70 samples and 40 epochs (about a fifth less training than 80 and 45) understand four
 * fewer of the 2,129 tuning phrasings and the same point-first tuning questions, and every crisis and emergency;
 * 35 epochs lose emergencies again. Then 65 samples: as many tuning phrasings and questions in all as 70 (three
 * phrasings fewer, three questions more), a tenth faster; 60 and 50 understood fewer.
 */
const SAMPLES_PER_INTENT = 65;
const TRAINING_EPOCHS = 40;
/** Unknown words an unresolved slot value may have ("magic beans"); more is a sentence, not a name. */
const MAX_UNKNOWN_SLOT_WORDS = 2;

/**
 * Fillers and exclamations of speech ("um", "oh god", "actually"): they ask nothing. With the people a carer asks
 * about, below, one list each, so the two sets after them cannot drift.
 */
const FILLERS = 'um umm uh er erm oh god gosh goodness jeez actually basically literally please';
/**
 * The people a carer asks about: never the topic, always who it is about. In each locale's words ("nani", "dadi",
 * "mommy", "granny"), but for "papa" and "mummy": Indian English's model says those in its samples as a person
 * ("papa is having pain"), and taking them out of what its classifier sees cost three of its tuning phrasings.
 */
const CARED_FOR =
  'mum mom mother dad father husband wife partner son daughter sister brother friend nan gran grandma grandad grandpa grandmother grandfather neighbour neighbor auntie aunt uncle ' +
  'mommy mam daddy nana nani dada dadi amma appa granny';

/**
 * Words that carry no topic of their own: grammar, fillers, days and durations ("tomorrow", "this afternoon", "for
 * ten minutes"), and the people a carer asks about. An utterance
 * needs some other word the model knows, and only the other words count towards how much of it is known.
 */
const FUNCTION_WORDS = new Set(
  (
    'a an the i me my mine myself you your he him his she her it its we us our they them their this that these those ' +
    'himself herself themselves is am are was were be been being do does did have has had will would can could should ' +
    'shall may might must not to of in on at for with about from by as and or but if so then than there here what when ' +
    'where why how who which whom whose well just really very quite so some any all both s d ll m re ve yeah ' +
    'alright like anyway anymore even still now again also too maybe bit lot thing things honestly probably perhaps ' +
    'rather pretty already yet ever though although cos whatever reckon suppose guess wondering thanks thank cheers ' +
    'something anything everything someone somebody anyone everyone today tonight tomorrow yesterday afternoon ' +
    'whereabouts minute minutes hour hours seconds ' +
    `${FILLERS} ${CARED_FOR}`
  ).split(' '),
);

/** What "last", "next" or "first" can say when of, rather than which item of a list. */
const TIME_NOUNS = new Set('time times week weeks night month months year years weekend summer winter spring autumn morning evening afternoon'.split(' '));

const PREAMBLES = ['can you tell me', 'could you tell me', 'can you please tell me', 'please tell me', 'i would like to know', 'i want to know', 'i wanted to know', 'i was wondering', 'do you know'];
/** A word every preamble has. */
const PREAMBLE_WORD = / (?:tell me|know|wondering) /;

/**
 * The people a sentence is about (pronouns and the family a carer names), the fillers of speech, and articles:
 * none of them tells one question from another ("the bone scan" asks what "bone scan" asks).
 */
const PEOPLE = new Set(
  (
    'hmm a an the i me my mine myself she her hers herself he him his himself they them their theirs themselves we us our ' +
    `${FILLERS} ${CARED_FOR}`
  ).split(' '),
);
const withoutPeople = (words: string[]) => {
  const kept = words.filter((w) => !PEOPLE.has(w));
  return kept.length ? kept : words;
};

/**
 * Words that turn the meaning of the next one: "more slowly" asks for slower speech, "too slowly" for faster.
 * A bag of words cannot tell them apart, so the classifier also sees each such pair as one word of its own. Only
 * degree words: pairs after "not" or "cannot" gave the classifier hundreds more features, made training 40 %
 * slower, and changed nothing on the tuning halves.
 */
const MODIFIERS = new Set(['too', 'more', 'less', 'little']);
function withModifierPairs(words: string[]): string[] {
  const withPairs = [...words];
  for (let i = 1; i < words.length; i += 1) if (MODIFIERS.has(words[i - 1]) && !MODIFIERS.has(words[i])) withPairs.push(`${words[i - 1]}${words[i]}`);
  return withPairs;
}

const CONTRACTIONS: Record<string, string> = {
  "what's": 'what is',
  "where's": 'where is',
  "how's": 'how is',
  "who's": 'who is',
  "he's": 'he is',
  "she's": 'she is',
  "that's": 'that is',
  "it's": 'it is',
  "there's": 'there is',
  "here's": 'here is',
  "i'm": 'i am',
  "you're": 'you are',
  "we're": 'we are',
  "they're": 'they are',
  "can't": 'cannot',
  "won't": 'will not',
  "let's": 'let us',
};
/**
 * The same, typed without the apostrophe, as people do in a terminal ("its" and "wont" are words too); and the
 * spoken forms.
 */
const BARE_CONTRACTIONS: Record<string, string> = {
  cant: 'cannot',
  dont: 'do not',
  doesnt: 'does not',
  didnt: 'did not',
  isnt: 'is not',
  arent: 'are not',
  wasnt: 'was not',
  havent: 'have not',
  hasnt: 'has not',
  im: 'i am',
  ive: 'i have',
  whats: 'what is',
  thats: 'that is',
  theres: 'there is',
  youre: 'you are',
  // Spoken forms that speech recognition writes as said ("i'm gonna kill myself"): they mean the written ones.
  gonna: 'going to',
  wanna: 'want to',
  gotta: 'got to',
};

/** A whole word that is one of BARE_CONTRACTIONS. */
const BARE_CONTRACTION = new RegExp(`\\b(?:${Object.keys(BARE_CONTRACTIONS).join('|')})\\b`, 'g');

const DIGIT_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/**
 * A number typed in digits, as it is said: samples are written in words (Alexa's rule), so "999" is "nine nine nine".
 * Three digits or more are a phone number, said digit by digit ("111", "000", "14416"); one or two are a count or a
 * place ("number 12" is "number twelve").
 */
export function numberAsSaid(digits: string): string {
  if (digits.length > 2) return [...digits].map((d) => DIGIT_WORDS[Number(d)]).join(' ');
  const n = Number(digits);
  if (n < 10) return DIGIT_WORDS[n];
  if (n < 20) return TEENS[n - 10];
  return n % 10 ? `${TENS[Math.floor(n / 10)]} ${DIGIT_WORDS[n % 10]}` : TENS[n / 10];
}

/**
 * Lower case, contractions expanded, punctuation gone, hyphens as spaces ("x-ray" → "x ray"), numbers in digits as
 * said ("999" → "nine nine nine"; an ordinal such as "8th" stays, as the slot values have it), and initialisms
 * spelled as letters joined ("M. R. I." and "m r i" → "mri"). "'s" after a name is kept apart ("mum's" →
 * "mum s"), since it may be "is", "has" or a possessive.
 */
export function normalise(text: string): string {
  let s = ` ${text.toLowerCase().replace(/[’‘]/g, "'")} `;
  s = s.replace(/[^a-z0-9' ]+/g, ' ');
  if (/\d/.test(s)) s = s.replace(/\b\d+\b/g, numberAsSaid);
  // "'s" before a past participle is "has": "he's just keeled over", "my dad's collapsed". Elsewhere it is "is" after a
  // pronoun, and kept apart after a name ("my dad's legs").
  // (Each step below is skipped where the text cannot hold what it looks for: start-up normalises every sample.)
  if (s.includes("'")) {
    s = s.replace(/\b([a-z]+)'s (?=(?:just |already |never |suddenly )?(?:been|got|gone|had|fallen|done|taken|lost|broken|keeled|stopped|started|collapsed|passed|blacked|fainted)\b)/g, '$1 has ');
    // A possessive's "s" is held as "S" until the initialisms are joined, so "dad's x ray" never makes "sx".
    s = s.replace(/[a-z]+'[a-z]+/g, (w) => CONTRACTIONS[w] ?? w.replace(/n't$/, ' not').replace(/'(ve|ll|d|re|m)$/, ' $1').replace(/'s$/, ' S'));
    s = s.replace(/'/g, ' ');
  }
  s = s.replace(BARE_CONTRACTION, (w) => BARE_CONTRACTIONS[w]);
  s = s.replace(/\s+/g, ' ');
  // A polite preamble asks nothing of its own: "can you tell me what causes it" asks what causes it.
  if (PREAMBLE_WORD.test(s)) for (const preamble of PREAMBLES) s = s.replace(` ${preamble} `, ' ');
  // Single letters in a row are an initialism ("m r i" → "mri"); a leading "a" or "i" is a word ("a c t" → "a ct").
  // (Letters in a row are single letters between spaces: the text is padded, and has only letters, digits and spaces.)
  if (/ [a-z] [a-z] /.test(s)) s = s.replace(/(?:\b[a-z]\b ?){2,}/g, (run) => {
    const letters = run.trim().split(' ');
    const words: string[] = [];
    while (letters.length > 2 && (letters[0] === 'a' || letters[0] === 'i')) words.push(letters.shift()!);
    if (letters.every((l) => l === 'a' || l === 'i')) words.push(...letters);
    else words.push(letters.join(''));
    return `${words.join(' ')} `;
  });
  return s.replace(/\s+/g, ' ').replace(/S/g, 's').trim();
}

interface SlotPhrase {
  words: string[];
  type: string;
  id: string;
  canonical: string;
}

interface FoundSlot {
  type: string;
  heard: string;
  id: string;
  canonical: string;
}

/** The token a slot value stands as, in samples and utterances alike: one word the classifier can learn. */
const slotToken = (type: string) => `slot${type.toLowerCase()}`;

/** The classifier's view: an intent per sample, trained once; `classify` gives intents best first. */
export interface Classifier {
  classify(text: string): Promise<{ intent: string; score: number }[]>;
}

/**
 * `network`: NLP.js's own ('NeuralNlu'), and `startHelper`, the faster one's second thread (none, or one that never
 * starts), only to show that the faster one learns the same whichever way it runs (test/simulator).
 */
export async function trainClassifier(documents: { text: string; intent: string }[], network: string = FAST_NEURAL_NLU, startHelper: StartHelper = startTrainingHelper): Promise<Classifier> {
  // NLP.js has no type declarations; these are the parts of its API used here.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { containerBootstrap } = require('@nlpjs/core') as { containerBootstrap: () => Promise<{ use: (x: unknown) => void; register(name: string, clazz: unknown, isSingleton: boolean): void }> };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Nlp } = require('@nlpjs/nlp') as { Nlp: new (settings: object) => NlpJs };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { LangEn } = require('@nlpjs/lang-en') as { LangEn: unknown };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Language } = require('@nlpjs/language-min') as { Language: new (...args: unknown[]) => { addExtraSentence(locale: string, sentence: string): void } };
  const container = await containerBootstrap();
  // NLP.js adds every training sentence's letter trigrams to its language guesser, which guesses the language of an
  // utterance given without one. The simulator always says 'en', so its guesser learns nothing from them: about 50 ms
  // of start-up, and nothing the classifier sees (npm run nlu:eval prints the same either way).
  class LanguageGivenGuesser extends Language {
    addExtraSentence(): void {}
  }
  container.register('Language', LanguageGivenGuesser, false);
  container.use(LangEn);
  const trained = registerFastNeuralNlu(container, startHelper, englishStemmer());
  // No file is read or written, no sentiment, and the training log stays silent. NLP.js's network, trained faster
  // (neural-nlu.ts). A gentler learning rate and momentum than NLP.js's defaults (0.6, 0.5) measured better on the
  // tuning half with this model's imbalance.
  const nlp = new Nlp({ container, languages: ['en'], autoLoad: false, autoSave: false, calculateSentiment: false, nlu: { en: { '*': { className: network, log: false, learningRate: 0.2, momentum: 0.2, iterations: TRAINING_EPOCHS } } } });
  for (const d of documents) nlp.addDocument('en', d.text, d.intent);
  try {
    await nlp.train();
  } finally {
    trained();
  }
  return {
    async classify(text) {
      const result = await nlp.process('en', text);
      return result.classifications.map((c) => ({ intent: c.intent, score: c.score }));
    },
  };
}

/** The classifier's scores and the nearest sample's, blended, best first; a long sentence near a sample scores that likeness at least. */
function blend(classified: { intent: string; score: number }[], nearest: Map<string, number>, long: boolean): { intent: string; score: number }[] {
  const scores = new Map<string, number>();
  for (const c of classified) scores.set(c.intent, (1 - NEAREST_SAMPLE_WEIGHT) * c.score);
  for (const [intent, similarity] of nearest) {
    const blended = (scores.get(intent) ?? 0) + NEAREST_SAMPLE_WEIGHT * similarity;
    scores.set(intent, long && similarity >= NEAR_SAMPLE ? Math.max(blended, similarity) : blended);
  }
  return [...scores].map(([intent, score]) => ({ intent, score })).sort((a, b) => b.score - a.score);
}

/**
 * NLP.js's English stemmer, the one its classifier uses, remembering each word's stem: the samples say a few thousand
 * words some hundred thousand times, and start-up stems them all (training set, known words, nearest sample, and the
 * classifier's own preparation of its documents). One for the process.
 */
let sharedStemmer: ((word: string) => string) | undefined;
function englishStemmer(): (word: string) => string {
  if (sharedStemmer) return sharedStemmer;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { StemmerEn } = require('@nlpjs/lang-en') as { StemmerEn: new () => { stemWord(word: string): string } };
  const stemmer = new StemmerEn();
  const stems = new Map<string, string>();
  sharedStemmer = (word) => {
    let stem = stems.get(word);
    if (stem === undefined) stems.set(word, (stem = stemmer.stemWord(word)));
    return stem;
  };
  return sharedStemmer;
}

interface NlpJs {
  addDocument(locale: string, text: string, intent: string): void;
  train(): Promise<void>;
  process(locale: string, text: string): Promise<{ classifications: { intent: string; score: number }[] }>;
}

/** A number fixed by the text alone (FNV-1a), so that an order drawn from it does not depend on the list. */
function stableRank(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/**
 * About `cap` samples an intent, chosen so that every word of the intent's samples is still in one of them, as the
 * classifier sees words (by stem: "break" and "breaking" are one feature; a degree word's pair, "littlefast", is one
 * too): first each sample that brings a feature not yet seen, then the rest in the order of a hash of their words, up
 * to `cap`. Training time grows with the samples, and the templates of the model's source make many that differ only
 * in a person or a verb.
 */
function trainingSet<T extends { words: string[]; features: string[]; intent: string }>(documents: T[], cap: number): T[] {
  const byIntent = new Map<string, T[]>();
  for (const d of documents) (byIntent.get(d.intent) ?? byIntent.set(d.intent, []).get(d.intent)!).push(d);
  return [...byIntent.values()].flatMap((docs) => {
    const seen = new Set<string>();
    const chosen = new Set<T>();
    for (const d of docs) {
      if (d.features.some((f) => !seen.has(f))) chosen.add(d);
      for (const f of d.features) seen.add(f);
    }
    // The rest by a hash of their words, not by their place in the list: a sample added to an intent then changes
    // at most one of the others chosen, instead of shifting them all (and what the classifier learns with them).
    const room = Math.max(0, cap - chosen.size);
    const rest = docs.filter((d) => !chosen.has(d)).map((d) => ({ d, rank: stableRank(d.words.join(' ')) }));
    for (const { d } of rest.sort((a, b) => a.rank - b.rank).slice(0, room)) chosen.add(d);
    return docs.filter((d) => chosen.has(d));
  });
}

/** Every value and synonym of every slot type, as normalised words, longest first. */
function slotPhrasesOf(model: InteractionModel): SlotPhrase[] {
  const phrases: SlotPhrase[] = [];
  for (const [type, values] of Object.entries(model.slotTypes)) {
    for (const value of values) {
      for (const phrase of [value.name, ...value.synonyms]) {
        // A leading article is left to the sentence ("an MRI scan" is "an" + "MRI scan"), so that a synonym with one
        // ("an MRI") never cuts a longer name short.
        const all = normalise(phrase).split(' ').filter(Boolean);
        const words = all.length > 1 && ['a', 'an', 'the'].includes(all[0]) ? all.slice(1) : all;
        if (words.length) phrases.push({ words, type, id: value.id, canonical: value.name });
      }
    }
  }
  return phrases.sort((a, b) => b.words.length - a.words.length);
}

/** A sample's words with each slot as its type's token. */
function sampleWords(sample: string, intent: ModelIntent): string[] {
  const typed = sample.replace(/\{(\w+)\}/g, (_, slot: string) => ` ${slotToken(intent.slots.find((s) => s.name === slot)?.type ?? slot)} `);
  return normalise(typed).split(' ').filter(Boolean);
}

export async function createUnderstander(model: InteractionModel, builtInPhrases: Record<string, string[]>): Promise<Understander> {
  const slotPhrases = slotPhrasesOf(model);
  // The slot types whose values name things (a test, a treatment), not places in a list: no value's id is a number.
  const namesThings = new Set(Object.entries(model.slotTypes).filter(([, values]) => !values.some((v) => /^\d+$/.test(v.id))).map(([type]) => type));
  // Looked up by first word, longest first: every word of every sample is tried as the start of a value.
  const slotPhrasesByFirstWord = new Map<string, SlotPhrase[]>();
  for (const p of slotPhrases) (slotPhrasesByFirstWord.get(p.words[0]) ?? slotPhrasesByFirstWord.set(p.words[0], []).get(p.words[0])!).push(p);
  // The words a test or treatment is named by ("scan" in "dexa scan"): the last word of each slot phrase.
  const slotNouns = new Set(slotPhrases.map((p) => p.words[p.words.length - 1]));
  const intents = model.intents.map((intent) => ({ ...intent, samples: [...intent.samples, ...(builtInPhrases[intent.name] ?? [])] }));
  // A slot value written out in a sample ("should I have chemo") reads as its slot, as it would when said.
  const samples = intents.flatMap((intent) => intent.samples.map((sample) => ({ intent, words: findSlots(sampleWords(sample, intent)).words })));
  const knownWords = new Set<string>();
  for (const s of samples) for (const w of s.words) knownWords.add(w);
  // Whether the model knows a word is asked of its stem, as the classifier sees it: "breathing" is known from
  // "breathe", "treated" from "treat".
  const stem = englishStemmer();
  const knownStems = new Set([...knownWords].map(stem));
  const isKnown = (w: string) => knownStems.has(stem(w));
  // For each slot type's token, the intent with the most samples that carry it (TestDetailIntent for a test).
  const carrying = new Map<string, Map<ModelIntent, number>>();
  for (const s of samples) {
    for (const token of new Set(s.words.filter((w) => w.startsWith('slot')))) {
      const counts = carrying.get(token) ?? carrying.set(token, new Map()).get(token)!;
      counts.set(s.intent, (counts.get(s.intent) ?? 0) + 1);
    }
  }
  const mostCarrying = new Map([...carrying].map(([token, counts]) => [token, [...counts].sort((a, b) => b[1] - a[1])[0][0]] as const));
  // Who is asked about never decides which question it is (every intent is asked for oneself and for others), so
  // the classifier sees no people, nor "um" or "please": "my mum can't feel her legs" and "I can't feel my legs"
  // are one document.
  const unique = new Map<string, { words: string[]; intent: string }>();
  // A sample said exactly, whoever it is about, is its intent (the last to have it, if two do).
  const exactly = new Map<string, ModelIntent>();
  for (const s of samples) {
    const words = withoutPeople(s.words);
    const said = words.join(' ');
    exactly.set(said, s.intent);
    unique.set(`${s.intent.name}:${said}`, { words, intent: s.intent.name });
  }
  // What Alexa would send to AMAZON.FallbackIntent, as NLP.js's "None" (out-of-domain.ts).
  for (const request of OUT_OF_DOMAIN) {
    const words = withoutPeople(findSlots(normalise(request).split(' ')).words);
    unique.set(`None:${words.join(' ')}`, { words, intent: 'None' });
  }
  // Each with what the classifier is given (its words and degree pairs, "toofast") and the features it sees in that, stemmed.
  const documents = [...unique.values()].map((d) => {
    const said = withModifierPairs(d.words);
    return { ...d, said, features: said.map(stem) };
  });
  const classifier = await trainClassifier(trainingSet(documents, SAMPLES_PER_INTENT).map((d) => ({ text: d.said.join(' '), intent: d.intent })));
  // Every sample, not only the classifier's share of them (nearest-sample.ts).
  const nearest = nearestSample(documents);
  // The stems each intent's samples say, but for words that carry no topic: what an intent can be chosen for.
  const stemsOf = new Map<string, Set<string>>();
  for (const d of documents) {
    const stems = stemsOf.get(d.intent) ?? stemsOf.set(d.intent, new Set()).get(d.intent)!;
    for (const w of d.words) if (!FUNCTION_WORDS.has(w)) stems.add(stem(w));
  }

  /** Replaces slot values by their type's token, remembering what was heard. */
  function findSlots(words: string[]): { words: string[]; found: FoundSlot[] } {
    const out: string[] = [];
    const found: FoundSlot[] = [];
    for (let i = 0; i < words.length; ) {
      // A place in a list said before a time ("last week", "the first time") says when, not which.
      const hit = slotPhrasesByFirstWord
        .get(words[i])
        ?.find((p) => p.words.every((w, k) => words[i + k] === w) && (namesThings.has(p.type) || !TIME_NOUNS.has(words[i + p.words.length])));
      if (hit) {
        out.push(slotToken(hit.type));
        found.push({ type: hit.type, heard: words.slice(i, i + hit.words.length).join(' '), id: hit.id, canonical: hit.canonical });
        i += hit.words.length;
      } else {
        out.push(words[i]);
        i += 1;
      }
    }
    return { words: out, found };
  }

  /**
   * A slot sample whose carrier phrase is exactly what was said around a short run of words: those words are
   * the slot's value, unresolved. The run may hold up to two words no sample uses, plus words of slot values
   * ("dexa scan"); any other known word means the listener said something else.
   */
  function unknownSlotValue(words: string[]): { intent: ModelIntent; slot: string; heard: string } | undefined {
    for (const sample of samples) {
      const slotAt = sample.words.findIndex((w) => w.startsWith('slot'));
      if (slotAt < 0 || sample.words.length < 3) continue;
      const before = sample.words.slice(0, slotAt);
      const after = sample.words.slice(slotAt + 1);
      const run = words.slice(before.length, words.length - after.length);
      if (run.length === 0 || run.length > MAX_UNKNOWN_SLOT_WORDS + 2) continue;
      if (!before.every((w, i) => words[i] === w) || !after.every((w, i) => words[words.length - after.length + i] === w)) continue;
      const unknown = run.filter((w) => !knownWords.has(w));
      if (unknown.length === 0 || unknown.length > MAX_UNKNOWN_SLOT_WORDS || run.some((w) => knownWords.has(w) && !slotNouns.has(w))) continue;
      const token = sample.words[slotAt];
      const slot = sample.intent.slots.find((s) => slotToken(s.type) === token);
      if (slot) return { intent: sample.intent, slot: slot.name, heard: run.join(' ') };
    }
    return undefined;
  }

  async function understand(utterance: string): Promise<Understood> {
    const said = normalise(utterance).split(' ').filter(Boolean);
    const { words, found } = findSlots(said);
    const guess = found.length ? undefined : unknownSlotValue(words);
    if (guess) return { kind: 'intent', intent: guess.intent.name, slots: [{ name: guess.slot, type: guess.intent.slots.find((s) => s.name === guess.slot)!.type, value: guess.heard }], emptySlots: guess.intent.slots.filter((s) => s.name !== guess.slot).map((s) => s.name), score: 0 };
    // A sample said exactly (whoever it is about, with or without "um") is understood as its intent, as on a device.
    const exact = exactly.get(withoutPeople(words).join(' '));
    if (exact) return withSlots(exact, found, 1);
    // A name said alone ("the bone scan", "chemo") asks about that thing: the intent that carries its slot most.
    const alone = withoutPeople(words);
    const named = alone.length === 1 ? mostCarrying.get(alone[0]) : undefined;
    if (named) return withSlots(named, found, 1);
    // The words that carry meaning, and those of them some sample uses.
    const meaningful = words.filter((w) => !FUNCTION_WORDS.has(w));
    const known = meaningful.filter(isKnown);
    // Without a word that carries meaning and that some sample uses, nothing was understood, whatever the
    // classifier's softmax says: "set a timer for ten minutes" shares only "a" and "for" with the model.
    if (known.length === 0) return { kind: 'fallback', score: 0 };
    const asked = withModifierPairs(alone);
    // A test or treatment named in the request, if any. A request that names one asks about it: it is never one of
    // Alexa's built-in controls, which have no slots ("will I have the denosumab injection at home" is not "go home").
    const thing = found.find((f) => namesThings.has(f.type) && mostCarrying.has(slotToken(f.type)));
    const classified = blend(await classifier.classify(asked.join(' ')), nearest(asked.map(stem)), asked.length >= LONG_SENTENCE);
    const blended = thing ? classified.filter((r) => !r.intent.startsWith('AMAZON.')) : classified;
    // The classifier weighs only the words it knows; a request made mostly of words no sample uses ("tell
    // me a joke") is about something else, however sure the classifier is of the words it does know.
    const coverage = known.length / meaningful.length;
    // An intent none of whose samples says a word of the request that carries a topic was chosen for its grammar
    // alone. Where an intent whose samples do say one is likely enough to be understood, that one is meant ("he's been
    // vomiting all afternoon" is not "read them all"); where none is, grammar alone may decide, but only when it is
    // surer than a topic needs to be ("where's this info from").
    const topicStems = known.map(stem);
    const isTopical = (intent: string) => topicStems.some((t) => stemsOf.get(intent)?.has(t));
    const topical = blended.filter((r) => r.intent === 'None' || isTopical(r.intent));
    const bestTopical = topical.find((r) => r.intent !== 'None');
    const ranked = bestTopical && bestTopical.score * coverage >= MATCH_THRESHOLD ? topical : blended;
    const [best] = ranked;
    const score = (best?.score ?? 0) * coverage;
    // Most like an everyday request for something else: not understood, however sure.
    if (!best || best.intent === 'None') return { kind: 'fallback', score: 0 };
    // A test or treatment named in a question the classifier cannot place, and whose words the model mostly knows, is
    // what the question is about, as a slot value steers Alexa's model: the intent that carries its slot most ("how
    // does an MRI scan make its picture").
    if (score < MATCH_THRESHOLD && thing && coverage > 0.5) return withSlots(mostCarrying.get(slotToken(thing.type))!, found, score);
    if (score < MATCH_THRESHOLD || (!isTopical(best.intent) && score < GRAMMAR_ONLY_THRESHOLD)) return { kind: 'fallback', score };
    return withSlots(intents.find((i) => i.name === best.intent)!, found, score);
  }

  function withSlots(intent: ModelIntent, found: FoundSlot[], score: number): Understood {
    const slots: HeardSlot[] = [];
    const emptySlots: string[] = [];
    for (const slot of intent.slots) {
      const hit = found.find((f) => f.type === slot.type);
      if (hit) slots.push({ name: slot.name, type: slot.type, value: hit.heard, id: hit.id, canonical: hit.canonical });
      else emptySlots.push(slot.name);
    }
    return { kind: 'intent', intent: intent.name, slots, emptySlots, score };
  }

  return { understand };
}
