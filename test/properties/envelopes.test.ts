/**
 * Properties over request envelopes (fast-check): whatever the Alexa service, or a bad request, sends this skill,
 * `buildSkill().invoke()` resolves to a valid Alexa response. Envelopes carry every intent of the interaction
 * model with random, empty, very long, unicode, markup-laden and built-in-word slot values, with and without
 * entity resolution; random and corrupted session attributes; unknown request types; random locales.
 *
 * Every response must be: a response envelope Alexa accepts (version, known fields, under its size limit);
 * well-formed Alexa SSML, with a question and a reprompt exactly when the session stays open (checkResponse in
 * test/support/conversation.ts); something said whenever a session can be spoken to; never the error apology
 * (nothing inside the skill threw); and free of internals: no error names, stack frames, file paths,
 * `undefined`, `NaN` or `[object …]`, unless the listener said them and the skill is echoing their words.
 */
import fc from 'fast-check';
import type { RequestEnvelope, ResponseEnvelope, ui } from 'ask-sdk-model';
import { escapeText } from '../../lambda/speech/ssml';
import type { PersistenceAdapter, Skill } from 'ask-sdk-core';
import { buildSkill } from '../../lambda/skill';
import { ssmlToText } from '../support/alexa-ssml';
import { checkResponse, content, LAMBDA_CONTEXT } from '../support/conversation';
import model from '../../interactionModels/custom/en-GB.json';

const SKILL_ID = 'amzn1.ask.skill.properties';
const skill = buildSkill();

const { intents, types } = model.interactionModel.languageModel;
const idsOf = (type: string) => types.find((t) => t.name === type)?.values.map((v) => v.id) ?? [];
const ALL_IDS = types.flatMap((t) => t.values.map((v) => v.id));

/** Runs per property: together they take well under 20 s. */
const RUNS = 1000;

// ---------------------------------------------------------------------------
// Slot values
// ---------------------------------------------------------------------------

const UNICODE = ['😀', '👩🏽‍⚕️', 'مرحبا بالعالم', 'שלום', '\u202eevil\u202c', 'e\u0301\u0302\u0303', 'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫ', '\u0000', '\u0007', '\ufeff', '\u200b', '\ud800', '\udfff', '\uffff', 'ﬁ', 'ｍｒｉ'];
const MARKUP = ['<speak>', '</speak>', '<speak>hi</speak>', '&', '&amp;', '&#0;', '"', "'", ']]>', '<![CDATA[', '<!--', '-->', '<audio src="https://example.com/a.mp3"/>', '<break time="60s"/>', '<prosody rate="500%">', '${x}', '{name}', '\\'];
const BUILT_IN_WORDS = ['stop', 'help', 'yes', 'no', 'cancel', 'STOP!', 'cancel that', 'no thanks', 'go back', 'repeat', 'start over', 'next'];
/** What a broken skill would say: listeners may say them too, and an echo of what they said is no leak. */
const INTERNAL_WORDS = ['undefined', 'NaN', 'null', '[object Object]', 'Error', 'TypeError: x is not a function', 'at Object.<anonymous> (/var/task/index.js:1:2)'];

const randomWord = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));
const words = (word: fc.Arbitrary<string>) => fc.array(word, { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' '));
const laden = (specials: string[]) => words(fc.oneof(randomWord, fc.constantFrom(...specials)));

const slotValue: fc.Arbitrary<string> = fc.oneof(
  words(randomWord),
  fc.constantFrom('', ' ', '\n\t '),
  laden(UNICODE),
  laden(MARKUP),
  laden(INTERNAL_WORDS),
  fc.constantFrom(...BUILT_IN_WORDS),
  fc.oneof(randomWord, laden(MARKUP)).filter((w) => w.length > 0).map((w) => w.repeat(Math.ceil(10_000 / w.length)).slice(0, 10_000)),
);

interface SlotSpec {
  value: string | undefined;
  resolution: 'none' | 'match' | 'no-match' | 'match-without-values';
  id: string;
}

function slotArbitrary(type: string): fc.Arbitrary<SlotSpec> {
  const known = idsOf(type);
  return fc.record({
    value: fc.option(slotValue, { nil: undefined, freq: 5 }),
    resolution: fc.constantFrom('none', 'match', 'no-match', 'match-without-values'),
    // An id of this slot type, of another type, or anything at all.
    id: fc.oneof(fc.constantFrom(...(known.length ? known : ['x'])), fc.constantFrom(...ALL_IDS), fc.string(), fc.constantFrom('constructor', '__proto__', 'toString')),
  });
}

