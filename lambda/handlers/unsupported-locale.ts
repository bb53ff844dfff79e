/** A request in a locale the skill has no content for gets a plain explanation instead of the wrong language's model. */
import { getLocale, getRequestType } from '../request/ask-sdk';
import { isServed, turnFor } from '../conversation/turn-for';
import type { SkillHandler } from '../request/handler';

export const UnsupportedLocaleHandler: SkillHandler = {
  canHandle: (input) => {
    // Nothing can be said at the end of a session, or to an event outside one.
    if (getRequestType(input.requestEnvelope) === 'SessionEndedRequest' || !input.requestEnvelope.session) return false;
    const locale = getLocale(input.requestEnvelope);
    return Boolean(locale) && !isServed(locale);
  },
  handle: (input) => turnFor(input).say({ say: 'unsupportedLocale' }),
};
