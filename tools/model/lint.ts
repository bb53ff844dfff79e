/**
 * Lints the interaction model (and skill.json's example phrases) against Amazon's published rules and this
 * project's own conventions. Pure: it takes parsed JSON and returns problems; reading files is the caller's job.
 *
 * Amazon's pages are cited by their titles in the Alexa Skills Kit documentation (developer.amazon.com/docs/alexa):
 *  - "Create Intents, Utterances, and Slots" (sample utterance syntax; the console's check reads "Sample utterances
 *    can consist of only unicode characters, spaces, periods for abbreviations, underscores, possessive apostrophes,
 *    and hyphens"; the older "Defining the Voice Interface" said "alphabets", so numerals are spelled out);
 *  - "Create and Edit Custom Slot Types" (initialisms: all caps "HD" or periods and a space "h. d.", never lower case);
 *  - "Find Utterance Conflicts in Your Model" (one utterance in two intents, or clashing with a built-in intent);
 *  - "Design the Custom Intents for Your Skill" (sample variety and word length: include one-word samples);
 *  - "Understanding How Users Invoke Custom Skills" and "Functional Testing for a Custom Skill" (example phrases);
 *  - "Choose the Invocation Name for a Custom Skill" (invocation name requirements);
 *  - "Create the Interaction Model for Your Skill", section "Interaction model limits".
 */
import { z } from 'zod';

export interface LintProblem {
  rule: string;
  intent?: string;
  sample?: string;
  message: string;
}

export interface LintOptions {
  /** skill.json parsed; its manifest.publishingInformation.locales[locale].examplePhrases must be samples */
  manifest?: unknown;
  locale?: string;
  /** Custom intents (names not starting with AMAZON.) need at least this many samples. */
  minSamples?: number;
  /** Pairs of samples (in different intents) deliberately kept apart; exempt from the near-conflict rule. */
  keptApart?: [string, string][];
  /** Phrases Alexa's built-in intents own; a custom sample equal to one is a problem. */
  builtInPhrases?: string[];
  /**
   * The people a sample may be said about other than the listener ("she", "my mum"): a verb after one of them must
   * agree with it ("does she", "she has"), as the source's person forms make it ("<do I>", "<I have>", "<I> feel<s>").
   */
  thirdPersons?: string[];
  /** A custom intent needs a sample of at most this many words (a slot counts as one). */
  shortFormWords?: number;
  /** Initialisms that must never be written as a lower-case word ("ct" for CT). */
  lowerCaseInitialisms?: string[];
}

// ---------------------------------------------------------------------------
// The model, narrowed
// ---------------------------------------------------------------------------

/** An interaction model's JSON, narrowed to what the linter and the model's tests read. */
export const modelSchema = z.object({
  interactionModel: z.object({
    languageModel: z.object({
      invocationName: z.string(),
      intents: z.array(
        z.object({
          name: z.string(),
          slots: z.array(z.object({ name: z.string(), type: z.string() })).optional(),
          samples: z.array(z.string()).optional(),
        }),
      ),
      types: z
        .array(
          z.object({
            name: z.string(),
            // Catalog-backed types have no inline values.
            values: z.array(z.object({ id: z.string().optional(), name: z.object({ value: z.string(), synonyms: z.array(z.string()).optional() }) })).optional(),
          }),
        )
        .optional(),
    }),
  }),
});

const manifestSchema = z.object({
  manifest: z.object({
    publishingInformation: z.object({
      locales: z.record(z.string(), z.object({ examplePhrases: z.array(z.string()).optional() })),
    }),
  }),
});

interface Intent {
  name: string;
  custom: boolean;
  samples: string[];
  /** slot name → slot type */
  slots: Map<string, string>;
}

interface SlotValue {
  value: string;
  synonyms: string[];
}

interface Model {
  invocationName: string;
  intents: Intent[];
  types: Map<string, SlotValue[]>;
  /** Size of the model as JSON, for the size limit. */
  bytes: number;
}

