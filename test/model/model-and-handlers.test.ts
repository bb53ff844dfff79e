/**
 * The model and the handlers agree. The interaction model is read from disk, never listed here by hand:
 * every intent it declares reaches a handler, every slot value reaches content, and what a listener
 * hears is derived from the compiled content, not copied from the skill's output.
 */
import fs from 'node:fs';
import path from 'node:path';
import { IntentRequestBuilder, LaunchRequestBuilder, type SkillSettings } from 'ask-sdk-test';
import type { Context } from 'aws-lambda';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { z } from 'zod';
import { modelSchema } from '../../tools/model/lint';
import { compiledContent } from '../../lambda/content/compiled';
import type { Entry } from '../../lambda/content/types';
import { CHOOSE_ITEM_INTENT } from '../../lambda/handlers/choose-item';
import { CRISIS_INTENT, EMERGENCY_INTENT } from '../../lambda/handlers/emergency';
import { READ_ALL_INTENT } from '../../lambda/handlers/read-all';
import { HONEST_INTENTS } from '../../lambda/handlers/honest-intents';
import { ITEM_INTENTS } from '../../lambda/handlers/item-intents';
import { PACE_INTENTS } from '../../lambda/handlers/pace';
import { TOPIC_INTENTS } from '../../lambda/handlers/topic-intents';
import { handler } from '../../lambda/index';
import { numberWord } from '../../lambda/speech/phrases';
import { ssmlProblems, ssmlToText } from '../support/alexa-ssml';

const ROOT = path.resolve(__dirname, '..', '..');

// ---------------------------------------------------------------------------
// The model (narrowed by the linter's schema) and the manifest, read from disk and narrowed with zod
// ---------------------------------------------------------------------------

const manifestSchema = z.object({
  manifest: z.object({
    publishingInformation: z.object({
      locales: z.record(z.string(), z.object({ examplePhrases: z.array(z.string()) })),
    }),
  }),
});

const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));

const model = modelSchema.parse(readJson('interactionModels/custom/en-GB.json')).interactionModel.languageModel;
const manifest = manifestSchema.parse(readJson('skill.json')).manifest;

type ModelIntent = (typeof model.intents)[number];
type SlotValue = NonNullable<NonNullable<typeof model.types>[number]['values']>[number];
type SlotType = { name: string; values: (SlotValue & { id: string })[] };

const customIntents = model.intents.filter((intent) => !intent.name.startsWith('AMAZON.'));
const modelIntentNames = new Set(model.intents.map((intent) => intent.name));
const samplesOf = (intent: ModelIntent): string[] => intent.samples ?? [];

function intentNamed(name: string): ModelIntent {
  const intent = model.intents.find((i) => i.name === name);
  if (!intent) throw new Error(`the model has no intent ${name}`);
  return intent;
}

function slotTypeNamed(name: string): SlotType {
  const type = model.types?.find((t) => t.name === name);
  if (!type) throw new Error(`the model has no slot type ${name}`);
  // Every value has an id: entity resolution sends it, and the handlers choose content by it.
  const values = (type.values ?? []).map((value) => {
    if (value.id === undefined) throw new Error(`${name}: "${value.name.value}" has no id`);
    return { ...value, id: value.id };
  });
  return { name: type.name, values };
}

/** The slot type of `slotName` on `intentName`, as the model declares it. */
function slotTypeOf(intentName: string, slotName: string): SlotType {
  const slot = intentNamed(intentName).slots?.find((s) => s.name === slotName);
  if (!slot) throw new Error(`${intentName} has no slot ${slotName}`);
  return slotTypeNamed(slot.type);
}

// ---------------------------------------------------------------------------
// Requests through the real Lambda handler
// ---------------------------------------------------------------------------

const SETTINGS: SkillSettings = {
  appId: 'amzn1.ask.skill.test',
  userId: 'amzn1.ask.account.test',
  deviceId: 'amzn1.ask.device.test',
  locale: 'en-GB',
};

interface Heard {
  /** What the listener hears, as plain text. */
  text: string;
  ssml: string;
  endsSession: boolean;
}

async function send(request: RequestEnvelope): Promise<Heard> {
  const envelope: ResponseEnvelope = await handler(request, {} as Context);
  const speech = envelope.response.outputSpeech;
  if (speech?.type !== 'SSML') throw new Error(`expected SSML speech, got ${JSON.stringify(speech)}`);
  return { text: ssmlToText(speech.ssml), ssml: speech.ssml, endsSession: envelope.response.shouldEndSession === true };
}

