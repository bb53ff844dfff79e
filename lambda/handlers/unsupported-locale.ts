/** A request in a locale the skill has no content for gets a plain explanation instead of the wrong language's model. */
import { getLocale, getRequestType, type RequestHandler } from 'ask-sdk-core';
import { turnFor, voice } from '../conversation/turn-for';

/** Locales with an interaction model and content. */
export const SERVED_LOCALES: readonly string[] = ['en-GB'];

export const UnsupportedLocaleHandler: RequestHandler = {
  canHandle: (input) => {
    if (getRequestType(input.requestEnvelope) === 'SessionEndedRequest') return false;
    const locale = getLocale(input.requestEnvelope);
    return Boolean(locale) && !SERVED_LOCALES.includes(locale);
  },
  handle: (input) => turnFor(input).respond({ kind: 'tell', speech: voice.ui('unsupportedLocale') }),
};