function readModel(raw: unknown): Model {
  const parsed = modelSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`not an interaction model:\n${z.prettifyError(parsed.error)}`);
  const lm = parsed.data.interactionModel.languageModel;
  return {
    invocationName: lm.invocationName,
    intents: lm.intents.map((i) => ({
      name: i.name,
      custom: !i.name.startsWith('AMAZON.'),
      samples: i.samples ?? [],
      slots: new Map((i.slots ?? []).map((s) => [s.name, s.type])),
    })),
    types: new Map((lm.types ?? []).map((t) => [t.name, (t.values ?? []).map((v) => ({ value: v.name.value, synonyms: v.name.synonyms ?? [] }))])),
    bytes: Buffer.byteLength(JSON.stringify(raw), 'utf8'),
  };
}

function examplePhrases(manifest: unknown, locale: string): string[] | undefined {
  const parsed = manifestSchema.safeParse(manifest);
  return parsed.success ? parsed.data.manifest.publishingInformation.locales[locale]?.examplePhrases : undefined;
}

// ---------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------

const SLOT_TOKEN = /^\{[^{}\s]+\}$/;
const isSlotToken = (token: string): boolean => SLOT_TOKEN.test(token);
const slotNameOf = (token: string): string => token.slice(1, -1);
const tokensOf = (text: string): string[] => text.trim().split(/\s+/).filter((t) => t !== '');
const collapse = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** A sample as Alexa compares it: lower-case words, each slot standing for its type ("{TestType}"). */
function comparableWords(sample: string, intent: Intent): string[] {
  return tokensOf(sample).map((t) => (isSlotToken(t) ? `{${intent.slots.get(slotNameOf(t)) ?? `?${slotNameOf(t)}`}}` : t.toLowerCase()));
}

/** What a listener says, for matching example phrases: no case, no punctuation but apostrophes ("G. P." → "g p"). */
function spokenForm(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^\p{L}\p{M}\p{Nd}']+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

interface Entry {
  intent: Intent;
  sample: string;
  words: string[];
  key: string;
}

function entriesOf(model: Model): Entry[] {
  return model.intents.flatMap((intent) =>
    intent.samples.map((sample) => {
      const words = comparableWords(sample, intent);
      return { intent, sample, words, key: words.join(' ') };
    }),
  );
}

// ---------------------------------------------------------------------------
// characters — "Create Intents, Utterances, and Slots": only letters, spaces, periods for abbreviations,
// possessive apostrophes and hyphens; slots as {slotName}. (The console also lets underscores through, but
// nobody can say one, so they are flagged.) Numerals are spelled out: "Choose the Invocation Name for a Custom
// Skill" asks for "twenty one", and the older "Defining the Voice Interface" allowed only alphabets.
// ---------------------------------------------------------------------------

const isLetter = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{M}]/u.test(ch);
const isDigit = (ch: string | undefined): boolean => ch !== undefined && /\p{Nd}/u.test(ch);

/** What is wrong with the characters of spoken text; slot values may hold numerals ("fire h. d. 7" in the slot-type doc). */
function characterProblems(text: string, allowDigits: boolean): string[] {
  const chars = Array.from(text);
  const problems = new Set<string>();
  const foreign = new Set<string>();
  chars.forEach((ch, i) => {
    const before = chars[i - 1];
    const after = chars[i + 1];
    if (isLetter(ch) || ch === ' ') return;
    if (isDigit(ch)) {
      if (!allowDigits) problems.add('has a numeral: spell numbers out ("twenty one")');
    } else if (ch === "'") {
      const possessivePlural = before === 's' && (after === undefined || after === ' ');
      const afterInitialism = before === '.' && isLetter(chars[i - 2]); // "G. P.'s"
      if (!((isLetter(before) || afterInitialism) && (isLetter(after) || possessivePlural))) problems.add('has an apostrophe outside a possessive or contraction');
    } else if (ch === '-') {
      const joins = (isLetter(before) || isDigit(before)) && (isLetter(after) || isDigit(after));
      if (!joins) problems.add('has a hyphen that does not join two words');
    } else if (ch === '.') {
      // "G. P.": a period belongs to a lone letter; "dr." or a full stop is not an initialism.
      if (!(isLetter(before) && !isLetter(chars[i - 2]))) problems.add('has a period that does not follow a single letter (periods are only for initialisms such as "G. P.")');
    } else {
      foreign.add(ch);
    }
  });
  if (foreign.size > 0) {
    const listed = [...foreign].map((c) => JSON.stringify(c)).join(', ');
    const hint = foreign.has('’') ? ' (use a straight apostrophe)' : '';
    problems.add(`has ${listed}, which Alexa does not accept: only letters, spaces, apostrophes, hyphens and periods in initialisms${hint}`);
  }
  return [...problems];
}