const intentRequest = (name: string) => new IntentRequestBuilder(SETTINGS, name);

// ---------------------------------------------------------------------------
// What the content says, as a listener hears it
// ---------------------------------------------------------------------------

const entry = (id: string): Entry => {
  const found = compiledContent.entries[id];
  if (!found) throw new Error(`no content entry '${id}'`);
  return found;
};

const firstSentence = (text: string): string => text.split(/(?<=[.?!])\s+/)[0];

/** The start of what a listener should hear when `id` is played: a topic's first sentence, a list's count. */
const openingOf = (id: string): string => {
  const target = entry(id);
  if (target.kind === 'topic') return firstSentence(target.parts[0]);
  const count = numberWord(target.items.length);
  return compiledContent.ui.listOpening.replace('{count}', count).replace('{noun}', target.noun.many).split(':')[0];
};

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Written text as spoken: the lexicon's `say` aliases (CT → "C T") replace the written words. */
function asSpoken(text: string): string {
  const aliases = compiledContent.lexicon.filter((e) => e.say !== undefined).sort((a, b) => b.written.length - a.written.length);
  let out = text;
  for (const alias of aliases) out = out.replace(new RegExp(`(?<![\\w-])${escapeRegExp(alias.written)}(?![\\w-])`, 'g'), alias.say ?? alias.written);
  return out;
}

/** Compares what is heard, not how it is spelled or spaced: "a PET-CT scan" and "a pet C T scan" are the same words. */
const letters = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '');

function expectToStartWith(heard: string, expected: string): void {
  // On failure, the readable strings are shown side by side.
  if (!letters(heard).startsWith(letters(asSpoken(expected)))) expect(heard).toBe(`${asSpoken(expected)} …`);
}

const ui = compiledContent.ui;

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

describe('every custom intent in the model is handled', () => {
  it('the model has custom intents to check', () => {
    expect(customIntents.length).toBeGreaterThan(0);
  });

  it.each(customIntents.map((intent) => [intent.name]))('%s is handled by exactly one table or handler', (name) => {
    const tables = [
      Object.hasOwn(TOPIC_INTENTS, name) && 'TOPIC_INTENTS',
      Object.hasOwn(ITEM_INTENTS, name) && 'ITEM_INTENTS',
      Object.hasOwn(HONEST_INTENTS, name) && 'HONEST_INTENTS',
      Object.hasOwn(PACE_INTENTS, name) && 'PACE_INTENTS',
      name === CHOOSE_ITEM_INTENT && 'ChooseItemHandler',
      (name === EMERGENCY_INTENT || name === CRISIS_INTENT) && 'EmergencyHandler',
      name === READ_ALL_INTENT && 'ReadAllHandler',
    ].filter(Boolean);
    expect(tables).toHaveLength(1);
  });

  it.each([...Object.keys(PACE_INTENTS), CHOOSE_ITEM_INTENT, EMERGENCY_INTENT, CRISIS_INTENT, READ_ALL_INTENT].map((name) => [name]))('%s, handled by name, is an intent in the model', (name) => {
    expect(customIntents.map((i) => i.name)).toContain(name);
  });

  // Found by trying the skill as a blind user: "number eight" in the seventeen topics was not understood, and "the
  // eighth one" was heard but not resolved, so nothing past seven could be chosen by its place.
  it('the positions a listener can choose by reach the end of the longest list, each as "the Nth" and "number N"', () => {
    const longest = Math.max(...Object.values(compiledContent.entries).map((e) => (e.kind === 'list' ? e.items.length : 0)));
    const positions = slotTypeOf(CHOOSE_ITEM_INTENT, 'position').values;
    for (let n = 1; n <= longest; n++) {
      const value = positions.find((v) => v.id === String(n));
      expect([n, value?.name.synonyms ?? []]).toEqual([n, expect.arrayContaining([`number ${numberWord(n)}`])]);
    }
  });

  it.each(Object.keys(TOPIC_INTENTS).map((name) => [name]))('TOPIC_INTENTS key %s is an intent in the model', (name) => {
    expect(modelIntentNames.has(name)).toBe(true);
  });

  it.each(Object.keys(ITEM_INTENTS).map((name) => [name]))('ITEM_INTENTS key %s is an intent in the model', (name) => {
    expect(modelIntentNames.has(name)).toBe(true);
  });

  it.each(Object.entries(HONEST_INTENTS).map(([name, { entry }]) => [name, entry]))('%s is an intent in the model and plays content entry %s, which exists', (name, id) => {
    expect(modelIntentNames.has(name)).toBe(true);
    expect(compiledContent.entries[id]?.kind).toBe('topic');
  });

  it.each(Object.entries(TOPIC_INTENTS))('%s plays content entry %s, which exists', (_name, id) => {
    expect(Object.keys(compiledContent.entries)).toContain(id);
  });

  it.each(Object.entries(ITEM_INTENTS).map(([name, { list }]) => [name, list]))('%s names items of list %s, which exists and is a list', (_name, list) => {
    expect(compiledContent.entries[list]?.kind).toBe('list');
  });

  it.each(Object.entries(TOPIC_INTENTS))('%s is answered with the opening of %s', async (name, id) => {
    const heard = await send(intentRequest(name).build());
    expectToStartWith(heard.text, openingOf(id));
  });

  it.each(Object.entries(ITEM_INTENTS).map(([name, { list }]) => [name, list]))('%s with no slot value reads list %s', async (name, list) => {
    const heard = await send(intentRequest(name).build());
    expectToStartWith(heard.text, openingOf(list));
  });
});

