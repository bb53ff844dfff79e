/**
 * A transcript helper over the real Lambda handler: each call is one turn of a spoken conversation.
 *
 *   const c = conversation();
 *   await c.launch();
 *   const a = await c.intent('TestsIntent');
 *   expect(a.text).toContain('There are seven tests and scans');
 *
 * Envelopes are built with ask-sdk-test's request builders. Session attributes are carried from each
 * response to the next request (through JSON, as Alexa does), and `session.new` is set on the first
 * request only. Every response is checked on the way through, so every test checks for free that:
 *   - the speech and the reprompt are valid Alexa SSML (test/support/alexa-ssml.ts), at most 40 seconds at their pace;
 *   - a response that keeps the session open asks a question ("?") and has a reprompt;
 *   - a response that ends the session asks no question and has no reprompt.
 * A broken response throws, failing the test that caused it.
 */
import type { Context } from 'aws-lambda';
import type { RequestEnvelope, ResponseEnvelope, SessionEndedReason, ui } from 'ask-sdk-model';
import { AplUserEventRequestBuilder, IntentRequestBuilder, LaunchRequestBuilder, SessionEndedRequestBuilder, type SkillSettings } from 'ask-sdk-test';
import { compiledContent } from '../../lambda/content/compiled';
import type { Entry, ListEntry, TopicEntry, UiKey } from '../../lambda/content/types';
import { groupOf, runEnd, stepsOf } from '../../lambda/conversation/place';
import { sentencesOf } from '../../tools/content/sentences';
import { APL_INTERFACE } from '../../lambda/display/display';
import { DISPLAY_TOKEN } from '../../lambda/display/document';
import { handler } from '../../lambda/index';
import { MAX_TURN_SECONDS } from '../../lambda/speech/duration';
import type { Ssml } from '../../lambda/speech/ssml';
import { measured, secondsOf } from '../../lambda/speech/spoken';

/** Seconds to say SSML at a prosody rate, measured as the speech compiler measures its fragments. */
const secondsToSay = (ssml: string, rate: number): number => secondsOf(measured(ssml as Ssml), rate);
import { rateOf } from '../../lambda/speech/pace';
import { numberWord } from '../../lambda/speech/phrases';
import { isRecord } from '../../lambda/util/is-record';
import { ssmlProblems, ssmlToText } from './alexa-ssml';

/** The longest a single response may speak, at its pace: what a listener can follow without a screen. */
export const MAX_SECONDS = MAX_TURN_SECONDS;

export const TEST_SETTINGS: Readonly<SkillSettings> = {
  appId: 'amzn1.ask.skill.test',
  userId: 'amzn1.ask.account.test',
  deviceId: 'amzn1.ask.device.test',
  locale: 'en-GB',
};

/** A slot as the listener filled it: with an `id`, entity resolution matched; without, it did not. */
export interface SlotInput {
  /** What Alexa heard; omitted for an empty slot. */
  value?: string;
  /** The resolved value id (ER_SUCCESS_MATCH); omitted for ER_SUCCESS_NO_MATCH. */
  id?: string;
  /** The slot type, when it is not one of the model's known ones. */
  type?: string;
}

/** The slot types of the interaction model (interactionModels/custom/en-GB.json), by slot name. */
const SLOT_TYPES: Readonly<Record<string, string>> = { test: 'TestType', treatment: 'TreatmentType' };

export interface Answer {
  /** The outputSpeech SSML, or '' when the response says nothing. */
  ssml: string;
  /** What the listener hears, as plain text ('' when nothing is said). */
  text: string;
  /** The reprompt as plain text, or undefined when there is none. */
  reprompt: string | undefined;
  /** The reprompt SSML, or undefined. */
  repromptSsml: string | undefined;
  card: ui.Card | undefined;
  /** response.shouldEndSession as sent (true, false, or undefined when not set). */
  endSession: boolean | undefined;
  /** The session attributes the skill sent back. */
  attributes: Record<string, unknown> | undefined;
  response: ResponseEnvelope;
}

