/**
 * The one Turn of a request, over the content's shape (answers.ts) and the speech book in the request's locale.
 * A voice and a renderer are made once per locale, the first time it is heard; a locale not served is answered
 * (to say so) in the page's own, en-GB.
 */
import type { HandlerInput } from 'ask-sdk-core';
import { getLocale } from '../request/ask-sdk';
import { answers } from '../content/answers';
import { requestAttributes } from '../request/attributes';
import { packedSpeech } from '../speech/compiled';
import { createVoice, DEFAULT_LOCALE, localesOf } from '../speech/voice';
import { kept } from '../util/kept';
import { createRenderer, type Renderer } from './render';
import { Turn } from './turn';

/** The locales the skill serves: each has its speech (content/locales.yaml) and an interaction model. */
export const SERVED_LOCALES: readonly string[] = localesOf(packedSpeech);

export const isServed = (locale: string | undefined): locale is string => locale !== undefined && SERVED_LOCALES.includes(locale);

const voiceIn = kept((locale: string) => createVoice(packedSpeech, locale));
const rendererIn = kept((locale: string) => createRenderer(answers, voiceIn(locale)));

/** The voice and renderer of a locale, or of en-GB for one not served. */
const servedOr = (locale?: string) => (isServed(locale) ? locale : DEFAULT_LOCALE);
export const voiceFor = (locale?: string) => voiceIn(servedOr(locale));
export const rendererFor = (locale?: string): Renderer => rendererIn(servedOr(locale));

export function turnFor(input: HandlerInput): Turn {
  const attributes = requestAttributes(input);
  if (!(attributes.turn instanceof Turn)) attributes.turn = new Turn(input, answers, rendererFor(getLocale(input.requestEnvelope) || undefined));
  return attributes.turn as Turn;
}

/** en-GB's voice and renderer: the page's own words, for the tools and the tests. */
export const voice = voiceFor(DEFAULT_LOCALE);
export const renderer = rendererFor(DEFAULT_LOCALE);
export { answers as content };