describe('the built-in intents the skill handles', () => {
  const BUILT_INS = [
    'AMAZON.HelpIntent',
    'AMAZON.FallbackIntent',
    'AMAZON.RepeatIntent',
    'AMAZON.YesIntent',
    'AMAZON.NoIntent',
    'AMAZON.NextIntent',
    'AMAZON.PreviousIntent',
    'AMAZON.StartOverIntent',
    'AMAZON.StopIntent',
    'AMAZON.CancelIntent',
    'AMAZON.NavigateHomeIntent',
  ];
  const EXITS = ['AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.NavigateHomeIntent'];

  it.each(BUILT_INS.map((name) => [name]))('%s is in the model', (name) => {
    expect(modelIntentNames.has(name)).toBe(true);
  });

  it.each(BUILT_INS.map((name) => [name]))('%s gets its own answer, not the catch-all', async (name) => {
    const heard = await send(intentRequest(name).build());
    expect(ssmlProblems(heard.ssml)).toEqual([]);
    expect(heard.text).not.toBe('');
    expect(heard.text).not.toContain(ui.unsupportedRequest);
    expect(heard.text).not.toContain(ui.error);
    // The fallback handler takes any intent no other handler claims, so only the fallback itself may say sorry.
    if (name !== 'AMAZON.FallbackIntent') {
      expect(heard.text).not.toContain(ui.fallbackGeneral);
      expect(heard.text).not.toContain(ui.fallbackOfferTopics);
    }
  });

  it('AMAZON.FallbackIntent says sorry and keeps listening', async () => {
    const heard = await send(intentRequest('AMAZON.FallbackIntent').build());
    expect(heard.text.startsWith(ui.fallbackGeneral)).toBe(true);
    expect(heard.endsSession).toBe(false);
  });

  it.each(EXITS.map((name) => [name]))('%s ends the session', async (name) => {
    const heard = await send(intentRequest(name).build());
    expect(heard.endsSession).toBe(true);
  });

  it('a LaunchRequest is welcomed, not answered by the catch-all', async () => {
    const heard = await send(new LaunchRequestBuilder(SETTINGS).build());
    expect(heard.text.startsWith(ui.welcome)).toBe(true);
    expect(heard.text).not.toContain(ui.unsupportedRequest);
  });
});