function slotOf(name: string, type: string, spec: SlotSpec) {
  const authority = `amzn1.er-authority.echo-sdk.${SKILL_ID}.${type}`;
  const resolutions = {
    none: undefined,
    match: { resolutionsPerAuthority: [{ authority, status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: { name: spec.value ?? '', id: spec.id } }] }] },
    'no-match': { resolutionsPerAuthority: [{ authority, status: { code: 'ER_SUCCESS_NO_MATCH' }, values: [] }] },
    'match-without-values': { resolutionsPerAuthority: [{ authority, status: { code: 'ER_SUCCESS_MATCH' } }] },
  }[spec.resolution];
  return { name, value: spec.value, confirmationStatus: 'NONE', ...(resolutions ? { resolutions } : {}) };
}

// ---------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------

const stamp = { requestId: 'amzn1.echo-api.request.properties', timestamp: '2026-01-01T00:00:00Z' };

/** An intent whose one slot heard `said`, which did not resolve. */
function saidInSlot(intent: string, slot: { name: string; type: string }, said: string) {
  const slots = { [slot.name]: slotOf(slot.name, slot.type, { value: said, resolution: 'no-match', id: '' }) };
  return { type: 'IntentRequest', ...stamp, intent: { name: intent, confirmationStatus: 'NONE', slots } };
}

const UNKNOWN_TYPES = ['Display.ElementSelected', 'Alexa.Presentation.APL.UserEvent', 'CanFulfillIntentRequest', 'Messaging.MessageReceived', 'AudioPlayer.PlaybackStarted', 'Connections.Response', 'Dialog.API.Invoked'];

/** One intent of the model, its slots filled (or left out, or empty) as above; half the time one that has a slot. */
const modelIntent = fc.oneof(fc.constantFrom(...intents), fc.constantFrom(...intents.filter((i) => i.slots?.length)));
const modelIntentRequest = modelIntent.chain((intent) => {
  const slots = intent.slots ?? [];
  return fc.tuple(...slots.map((s) => fc.option(slotArbitrary(s.type), { nil: undefined, freq: 6 }))).map((specs) => {
    const filled: Record<string, unknown> = {};
    slots.forEach((s, i) => {
      const spec = specs[i];
      if (spec) filled[s.name] = slotOf(s.name, s.type, spec);
    });
    return { type: 'IntentRequest', ...stamp, dialogState: 'COMPLETED', intent: { name: intent.name, confirmationStatus: 'NONE', slots: filled } };
  });
});

/** An intent the model does not have, with a slot of whatever name. */
const unknownIntentRequest = fc.tuple(fc.string(), fc.string(), slotArbitrary('TestType')).map(([name, slot, spec]) => ({
  type: 'IntentRequest',
  ...stamp,
  intent: { name, confirmationStatus: 'NONE', slots: { [slot]: slotOf(slot, 'TestType', spec) } },
}));

const otherRequest = fc.oneof(
  fc.constant({ type: 'LaunchRequest', ...stamp }),
  fc.constantFrom('USER_INITIATED', 'ERROR', 'EXCEEDED_MAX_REPROMPTS').map((reason) => ({ type: 'SessionEndedRequest', ...stamp, reason })),
  fc.tuple(fc.oneof(fc.constantFrom(...UNKNOWN_TYPES), fc.string()), fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 })).map(([type, extra]) => ({ ...extra, type, ...stamp })),
);