export interface ConversationOptions {
  /** The request locale; en-GB unless given. */
  locale?: string;
  /** The application id in the requests; amzn1.ask.skill.test unless given. */
  appId?: string;
  /** The Alexa user id in the requests; TEST_SETTINGS' unless given. */
  userId?: string;
  /** The function that answers; the real Lambda handler unless given. */
  handler?: (event: RequestEnvelope, context: Context) => Promise<ResponseEnvelope>;
  /** The device has a screen: it declares Alexa.Presentation.APL and sends a viewport (an Echo Show 8's). */
  screen?: boolean;
}

export interface Conversation {
  /** "Alexa, open bone secondaries guide." */
  launch(): Promise<Answer>;
  /** An intent, with slots given as `{ slotName: { value, id } }`. */
  intent(name: string, slots?: Record<string, SlotInput>): Promise<Answer>;
  /** Alexa tells the skill the session has ended. */
  sessionEnded(reason?: SessionEndedReason): Promise<Answer>;
  /** A touch on the screen: an APL UserEvent carrying a SendEvent's `args`, with the skill's token unless given. */
  touch(args: unknown[], token?: string): Promise<Answer>;
  /** Wraps a hand-made `request` (any type, any shape) in this conversation's session and context. */
  request(request: Record<string, unknown>): Promise<Answer>;
  /** Sends an envelope exactly as given (no session bookkeeping beyond reading the response). */
  raw(envelope: unknown): Promise<Answer>;
  /** Replaces the session attributes sent with the next request (anything, even null: for corruption tests). */
  withAttributes(attributes: unknown): Conversation;
  /** The session attributes the next request will carry. */
  readonly attributes: unknown;
  /** Every answer so far, oldest first. */
  readonly transcript: readonly Answer[];
}

/** A Lambda context good enough for the handler, which does not read it. */
export const LAMBDA_CONTEXT: Context = {
  callbackWaitsForEmptyEventLoop: true,
  functionName: 'bone-secondaries-guide',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-2:123456789012:function:bone-secondaries-guide',
  memoryLimitInMB: '256',
  awsRequestId: 'test-request',
  logGroupName: '/aws/lambda/bone-secondaries-guide',
  logStreamName: 'test',
  getRemainingTimeInMillis: () => 5000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
};

/** What a device with a screen adds to a request: APL among its interfaces, and its viewport (an Echo Show 8). */
export function withScreen(envelope: RequestEnvelope): RequestEnvelope {
  const device = envelope.context.System.device;
  if (!device) throw new Error('ask-sdk-test built an envelope without a device');
  device.supportedInterfaces[APL_INTERFACE] = { runtime: { maxVersion: '2024.3' } };
  const viewport = { experiences: [{ canRotate: false, canResize: false }], mode: 'HUB', shape: 'RECTANGLE', pixelWidth: 1280, pixelHeight: 800, dpi: 213 };
  envelope.context.Viewport = viewport as RequestEnvelope['context']['Viewport'];
  return envelope;
}

/** Through JSON and back, as attributes travel between Alexa and the skill. */
function viaJson(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}


/** The SSML of an outputSpeech, or undefined; PlainText is refused, the skill always speaks SSML. */
function ssmlOf(speech: unknown, where: string): string | undefined {
  if (speech === undefined) return undefined;
  if (!isRecord(speech) || speech.type !== 'SSML' || typeof speech.ssml !== 'string') {
    throw new Error(`${where} is not SSML output speech: ${JSON.stringify(speech)}`);
  }
  return speech.ssml;
}