describe.each(Object.entries(ITEM_INTENTS))('%s: every slot value reaches content', (intentName, { slot, list: listId }) => {
  const list = entry(listId);
  if (list.kind !== 'list') throw new Error(`${listId} is not a list`);
  const slotType = slotTypeOf(intentName, slot);
  const targetOf = (id: string): string => (list.items.includes(id) ? id : list.alsoAnswers[id]);

  it(`slot type ${slotType.name} has exactly the ids of the items of ${listId} and its alsoAnswers`, () => {
    const ids = slotType.values.map((v) => v.id).sort();
    expect(ids).toEqual([...list.items, ...Object.keys(list.alsoAnswers)].sort());
  });

  it(`no word in ${slotType.name} names two different values`, () => {
    const owners = new Map<string, Set<string>>();
    for (const value of slotType.values) {
      for (const said of [value.name.value, ...(value.name.synonyms ?? [])]) {
        const key = said.toLowerCase().trim();
        owners.set(key, (owners.get(key) ?? new Set()).add(value.id));
      }
    }
    const ambiguous = [...owners].filter(([, ids]) => ids.size > 1).map(([said, ids]) => `${said}: ${[...ids].join(', ')}`);
    expect(ambiguous).toEqual([]);
  });

  const cases = slotType.values.flatMap((value) => [value.name.value, ...(value.name.synonyms ?? [])].map((said) => [value.id, said] as const));

  it.each(cases)(`${slotType.name} %s, heard as "%s", is answered with the start of its content`, async (id, said) => {
    const target = targetOf(id);
    expect(target).toBeDefined();
    const heard = await send(intentRequest(intentName).withSlotResolution(slot, said, slotType.name, id).build());
    expect(ssmlProblems(heard.ssml)).toEqual([]);
    expectToStartWith(heard.text, openingOf(target));
  });
});

describe('model rules', () => {
  it('the invocation name is at least two lower-case words', () => {
    expect(model.invocationName).toMatch(/^[a-z][a-z'.]*( [a-z][a-z'.]*)+$/);
  });

  it.each(customIntents.map((intent) => [intent.name, samplesOf(intent).length]))('%s has at least 20 samples (has %i)', (_name, count) => {
    expect(count).toBeGreaterThanOrEqual(20);
  });

  it('no sample is used twice, in one intent or in two (ignoring case)', () => {
    const users = new Map<string, string[]>();
    for (const intent of model.intents) {
      for (const sample of samplesOf(intent)) {
        const key = sample.toLowerCase().replace(/\s+/g, ' ').trim();
        users.set(key, [...(users.get(key) ?? []), intent.name]);
      }
    }
    const shared = [...users].filter(([, names]) => names.length > 1).map(([sample, names]) => `"${sample}": ${names.join(', ')}`);
    expect(shared).toEqual([]);
  });

  it.each(model.intents.map((intent) => [intent.name, intent]))('%s: samples use only letters, apostrophes, spaces, full stops and its own {slots}', (_name, intent) => {
    const slotNames = new Set((intent.slots ?? []).map((s) => s.name));
    const wrong: string[] = [];
    for (const sample of samplesOf(intent)) {
      if (!/^[A-Za-z' .{}]+$/.test(sample)) wrong.push(`${sample}: characters outside [A-Za-z' .{}]`);
      for (const ref of sample.matchAll(/\{([^{}]*)\}/g)) if (!slotNames.has(ref[1])) wrong.push(`${sample}: no slot {${ref[1]}} on this intent`);
      if (/[{}]/.test(sample.replace(/\{[^{}]*\}/g, ''))) wrong.push(`${sample}: unbalanced braces`);
    }
    expect(wrong).toEqual([]);
  });

  it.each(model.intents.filter((i) => (i.slots ?? []).length > 0).map((intent) => [intent.name, intent]))('%s: every slot is used by some sample', (_name, intent) => {
    const unused = (intent.slots ?? []).filter((s) => !samplesOf(intent).some((sample) => sample.includes(`{${s.name}}`)));
    expect(unused.map((s) => s.name)).toEqual([]);
  });

  describe('skill.json example phrases', () => {
    const phrases = manifest.publishingInformation.locales['en-GB']?.examplePhrases ?? [];
    const prefix = new RegExp(`^alexa,\\s*(ask|tell|open|launch|start) ${escapeRegExp(model.invocationName)}\\b\\s*`);
    const asSample = (sample: string) => new RegExp(`^${sample.split(/\{[^{}]*\}/).map(escapeRegExp).join('.+')}$`);
    const allSamples = model.intents.flatMap((intent) => samplesOf(intent).map((sample) => sample.toLowerCase()));

    it('there are three, and the first opens the skill by its invocation name', () => {
      expect(phrases).toHaveLength(3);
      expect(phrases[0].toLowerCase()).toMatch(prefix);
    });

    it.each(phrases.slice(1).map((phrase) => [phrase]))('"%s" is a sample of some intent', (phrase) => {
      const lower = phrase.toLowerCase();
      expect(lower).toMatch(prefix);
      const utterance = lower.replace(prefix, '').replace(/[.?!]$/, '');
      expect(utterance).not.toBe('');
      expect(allSamples.some((sample) => asSample(sample).test(utterance))).toBe(true);
    });
  });
});