/** Slot references: each {name} well formed, declared on the intent; the rest of the text checked for characters. */
function sampleCharacterProblems(sample: string, intent: Intent): string[] {
  const problems: string[] = [];
  const rest = sample.replace(/\{([^{}]*)\}/g, (_ref, name: string) => {
    if (name.trim() === '') problems.push('has an empty slot reference {}');
    else if (/\s/.test(name)) problems.push(`has a slot reference with a space, {${name}}: slot names are single words`);
    else if (!intent.slots.has(name)) problems.push(`uses {${name}}, which is not a slot of ${intent.name}`);
    return ' ';
  });
  if (/[{}]/.test(rest)) problems.push('has unbalanced braces');
  return [...problems, ...characterProblems(rest.replace(/[{}]/g, ' '), false)];
}

function slotValueTexts(values: SlotValue[]): { text: string; of: string }[] {
  return values.flatMap((v) => [{ text: v.value, of: v.value }, ...v.synonyms.map((s) => ({ text: s, of: v.value }))]);
}

const describeValue = (text: string, of: string): string => (text === of ? 'slot value' : `synonym of "${of}"`);

function lintCharacters(model: Model): LintProblem[] {
  const problems: LintProblem[] = [];
  for (const intent of model.intents) {
    for (const sample of intent.samples) {
      for (const message of sampleCharacterProblems(sample, intent)) problems.push({ rule: 'characters', intent: intent.name, sample, message });
    }
    const used = new Set(intent.samples.flatMap((s) => tokensOf(s).filter(isSlotToken).map(slotNameOf)));
    for (const [slot, type] of intent.slots) {
      if (!used.has(slot)) problems.push({ rule: 'characters', intent: intent.name, message: `slot {${slot}} is declared but no sample uses it` });
      if (!type.startsWith('AMAZON.') && !model.types.has(type)) {
        problems.push({ rule: 'characters', intent: intent.name, message: `slot {${slot}} has type ${type}, which the model does not define` });
      }
    }
  }
  for (const [type, values] of model.types) {
    for (const { text, of } of slotValueTexts(values)) {
      const found = /[{}]/.test(text) ? ['has braces, which only mark slots in samples'] : characterProblems(text, true);
      for (const message of found) problems.push({ rule: 'characters', intent: type, sample: text, message: `${describeValue(text, of)} ${message}` });
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------
// duplicate — "Find Utterance Conflicts in Your Model": conflicts come from "multiple intents [having] the same
// sample utterances, or the sample utterances use slot types with duplicate slot values".
// ---------------------------------------------------------------------------

function lintDuplicateSamples(entries: Entry[]): LintProblem[] {
  const first = new Map<string, Entry>();
  const problems: LintProblem[] = [];
  for (const entry of entries) {
    const earlier = first.get(entry.key);
    if (!earlier) {
      first.set(entry.key, entry);
      continue;
    }
    const message =
      earlier.intent === entry.intent ? `appears twice in ${entry.intent.name} (as "${earlier.sample}")` : `is also a sample of ${earlier.intent.name}: "${earlier.sample}"`;
    problems.push({ rule: 'duplicate', intent: entry.intent.name, sample: entry.sample, message });
  }
  return problems;
}

/**
 * One spoken value under two values of a type, or in two types, can fill either: the intents it feeds then clash.
 * Within one value only a word-for-word repeat counts ("PET CT scan" beside "PET-CT scan" is a spelling, not a clash).
 */
function lintDuplicateValues(model: Model): LintProblem[] {
  const seen = new Map<string, { type: string; of: string; text: string }>();
  const problems: LintProblem[] = [];
  for (const [type, values] of model.types) {
    for (const { text, of } of slotValueTexts(values)) {
      const key = spokenForm(text);
      const earlier = seen.get(key);
      if (!earlier) {
        seen.set(key, { type, of, text });
        continue;
      }
      const sameValue = earlier.type === type && earlier.of === of;
      if (sameValue && collapse(earlier.text) !== collapse(text)) continue;
      const where = sameValue ? `listed twice under "${of}"` : earlier.type === type ? `under both "${earlier.of}" and "${of}"` : `also under "${earlier.of}" in ${earlier.type}`;
      problems.push({ rule: 'duplicate', intent: type, sample: text, message: `${describeValue(text, of)} is ${where}` });
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------
// slot-only — a sample that is nothing but a slot (give or take fillers) matches any stray word Alexa hears as
// a value of that type; "Create and Edit Custom Slot Types": a custom type is not an enumeration.
// ---------------------------------------------------------------------------

const FILLERS = new Set(['a', 'an', 'the', 'my', 'some', 'please', 'um', 'uh', 'er', 'ok', 'okay', 'just', 'and', 'so', 'well', 'then', 'now', 'yes', 'no', 'oh']);

function lintSlotOnly(entries: Entry[]): LintProblem[] {
  return entries
    .filter((e) => e.words.some(isSlotToken) && e.words.every((w) => isSlotToken(w) || FILLERS.has(w)))
    .map((e) => ({ rule: 'slot-only', intent: e.intent.name, sample: e.sample, message: 'is only a slot and filler words: any stray value Alexa hears would trigger this intent' }));
}

// ---------------------------------------------------------------------------
// initialism — "Create and Edit Custom Slot Types": "acronyms and other phrases involving spoken letters should
// either be all caps ("HD") or separated by periods and a space ("h. d. "). Using lowercase for initialisms might
// lead to unreliable recognition". Applied to samples too.
// ---------------------------------------------------------------------------

const DEFAULT_INITIALISMS = ['ct', 'mri', 'gp', 'nhs', 'mdt'];

const capitals = (letters: string): string => letters.toUpperCase();
const dotted = (letters: string): string => Array.from(letters.toUpperCase(), (l) => `${l}.`).join(' ');
const suggestion = (letters: string): string => `write "${capitals(letters)}" or "${dotted(letters)}"`;

function initialismProblems(text: string, initialisms: Set<string>): string[] {
  const problems: string[] = [];
  const words = tokensOf(text).filter((w) => !isSlotToken(w));
  // "c t", "m r i": lone lower-case letters in a row. "a" and "i" are words too, so one leading a run
  // ("a c t scan") is the article or the pronoun, and a run of nothing else is no initialism.
  let run: string[] = [];
  const endRun = (): void => {
    const letters = run[0] === 'a' || run[0] === 'i' ? run.slice(1) : run;
    if (letters.length >= 2 && letters.some((l) => l !== 'a' && l !== 'i')) problems.push(`spells out "${letters.join(' ')}" in lower-case letters: ${suggestion(letters.join(''))}`);
    run = [];
  };
  for (const word of words) {
    if (/^[a-z]$/.test(word)) run.push(word);
    else endRun();
  }
  endRun();
  // "c.t.": periods without the spaces Alexa needs between letters.
  for (const match of text.matchAll(/(?<!\p{L})\p{L}\.\p{L}(?:\.\p{L})*\.?/gu)) {
    problems.push(`writes "${match[0]}" without spaces: ${suggestion(match[0].replace(/\./g, ''))}`);
  }
  // "ct", "mri", "gp's": a known initialism written as a lower-case word.
  for (const word of words) {
    const bare = word.replace(/'?s$/, '');
    const initialism = initialisms.has(word) ? word : initialisms.has(bare) ? bare : undefined;
    if (initialism) problems.push(`writes the initialism "${word}" in lower case: ${suggestion(initialism)}`);
  }
  return problems;
}

function lintInitialisms(model: Model, initialisms: Set<string>): LintProblem[] {
  const problems: LintProblem[] = [];
  for (const intent of model.intents) {
    for (const sample of intent.samples) {
      for (const message of initialismProblems(sample, initialisms)) problems.push({ rule: 'initialism', intent: intent.name, sample, message });
    }
  }
  for (const [type, values] of model.types) {
    for (const { text, of } of slotValueTexts(values)) {
      for (const message of initialismProblems(text, initialisms)) problems.push({ rule: 'initialism', intent: type, sample: text, message: `${describeValue(text, of)} ${message}` });
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------
// short-form and min-samples — "Design the Custom Intents for Your Skill": "include basic or one-word sample
// utterances" and "when in doubt, include more rather than fewer sample utterances" (the number is ours).
// ---------------------------------------------------------------------------

function lintShortForm(model: Model, maxWords: number): LintProblem[] {
  return model.intents
    .filter((intent) => intent.custom && !intent.samples.some((s) => tokensOf(s).length <= maxWords))
    .map((intent) => ({ rule: 'short-form', intent: intent.name, message: `has no sample of ${maxWords} words or fewer: listeners answer in short phrases` }));
}

function lintMinSamples(model: Model, minSamples: number): LintProblem[] {
  return model.intents
    .filter((intent) => intent.custom && intent.samples.length < minSamples)
    .map((intent) => ({ rule: 'min-samples', intent: intent.name, message: `has ${intent.samples.length} samples; at least ${minSamples} are needed` }));
}

// ---------------------------------------------------------------------------
// agreement — ours: a template said about someone else must still be English ("does she need", not "do she need";
// "she has had a fall", not "she have had a fall"). Speech recognition transcribes what people say, and nobody says
// the broken form, so such a sample teaches nothing and reads as careless to whoever reviews the model.
// ---------------------------------------------------------------------------

/**
 * Words after which a bare verb is right: modals, "to", "let", and verbs of making, helping and perceiving ("can she
 * have", "to have", "made my mum feel sick", "watched my dad go downhill"); "and" joins two people ("my mum and my dad
 * have questions").
 */
const TAKES_A_BARE_VERB = new Set(
  (
    "can could would will should might must may shall does did to let lets make makes made help helps helped recommend ought better and " +
    "see sees saw seeing watch watched watching hear heard can't cannot won't doesn't didn't couldn't wouldn't shouldn't"
  ).split(' '),
);
const FIRST_PERSON_VERBS = ['have', "don't", 'am', 'think', 'feel', 'need', 'want', 'get', 'go', 'know', 'keep', 'cope', 'find', 'try'];

function lintAgreement(model: Model, thirdPersons: string[]): LintProblem[] {
  if (thirdPersons.length === 0) return [];
  const person = `(?:${thirdPersons.map(escapeRegExp).join('|')})`;
  // "do" as a question's helper before someone else ("do she need"), not "do" as the verb of a clause that ends there
  // ("what do I do she won't wake up", "what to do he has collapsed", "what should my dad do he is not breathing"),
  // nor before two people ("do my mum and dad need").
  const doWithThirdPerson = new RegExp(`(?<!\\b(?:I|we|you|they|to|can|could|should|would|will|must|might|${person}) )\\b(?:do|don't) ${person}(?= |$)(?! and )`, 'iu');
  const askedOfSomeoneElse = new RegExp(`\\bare ${person}(?= |$)|\\bis I\\b`, 'iu');
  const firstPersonWithThirdPersonVerb = /\bI (?:has|is|doesn't|does|needs|feels|thinks|keeps|gets|goes|wants|says|told me)\b/iu;
  const bareVerb = new RegExp(`(?:^|(\\S+) )${person} (${FIRST_PERSON_VERBS.map(escapeRegExp).join('|')})(?= |$)`, 'giu');
  const problems: LintProblem[] = [];
  for (const intent of model.intents.filter((i) => i.custom)) {
    for (const sample of intent.samples) {
      const found =
        doWithThirdPerson.exec(sample)?.[0] ??
        askedOfSomeoneElse.exec(sample)?.[0] ??
        firstPersonWithThirdPersonVerb.exec(sample)?.[0] ??
        [...sample.matchAll(bareVerb)].find((m) => !TAKES_A_BARE_VERB.has((m[1] ?? '').toLowerCase()))?.[0];
      if (found) problems.push({ rule: 'agreement', intent: intent.name, sample, message: `says "${found.trim()}": the verb does not agree with who it is about (write the template with a person form such as "<do I>", "<I have>" or "<I> feel<s>")` });
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------
// example-phrase — "Understanding How Users Invoke Custom Skills": [wake word], [launch word] [invocation name]
// [connecting word] [utterance]; "Functional Testing for a Custom Skill": example phrases are selected from the
// sample utterances, and the first one includes the wake word and the invocation name.
// ---------------------------------------------------------------------------

const LAUNCH_WORDS = ['open', 'ask', 'tell', 'launch', 'start', 'begin', 'load', 'run', 'talk to', 'use'];
const CONNECTORS = ['about', 'whether', 'if', 'for', 'to', 'and'];

/** Whole-sample patterns: words as spoken, each slot as any of its type's values (anything for a built-in type). */
function sampleMatchers(model: Model): { intent: string; sample: string; pattern: RegExp }[] {
  return model.intents.flatMap((intent) =>
    intent.samples.map((sample) => {
      const parts = tokensOf(sample).map((token) => {
        if (!isSlotToken(token)) return escapeRegExp(spokenForm(token));
        const type = intent.slots.get(slotNameOf(token));
        const spoken = slotValueTexts((type && model.types.get(type)) || []).map((v) => spokenForm(v.text));
        if (spoken.length === 0) return '.+';
        return `(?:${[...new Set(spoken)].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})`;
      });
      return { intent: intent.name, sample, pattern: new RegExp(`^${parts.filter((p) => p !== '').join(' ')}$`, 'u') };
    }),
  );
}

/** The utterance after "[Alexa,] <launch word> <invocation name>", or undefined if the phrase never names the skill. */
function utteranceOf(phrase: string, invocationName: string): string | undefined {
  const spoken = spokenForm(phrase).replace(/^alexa /, '');
  const launch = new RegExp(`^(?:${LAUNCH_WORDS.join('|')}) ${escapeRegExp(spokenForm(invocationName))}(?: |$)`);
  const match = launch.exec(spoken);
  return match ? spoken.slice(match[0].length).trim() : undefined;
}

function lintExamplePhrases(model: Model, phrases: string[] | undefined, locale: string): LintProblem[] {
  if (phrases === undefined || phrases.length === 0) {
    return [{ rule: 'example-phrase', message: `skill.json has no example phrases for ${locale}` }];
  }
  const matchers = sampleMatchers(model);
  const problems: LintProblem[] = [];
  phrases.forEach((phrase, index) => {
    const utterance = utteranceOf(phrase, model.invocationName);
    if (utterance === undefined) {
      problems.push({ rule: 'example-phrase', sample: phrase, message: `does not start "<launch word> ${model.invocationName}" (e.g. "Alexa, ask ${model.invocationName} ...")` });
      return;
    }
    if (index === 0 && (utterance !== '' || !/^\s*alexa\b/i.test(phrase))) {
      problems.push({ rule: 'example-phrase', sample: phrase, message: `the first example phrase must open the skill: "Alexa, open ${model.invocationName}"` });
      return;
    }
    if (utterance === '') return;
    const connector = CONNECTORS.find((c) => utterance.startsWith(`${c} `));
    const candidates = connector ? [utterance, utterance.slice(connector.length + 1)] : [utterance];
    const matched = matchers.some((m) => candidates.some((c) => m.pattern.test(c)));
    if (!matched) problems.push({ rule: 'example-phrase', sample: phrase, message: `"${utterance}" is not a sample of any intent (with its slots filled by their values)` });
  });
  return problems;
}

// ---------------------------------------------------------------------------
// built-in — "Find Utterance Conflicts in Your Model": a custom sample equal to a built-in intent's utterance
// conflicts with it (the page's example is "help" against AMAZON.HelpIntent), and the custom intent wins, so
// the built-in behaviour ("go back", "start over") is lost.
// ---------------------------------------------------------------------------

const BUILT_IN_PREFIXES = ['go back', 'help me', 'start over', 'the last one'];

function lintBuiltIns(model: Model, builtInPhrases: string[]): LintProblem[] {
  const owned = new Set(builtInPhrases.map(spokenForm));
  const problems: LintProblem[] = [];
  for (const intent of model.intents.filter((i) => i.custom)) {
    for (const sample of intent.samples) {
      const spoken = spokenForm(sample);
      const prefix = BUILT_IN_PREFIXES.find((p) => spoken === p || spoken.startsWith(`${p} `));
      if (owned.has(spoken)) problems.push({ rule: 'built-in', intent: intent.name, sample, message: "is a phrase of Alexa's built-in intents" });
      else if (prefix) problems.push({ rule: 'built-in', intent: intent.name, sample, message: `starts with "${prefix}", which belongs to Alexa's built-in intents` });
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------
// near-conflict — samples one word apart in different intents are the conflicts "Find Utterance Conflicts in Your
// Model" warns of, one mishearing away, when that word carries no topic of its own: "can I join a trial" and
// "should I join a trial" share every word that says what they are about, so only a modal tells them apart. Two
// samples that differ by a topic word ("what is it" / "what causes it") are different questions. Indexed, not
// compared pairwise: each sample is filed under its words with one position blanked (a substitution shares that
// key) and looked up with one word dropped (an insertion).
// ---------------------------------------------------------------------------

/** Words that say nothing of what a question is about: grammar, modals, pronouns, fillers (not "why" or "how"). */
const GRAMMAR_WORDS = new Set(
  (
    'a an the i me my you your he him his she her it its we us our they them their this that these those is am are ' +
    "was were be been do does did have has had will would can could should shall may might must not to of in on at " +
    "for with about from and or but if so then um uh er oh well just really very " +
    "please i'm i've i'd it's that's what's can't don't doesn't won't"
  ).split(' '),
);

const pairKey = (a: string, b: string): string => [collapse(a), collapse(b)].sort().join('\u0000');

function lintNearConflicts(entries: Entry[], keptApart: [string, string][]): LintProblem[] {
  const exempt = new Set(keptApart.map(([a, b]) => pairKey(a, b)));
  const found = new Map<string, LintProblem>();
  const consider = (i: number, j: number, differing: string[], difference: (subject: Entry, other: Entry) => string): void => {
    if (!differing.every((w) => GRAMMAR_WORDS.has(w))) return;
    const [a, b] = i < j ? [entries[i], entries[j]] : [entries[j], entries[i]];
    const id = i < j ? `${i}|${j}` : `${j}|${i}`;
    if (a.intent === b.intent || a.key === b.key || found.has(id) || exempt.has(pairKey(a.sample, b.sample))) return;
    found.set(id, {
      rule: 'near-conflict',
      intent: a.intent.name,
      sample: a.sample,
      message: `is one word from ${b.intent.name}: "${b.sample}" (${difference(a, b)})`,
    });
  };

  const blanked = new Map<string, { index: number; position: number }[]>();
  const whole = new Map<string, number[]>();
  entries.forEach((entry, index) => {
    addTo(whole, entry.key, index);
    // Two one-word samples share nothing: swapping their only word is a different sample, not a near one.
    if (entry.words.length < 2) return;
    entry.words.forEach((_word, position) => {
      const key = [...entry.words.slice(0, position), '\u0000', ...entry.words.slice(position + 1)].join(' ');
      addTo(blanked, key, { index, position });
    });
  });

  for (const group of blanked.values()) {
    for (let x = 0; x < group.length; x++) {
      for (let y = x + 1; y < group.length; y++) {
        const { index: i, position } = group[x];
        const j = group[y].index;
        // Two different slot types in one place are told apart by their values, not by the carrier phrase.
        if (isSlotToken(entries[i].words[position]) && isSlotToken(entries[j].words[position])) continue;
        consider(i, j, [entries[i].words[position], entries[j].words[position]], (subject, other) => `"${subject.words[position]}" in place of "${other.words[position]}"`);
      }
    }
  }

  entries.forEach((entry, j) => {
    entry.words.forEach((word, position) => {
      const shorter = [...entry.words.slice(0, position), ...entry.words.slice(position + 1)].join(' ');
      for (const i of whole.get(shorter) ?? []) {
        consider(i, j, [word], (subject) => (subject === entry ? `this one adds "${word}"` : `that one adds "${word}"`));
      }
    });
  });
  return [...found.values()];
}

/** A pair said to be kept apart must still be two samples of two intents, or its reason explains nothing. */
function lintKeptApart(entries: Entry[], keptApart: [string, string][]): LintProblem[] {
  const intentOf = (sample: string) => entries.find((e) => collapse(e.sample) === collapse(sample))?.intent.name;
  return keptApart.flatMap(([a, b]) => {
    const [ia, ib] = [intentOf(a), intentOf(b)];
    if (ia && ib && ia !== ib) return [];
    return [{ rule: 'kept-apart', sample: a, message: `is kept apart from "${b}", but the two are not samples of two different intents` }];
  });
}

// ---------------------------------------------------------------------------
// limits — "Create the Interaction Model for Your Skill", "Interaction model limits": 1.5 MB model, 250 intents,
// 140 characters per slot value and per synonym. "Choose the Invocation Name for a Custom Skill": lower-case
// letters, spaces, possessive apostrophes and periods in abbreviations ("a. b. c."), numbers spelled out; two or
// more words; no two-word name with "the", "a", "an", "for", "to" or "of"; no launch phrases or wake words.
// ---------------------------------------------------------------------------

const MAX_MODEL_BYTES = 1_500_000;
const MAX_INTENTS = 250;
const MAX_VALUE_CHARS = 140;
const TWO_WORD_BANNED = new Set(['the', 'a', 'an', 'for', 'to', 'of']);
const INVOCATION_BANNED = new Set(['alexa', 'amazon', 'echo', 'open', 'ask', 'tell', 'launch', 'load', 'begin', 'start', 'enable']);

function invocationNameProblems(name: string): string[] {
  const problems: string[] = [];
  if (/[^a-z .']/.test(name)) problems.push('may contain only lower-case letters, spaces, apostrophes and periods (numbers spelled out)');
  const words = tokensOf(name);
  if (words.length < 2) problems.push('must be two or more words (one word only for a brand you own)');
  if (words.length === 2 && words.some((w) => TWO_WORD_BANNED.has(w))) problems.push('is two words, one of them an article or preposition');
  const banned = words.filter((w) => INVOCATION_BANNED.has(w));
  if (banned.length > 0) problems.push(`contains ${banned.map((w) => `"${w}"`).join(', ')}: launch phrases and wake words are not allowed`);
  return problems;
}

function lintLimits(model: Model): LintProblem[] {
  const problems: LintProblem[] = [];
  if (model.bytes > MAX_MODEL_BYTES) problems.push({ rule: 'limits', message: `the model is ${model.bytes} bytes; Alexa takes at most 1.5 MB` });
  if (model.intents.length > MAX_INTENTS) problems.push({ rule: 'limits', message: `the model has ${model.intents.length} intents; Alexa takes at most ${MAX_INTENTS}` });
  for (const [type, values] of model.types) {
    for (const { text, of } of slotValueTexts(values)) {
      if (text.length > MAX_VALUE_CHARS) {
        problems.push({ rule: 'limits', intent: type, sample: text, message: `${describeValue(text, of)} is ${text.length} characters; at most ${MAX_VALUE_CHARS}` });
      }
    }
  }
  for (const message of invocationNameProblems(model.invocationName)) {
    problems.push({ rule: 'limits', sample: model.invocationName, message: `the invocation name ${message}` });
  }
  return problems;
}

// ---------------------------------------------------------------------------
// The linter
// ---------------------------------------------------------------------------

/** Every problem in the model (the parsed interactionModels/custom/<locale>.json); throws if it is not a model at all. */
export function lintModel(rawModel: unknown, options: LintOptions = {}): LintProblem[] {
  const model = readModel(rawModel);
  const entries = entriesOf(model);
  const locale = options.locale ?? 'en-GB';
  const problems = [
    ...lintCharacters(model),
    ...lintDuplicateSamples(entries),
    ...lintDuplicateValues(model),
    ...lintSlotOnly(entries),
    ...lintInitialisms(model, new Set(options.lowerCaseInitialisms ?? DEFAULT_INITIALISMS)),
    ...lintShortForm(model, options.shortFormWords ?? 3),
    ...lintMinSamples(model, options.minSamples ?? 20),
    ...lintBuiltIns(model, options.builtInPhrases ?? []),
    ...lintNearConflicts(entries, options.keptApart ?? []),
    ...lintKeptApart(entries, options.keptApart ?? []),
    ...lintLimits(model),
    ...lintAgreement(model, options.thirdPersons ?? []),
  ];
  if (options.manifest !== undefined) problems.push(...lintExamplePhrases(model, examplePhrases(options.manifest, locale), locale));
  return problems;
}

/** One line a problem: `<rule>: <intent>: "<sample>" — <message>`, leaving out what a problem does not name. */
export function formatProblems(problems: LintProblem[]): string {
  return problems
    .map((p) => {
      const where = [p.rule, p.intent, p.sample === undefined ? undefined : `"${p.sample}"`].filter((part) => part !== undefined);
      return `${where.join(': ')} — ${p.message}`;
    })
    .join('\n');
}