/** The checks every response gets; returns the answer or throws with everything that is wrong. */
export function checkResponse(response: ResponseEnvelope): Answer {
  const problems: string[] = [];
  const envelope: unknown = response;
  if (!isRecord(envelope) || !isRecord(envelope.response)) throw new Error(`not a response envelope: ${JSON.stringify(response)}`);
  const body = response.response;
  const ssml = ssmlOf(body.outputSpeech, 'outputSpeech');
  const repromptSsml = ssmlOf(body.reprompt?.outputSpeech, 'reprompt');
  for (const [where, value] of [
    ['speech', ssml],
    ['reprompt', repromptSsml],
  ] as const) {
    if (value === undefined) continue;
    problems.push(...ssmlProblems(value, { maxSeconds: MAX_SECONDS }).map((p) => `${where}: ${p}`));
  }
  const text = ssml === undefined ? '' : ssmlToText(ssml);
  const reprompt = repromptSsml === undefined ? undefined : ssmlToText(repromptSsml);
  const endSession = body.shouldEndSession ?? undefined;
  if (endSession === false) {
    if (!text.includes('?')) problems.push('the session stays open but the speech asks no question');
    if (!reprompt) problems.push('the session stays open but there is no reprompt');
  } else {
    if (text.includes('?')) problems.push('the session ends but the speech asks a question');
    if (reprompt !== undefined) problems.push('the session ends but there is a reprompt');
  }
  if (problems.length > 0) {
    throw new Error(`bad response:\n  ${problems.join('\n  ')}\nssml: ${ssml ?? '(none)'}\nreprompt: ${repromptSsml ?? '(none)'}`);
  }
  return {
    ssml: ssml ?? '',
    text,
    reprompt,
    repromptSsml,
    card: body.card,
    endSession,
    attributes: response.sessionAttributes,
    response,
  };
}

export function conversation(options: ConversationOptions = {}): Conversation {
  const settings: SkillSettings = {
    ...TEST_SETTINGS,
    locale: options.locale ?? TEST_SETTINGS.locale,
    appId: options.appId ?? TEST_SETTINGS.appId,
    userId: options.userId ?? TEST_SETTINGS.userId,
  };
  const answer = options.handler ?? handler;
  const sessionId = `SessionId.test-${Math.random().toString(36).slice(2)}`;
  let attributes: unknown = {};
  let first = true;
  const transcript: Answer[] = [];

  async function send(envelope: unknown): Promise<Answer> {
    const response = await answer(envelope as RequestEnvelope, LAMBDA_CONTEXT);
    const result = checkResponse(response);
    attributes = viaJson(response.sessionAttributes ?? {});
    transcript.push(result);
    return result;
  }

  /** Puts this conversation's session (and device) on an envelope built by ask-sdk-test. */
  function inSession(envelope: RequestEnvelope): RequestEnvelope {
    if (!envelope.session) throw new Error('ask-sdk-test built an envelope without a session');
    if (options.screen) withScreen(envelope);
    envelope.session.sessionId = sessionId;
    envelope.session.new = first;
    // The SDK's types say a record; corruption tests send anything, null included.
    envelope.session.attributes = viaJson(attributes) as Record<string, unknown>;
    first = false;
    return envelope;
  }

  function intentEnvelope(name: string, slots: Record<string, SlotInput>): RequestEnvelope {
    const builder = new IntentRequestBuilder(settings, name);
    for (const [slot, input] of Object.entries(slots)) {
      const type = input.type ?? SLOT_TYPES[slot] ?? `${slot[0].toUpperCase()}${slot.slice(1)}Type`;
      if (input.value === undefined) builder.withEmptySlot(slot);
      else if (input.id !== undefined) builder.withSlotResolution(slot, input.value, type, input.id);
      else builder.withSlotResolutionNoMatch(slot, input.value, type);
    }
    return builder.build();
  }

  const self: Conversation = {
    launch: () => send(inSession(new LaunchRequestBuilder(settings).build())),
    intent: (name, slots = {}) => send(inSession(intentEnvelope(name, slots))),
    sessionEnded: (reason = 'USER_INITIATED') => send(inSession(new SessionEndedRequestBuilder(settings, reason).build())),
    touch: (args, token = DISPLAY_TOKEN) => send(inSession(new AplUserEventRequestBuilder(settings).withToken(token).withArguments(...args).build())),
    request: (request) => {
      const envelope = inSession(new LaunchRequestBuilder(settings).build());
      const base = { requestId: `EdwRequestId.test-${transcript.length}`, timestamp: new Date().toISOString(), locale: settings.locale };
      return send({ ...envelope, request: { ...base, ...request } });
    },
    raw: (envelope) => {
      first = false;
      return send(envelope);
    },
    withAttributes: (replacement) => {
      attributes = replacement;
      return self;
    },
    get attributes() {
      return attributes;
    },
    transcript,
  };
  return self;
}

