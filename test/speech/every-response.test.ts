/**
 * Every response the skill can give, checked as Alexa would check it: the real handler is driven from
 * launch and from every one-shot intent through every request the model can send, breadth first, until
 * no new conversation state appears (at every pace, since the pace intents are among the requests). Each response
 * must be valid Alexa SSML that takes at most 40 seconds to say at its pace, keep the session open only with a
 * question and a reprompt, and never be the error apology. en-GB is crawled four requests deep; every other locale,
 * whose words and numbers differ (content/locales.yaml), two deep through its own model: each of its answers and
 * screens, from launch and after any one request (a slower pace among them), which is where its words differ.
 */
import { IntentRequestBuilder, LaunchRequestBuilder } from 'ask-sdk-test';
import type { RequestEnvelope, ResponseEnvelope, ui } from 'ask-sdk-model';
import fs from 'node:fs';
import path from 'node:path';
import { compiledContent as content } from '../../lambda/content/compiled';
import { handler } from '../../lambda/index';
import { ssmlProblems, ssmlToText, spokenWordCount } from '../support/alexa-ssml';

type Settings = { appId: string; userId: string; deviceId: string; locale: string };
const settingsIn = (locale: string): Settings => ({ appId: 'amzn1.ask.skill.test', userId: 'amzn1.ask.account.test', deviceId: 'amzn1.ask.device.test', locale });
/** Alexa's normal speed is about 150 words a minute; a turn says at most this much, at the listener's pace. */
const MAX_SECONDS = 40;

interface Model {
  interactionModel: { languageModel: { intents: { name: string; slots?: { name: string; type: string }[] }[]; types: { name: string; values: { id: string; name: { value: string } }[] }[] } };
}
const modelOf = (locale: string) => (JSON.parse(fs.readFileSync(path.join(__dirname, `../../interactionModels/custom/${locale}.json`), 'utf8')) as Model).interactionModel.languageModel;

/** Every request the model can produce: each intent, and for slot intents each value, an unknown value, hostile text and no value. */
function everyRequest(locale: string): { label: string; build: () => RequestEnvelope }[] {
  const settings = settingsIn(locale);
  const { intents, types } = modelOf(locale);
  const requests: { label: string; build: () => RequestEnvelope }[] = [{ label: 'launch', build: () => new LaunchRequestBuilder(settings).build() }];
  for (const intent of intents) {
    const slot = intent.slots?.[0];
    if (!slot) {
      requests.push({ label: intent.name, build: () => new IntentRequestBuilder(settings, intent.name).build() });
      continue;
    }
    const type = types.find((t) => t.name === slot.type);
    for (const value of type?.values ?? []) {
      requests.push({ label: `${intent.name}(${value.id})`, build: () => new IntentRequestBuilder(settings, intent.name).withSlotResolution(slot.name, value.name.value, slot.type, value.id).build() });
    }
    for (const heard of ['magic beans', '<b>&"\'</b>', 'x'.repeat(300), 'a very long and rambling description of something the skill has never heard of at all']) {
      requests.push({ label: `${intent.name}(${heard.slice(0, 12)})`, build: () => new IntentRequestBuilder(settings, intent.name).withSlotResolutionNoMatch(slot.name, heard, slot.type).build() });
    }
    requests.push({ label: `${intent.name}()`, build: () => new IntentRequestBuilder(settings, intent.name).withEmptySlot(slot.name).build() });
  }
  requests.push({ label: 'MadeUpIntent', build: () => new IntentRequestBuilder(settings, 'MadeUpIntent').build() });
  return requests;
}

function problemsWith(response: ResponseEnvelope): string[] {
  const problems: string[] = [];
  const r = response.response;
  const speech = r.outputSpeech?.type === 'SSML' ? r.outputSpeech.ssml : undefined;
  if (!speech) return ['no SSML speech'];
  problems.push(...ssmlProblems(speech, { maxSeconds: MAX_SECONDS }));
  const heard = ssmlToText(speech);
  if (heard.includes(ssmlToText(`<speak>${content.ui.error}</speak>`))) problems.push('the error apology');
  if (r.shouldEndSession === false) {
    if (!heard.trim().endsWith('?')) problems.push('open session without a closing question');
    const reprompt = r.reprompt?.outputSpeech;
    if (reprompt?.type !== 'SSML') problems.push('open session without a reprompt');
    else {
      problems.push(...ssmlProblems(reprompt.ssml, { maxSeconds: MAX_SECONDS }).map((p) => `reprompt: ${p}`));
      // A reprompt is a nudge: shorter than what it follows up, and it says what to say.
      if (spokenWordCount(reprompt.ssml) >= spokenWordCount(speech)) problems.push(`reprompt is not shorter than the prompt: ${ssmlToText(reprompt.ssml)}`);
    }
  } else if (heard.includes('?')) {
    problems.push('ends the session on a question');
  }
  const card = r.card as ui.SimpleCard | undefined;
  if (card && (!card.title || !card.content || /[<>]/.test(card.content))) problems.push('card without plain title and text');
  return problems;
}

const CRAWLS = [
  { locale: 'en-GB', depth: 4, atLeast: 1000 },
  ...['en-US', 'en-CA', 'en-AU', 'en-IN'].map((locale) => ({ locale, depth: 3, atLeast: 1000 })),
];

describe.each(CRAWLS)('every response the skill can give in $locale', ({ locale, depth: deepest, atLeast }) => {
  const requests = everyRequest(locale);
  const seen = new Map<string, string>();
  const failures: string[] = [];
  let responses = 0;

  beforeAll(async () => {
    // Breadth first over conversation states (what repeat, yes and go back depend on).
    let frontier: { attributes: Record<string, unknown>; path: string }[] = [{ attributes: {}, path: '' }];
    for (let depth = 0; depth < deepest && frontier.length; depth++) {
      const next: typeof frontier = [];
      for (const state of frontier) {
        for (const request of requests) {
          const envelope = request.build();
          envelope.session!.new = depth === 0;
          envelope.session!.attributes = JSON.parse(JSON.stringify(state.attributes));
          const response = await handler(envelope, {} as never);
          responses += 1;
          const trail = `${state.path} > ${request.label}`;
          for (const p of problemsWith(response)) failures.push(`${trail}: ${p}`);
          const attributes = response.sessionAttributes ?? {};
          const { back, ...key } = (attributes.conversation ?? {}) as Record<string, unknown>;
          const id = JSON.stringify(key);
          if (response.response.shouldEndSession === false && !seen.has(id)) {
            seen.set(id, trail);
            next.push({ attributes, path: trail });
          }
        }
      }
      frontier = next;
    }
  }, 120_000);

  it('is valid Alexa SSML, short enough, asks when it listens, and never apologises for an error', () => {
    expect(failures.slice(0, 20)).toEqual([]);
  });

  it('covers the conversation: many states and every content entry', () => {
    expect(responses).toBeGreaterThan(atLeast);
    const places = [...seen.keys()].join(' ');
    for (const id of Object.keys(content.entries)) expect(places).toContain(`"id":"${id}"`);
  });
});