const locale = fc.oneof(
  { weight: 6, arbitrary: fc.constant('en-GB') },
  { weight: 2, arbitrary: fc.constantFrom('en-US', 'en-IN', 'fr-FR', 'de-DE', 'ja-JP', 'en-gb', 'EN-GB', '') },
  { weight: 1, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

// ---------------------------------------------------------------------------
// Session attributes, as a conversation left them, or corrupted
// ---------------------------------------------------------------------------

const anything = fc.jsonValue({ maxDepth: 3 });
const entryId = fc.oneof(fc.constantFrom(...Object.keys(content.entries)), fc.string(), fc.constantFrom('constructor', '__proto__', 'hasOwnProperty'));
const place = fc.oneof(
  { weight: 3, arbitrary: fc.record({ id: entryId, step: fc.integer({ min: -2, max: 40 }) }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.record({ id: entryId, step: fc.oneof(fc.double(), fc.integer()), disclaim: anything, reviewNote: anything, lead: entryId }, { requiredKeys: ['id'] }) },
  { weight: 1, arbitrary: anything },
);
const flag = fc.oneof(fc.boolean(), anything);
const conversationState = fc.record(
  {
    said: place,
    at: place,
    offer: place,
    next: place,
    back: fc.oneof(fc.array(place, { maxLength: 15 }), anything),
    disclaimed: flag,
    reviewNoted: flag,
    misses: fc.oneof(fc.integer({ min: -3, max: 20 }), fc.double(), anything),
    pace: fc.oneof(fc.integer({ min: -1, max: 6 }), fc.double(), anything),
    returning: flag,
    preferencesRead: flag,
  },
  { requiredKeys: [] },
);
const attributes = fc.oneof(
  { weight: 2, arbitrary: fc.constant({}) },
  { weight: 6, arbitrary: fc.record({ conversation: conversationState }) },
  { weight: 1, arbitrary: fc.record({ conversation: anything }) },
  { weight: 1, arbitrary: anything },
);

// ---------------------------------------------------------------------------
// Envelopes
// ---------------------------------------------------------------------------

function envelopeOf(request: Record<string, unknown>, sessionAttributes: unknown, isNew: boolean, requestLocale: string | undefined, inSession = true): RequestEnvelope {
  const application = { applicationId: SKILL_ID };
  const user = { userId: 'amzn1.ask.account.properties' };
  const envelope = {
    version: '1.0',
    ...(inSession ? { session: { new: isNew, sessionId: 'amzn1.echo-api.session.properties', application, attributes: sessionAttributes, user } } : {}),
    context: { System: { application, user, device: { deviceId: 'amzn1.ask.device.properties', supportedInterfaces: {} }, apiEndpoint: 'https://api.eu.amazonalexa.com' } },
    request: { ...request, ...(requestLocale === undefined ? {} : { locale: requestLocale }) },
  };
  // Through JSON, as it arrives: what cannot travel (undefined fields) does not.
  return JSON.parse(JSON.stringify(envelope)) as RequestEnvelope;
}

const intentEnvelope = fc.tuple(fc.oneof({ weight: 9, arbitrary: modelIntentRequest }, { weight: 1, arbitrary: unknownIntentRequest }), attributes, fc.boolean(), locale).map(([r, a, n, l]) => envelopeOf(r, a, n, l));
const otherEnvelope = fc.tuple(otherRequest, attributes, fc.boolean(), locale, fc.boolean()).map(([r, a, n, l, s]) => envelopeOf(r, a, n, l, s || r.type === 'LaunchRequest'));

// ---------------------------------------------------------------------------
// What every response must be
// ---------------------------------------------------------------------------

/** Alexa refuses a response larger than this. */
const MAX_RESPONSE_BYTES = 24 * 1024;
const RESPONSE_FIELDS = new Set(['outputSpeech', 'card', 'reprompt', 'shouldEndSession', 'directives']);
const INTERNALS: RegExp[] = [/Error/, /stack/, /undefined/, /NaN/, /\[object/, /\bat \S+ \(/, /:\d+:\d+\)/, /node_modules/, /[\w-]+\/[\w./-]+\.(?:ts|js|json)\b/];

/** What the listener said in the slots, as the skill could echo it (escaped the skill's way, then heard). */
function slotWordsOf(envelope: RequestEnvelope): string[] {
  const request = envelope.request as { intent?: { slots?: Record<string, { value?: unknown }> } };
  return Object.values(request.intent?.slots ?? {})
    .map((slot) => slot.value)
    .filter((value): value is string => typeof value === 'string')
    .map((value) => ssmlToText(`<speak>${escapeText(value)}</speak>`));
}

function textsOf(response: ResponseEnvelope): string[] {
  const r = response.response;
  const speech = (s: unknown) => (s && typeof s === 'object' && 'ssml' in s && typeof s.ssml === 'string' ? ssmlToText(s.ssml) : '');
  const card = r.card as ui.SimpleCard | undefined;
  return [speech(r.outputSpeech), speech(r.reprompt?.outputSpeech), card?.title ?? '', card?.content ?? ''];
}

const ERROR_APOLOGY = ssmlToText(`<speak>${content.ui.error}</speak>`);

async function expectValidResponse(envelope: RequestEnvelope, by: Skill = skill): Promise<ResponseEnvelope> {
  const said = slotWordsOf(envelope);
  const response = await by.invoke(envelope, LAMBDA_CONTEXT);

  expect(response.version).toBe('1.0');
  expect(Buffer.byteLength(JSON.stringify(response))).toBeLessThanOrEqual(MAX_RESPONSE_BYTES);
  expect(Object.keys(response.response).filter((field) => !RESPONSE_FIELDS.has(field))).toEqual([]);
  if (response.sessionAttributes !== undefined) expect(JSON.parse(JSON.stringify(response.sessionAttributes))).toEqual(response.sessionAttributes);
  // Valid Alexa SSML; a question and a reprompt exactly when the session stays open.
  const answer = checkResponse(response);

  const speakable = Boolean(envelope.session) && envelope.request.type !== 'SessionEndedRequest';
  if (speakable) expect(answer.text).not.toBe('');
  else expect(answer.text).toBe('');
  expect(answer.text).not.toContain(ERROR_APOLOGY);

  const card = answer.card as ui.SimpleCard | undefined;
  if (card) expect([card.type, typeof card.title, typeof card.content]).toEqual(['Simple', 'string', 'string']);
  for (const text of textsOf(response)) {
    // What the listener said may be echoed, perhaps shortened ("The page doesn't mention undefined"):
    // the words they said are taken out, and only the rest is checked.
    const bare = (word: string) => word.replace(/^\W+|\W+$/g, '');
    const saidWords = new Set(said.flatMap((words) => words.split(/\s+/)).map(bare));
    // An echo cut short ends in part of a word the listener said.
    const echoed = (word: string) => saidWords.has(bare(word)) || (bare(word) !== '' && [...saidWords].some((w) => w.startsWith(bare(word))));
    const rest = text.split(/\s+/).filter((word) => !echoed(word)).join(' ');
    const leaks = INTERNALS.filter((internal) => internal.test(rest));
    expect({ text, leaks }).toEqual({ text, leaks: [] });
  }
  return response;
}

describe('examples the properties found', () => {
  it('a treatment named in Unicode noncharacters is echoed without them (seed 1367034976: U+10FFFE)', async () => {
    const said = '\u{10FFFE}\u{10FFFE} beans \u{1FFFF}\ufdd0';
    const response = await expectValidResponse(envelopeOf(saidInSlot('TreatmentDetailIntent', { name: 'treatment', type: 'TreatmentType' }, said), {}, false, 'en-GB'));
    expect(textsOf(response)[0]).toContain('beans');
  });

  it('a pace stored as -0 is kept as the normal 0, so the session attributes survive JSON unchanged', async () => {
    const store: PersistenceAdapter = { getAttributes: async () => ({ pace: -0 }), saveAttributes: async () => undefined };
    const response = await expectValidResponse(envelopeOf({ type: 'LaunchRequest', requestId: 'amzn1.echo-api.request.properties', timestamp: '2026-01-01T00:00:00Z', locale: 'en-GB' }, {}, true, 'en-GB'), buildSkill({ preferences: store }));
    expect(Object.is(response.sessionAttributes?.pace, -0)).toBe(false);
  });
});

describe('every envelope for this skill gets a valid Alexa response', () => {
  it('intents of the model with any slot values, resolutions, session attributes and locale', async () => {
    await fc.assert(fc.asyncProperty(intentEnvelope, async (envelope) => void (await expectValidResponse(envelope))), { numRuns: RUNS });
  });

  it('launch, session end and request types the skill does not know, in or out of a session', async () => {
    await fc.assert(fc.asyncProperty(otherEnvelope, async (envelope) => void (await expectValidResponse(envelope))), { numRuns: RUNS });
  });

  it('with a preferences store that holds anything (a corrupt record, wrong types) or fails, every intent still gets a valid response', async () => {
    // What the store answers for this run: any JSON it might hold, or a failure.
    let stored: unknown = {};
    const store: PersistenceAdapter = {
      getAttributes: async () => (stored instanceof Error ? Promise.reject(stored) : (stored as Record<string, unknown>)),
      saveAttributes: async () => undefined,
    };
    const remembering = buildSkill({ preferences: store });
    const storeHolds = fc.oneof(fc.jsonValue(), fc.record({ pace: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null)), welcomed: fc.jsonValue() }), fc.constant(new Error('the store is down')));
    await fc.assert(
      fc.asyncProperty(intentEnvelope, storeHolds, async (envelope, holds) => {
        stored = holds;
        await expectValidResponse(envelope, remembering);
      }),
      { numRuns: RUNS / 4 },
    );
  });

  it('"stop" or "cancel" heard in a slot ends the session, whatever intent carried it and whatever the session held', async () => {
    const leavingWords = fc.tuple(fc.constantFrom(...intents.filter((i) => i.slots?.length)), fc.constantFrom('stop', 'cancel', 'STOP!', 'cancel that', 'quit now'), attributes);
    await fc.assert(
      fc.asyncProperty(leavingWords, async ([intent, said, sessionAttributes]) => {
        const [slot] = intent.slots ?? [];
        const response = await expectValidResponse(envelopeOf(saidInSlot(intent.name, slot, said), sessionAttributes, false, 'en-GB'));
        expect(response.response.shouldEndSession).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});