// ---------------------------------------------------------------------------
// Expected speech, from the compiled content: what a listener should hear, as plain text, so tests
// compare with `answer.text` without pasting any output.
// ---------------------------------------------------------------------------

export const content = compiledContent;

const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim();
const regexEscape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Lexicon entries read by alias ("CT" → "C T"), longest first; phonemes are heard as written. */
const ALIASES = [...content.lexicon].filter((e) => e.say !== undefined).sort((a, b) => b.written.length - a.written.length);
const ALIAS_PATTERN = ALIASES.length
  ? new RegExp(`(?<![\\w-])(?:${ALIASES.map((e) => regexEscape(e.written)).join('|')})(?![\\w-])`, 'g')
  : undefined;

/** Content text as heard: whitespace collapsed, lexicon aliases applied (as written, whole words). */
export function heard(text: string): string {
  const aliased = ALIAS_PATTERN ? text.replace(ALIAS_PATTERN, (w) => ALIASES.find((e) => e.written === w)?.say ?? w) : text;
  return normalise(aliased);
}

/** A UI sentence from content/ui.yaml with its {slots} filled by `values` (already as heard). */
export function uiText(key: UiKey, values: Record<string, string> = {}): string {
  return normalise(
    content.ui[key].replace(/\{([a-zA-Z]+)\}/g, (slot: string, name: string) => {
      const value = values[name];
      if (value === undefined) throw new Error(`uiText: no value for ${slot} in ${key}`);
      return value;
    }),
  );
}

/** Sentences said one after another. */
export const joined = (...parts: (string | undefined)[]): string => normalise(parts.filter((p) => p).join(' '));

export { numberWord };

/** "a, b and c". */
export function listed(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export function entryOf(id: string): Entry {
  if (!Object.hasOwn(content.entries, id)) throw new Error(`no content entry '${id}'`);
  return content.entries[id];
}
export function topicOf(id: string): TopicEntry {
  const entry = entryOf(id);
  if (entry.kind !== 'topic') throw new Error(`'${id}' is not a topic`);
  return entry;
}
export function listOf(id: string): ListEntry {
  const entry = entryOf(id);
  if (entry.kind !== 'list') throw new Error(`'${id}' is not a list`);
  return entry;
}

/** How the skill names an entry aloud: "a C T scan". */
export const nameOf = (id: string): string => heard(entryOf(id).name);

/** A list's items in the groups they are read in: the production grouping, one group per step. */
export function groupsOf(list: ListEntry): string[][] {
  return Array.from({ length: stepsOf(list) }, (_, step) => groupOf(list, step));
}

/** The question after a topic's last part: its own offer, the next item of its list, or the list's `after`. */
export function followUpOf(topic: TopicEntry): string {
  if (topic.offer) return heard(topic.offer.question);
  const list = topic.list ? listOf(topic.list) : undefined;
  if (!list) return uiText('welcomeQuestion');
  const next = list.items[list.items.indexOf(topic.id) + 1];
  if (next) return uiText('nextItemQuestion', { noun: heard(list.noun.one), name: nameOf(next) });
  return list.after ? heard(list.after.question) : uiText('welcomeQuestion');
}

/**
 * A topic's turns at a pace: what each says, from the production rule for where a turn ends (runEnd) and this
 * file's own expectation of the words, timed by the production estimate. The first turn carries the disclaimer
 * when `disclaim`.
 */
export function topicTurns(topic: TopicEntry, disclaim = false, pace = 2, returning = false): string[] {
  const sentences = sentencesOf(topic);
  // A new listener's first answer says, after the disclaimer, when the information was last reviewed (unless it gives the date itself).
  const note = disclaim && !returning && !topic.givesReviewDate ? uiText('reviewNote') : undefined;
  const disclaimer = disclaim || topic.alwaysDisclaim ? joined(uiText('disclaimer'), note) : undefined;
  // `timed`: the phone number as Alexa says it, a word a digit, for the estimate of how long the turn takes.
  const turnText = (start: number, end: number, first: boolean, timed = false): string => {
    const last = end >= sentences.length;
    // A number from outside the page (the support line) follows the last sentence, as the table gives it for en-GB.
    const line = last && topic.contact ? content.contacts['en-GB'][topic.contact] : undefined;
    const number = line && timed ? line.number.replace(/\d/g, ' $& ') : line?.number;
    const contact = line && number ? uiText('supportLine', { name: line.name, number, hours: line.hours }) : undefined;
    const said = heard(sentences.slice(start, end).map((x) => x.text).join(' '));
    return joined(said, contact, first || topic.alwaysDisclaim ? disclaimer : undefined, last ? followUpOf(topic) : uiText('moreQuestion'));
  };
  const turns: string[] = [];
  for (let start = 0; start < sentences.length; ) {
    const first = start === 0;
    const end = runEnd(topic, start, (e) => secondsToSay(turnText(start, e, first, true), rateOf(pace)) <= MAX_TURN_SECONDS);
    turns.push(turnText(start, end, first));
    start = end;
  }
  return turns;
}

/**
 * What `id` says at turn `step` (a topic's turn at normal pace, a list's group of three). `disclaim`: the disclaimer
 * was said with the first turn (it is said in that turn only, and it moves where the turns end), followed, for a
 * listener who is not `returning`, by when the information was last reviewed.
 */
export function expectedAnswer(id: string, step = 0, disclaim = false, returning = false): string {
  const entry = entryOf(id);
  if (entry.kind === 'topic') {
    const turns = topicTurns(entry, disclaim, 2, returning);
    if (step >= turns.length) throw new Error(`expectedAnswer: '${id}' has ${turns.length} turns`);
    return turns[step];
  }
  const disclaimer = disclaim ? joined(uiText('disclaimer'), returning ? undefined : uiText('reviewNote')) : undefined;
  const groups = groupsOf(entry);
  const items = listed(groups[step].map(nameOf));
  const size = numberWord(groups[step].length);
  const last = step === groups.length - 1;
  let speech: string;
  if (step === 0) {
    speech = joined(openingOf(entry, groups[0]), heard(entry.intro));
  } else if (!last) {
    speech = uiText('listNextGroup', { size, items });
  } else {
    speech = groups[step].length === 1 ? uiText('listLastOne', { items }) : uiText('listLastGroup', { size, items });
  }
  const question = last ? uiText('listChooseQuestion') : uiText('listMoreQuestion', { size: numberWord(groups[step + 1].length) });
  return joined(speech, disclaimer, question);
}

/** What a list says first: how many there are, and the first names. */
function openingOf(list: ListEntry, first: readonly string[]): string {
  const fill = { count: numberWord(list.items.length), noun: heard(list.noun.many), size: numberWord(first.length), items: listed(first.map(nameOf)) };
  return uiText(first.length === list.items.length ? 'listOpeningOnly' : 'listOpening', fill);
}

/** A list's first sentence. */
export function countSentenceOf(list: ListEntry): string {
  return openingOf(list, groupsOf(list)[0]);
}

/** The first sentence of an entry's answer (for a list, its count). */
export function firstSentenceOf(id: string): string {
  const entry = entryOf(id);
  const text = entry.kind === 'topic' ? heard(sentencesOf(entry)[0].text) : countSentenceOf(entry);
  return /^.*?[.?!](?=\s|$)/.exec(text)?.[0] ?? text;
}

/** Speech text as heard, from the SSML body ask-sdk-test passes to `says` predicates (no <speak>). */
export const heardFromSpeakBody = (body: string): string => ssmlToText(`<speak>${body}</speak>`);
