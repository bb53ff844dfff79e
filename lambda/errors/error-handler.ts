/**
 * The one error handler: whatever went wrong, the listener hears a short apology and can carry on, and
 * the log gets the stack (never the request's user, device or words). No exception ever reaches Alexa.
 */
import { getRequestType, type ErrorHandler } from 'ask-sdk-core';
import { turnFor, voice } from '../conversation/turn-for';
import { intentNameOf } from '../handlers/request-facts';
import { log } from '../logging/log';
import { joinSsml } from '../speech/ssml';

export const SkillErrorHandler: ErrorHandler = {
  canHandle: () => true,
  handle: (input, error) => {
    let requestType: string | undefined;
    let intent: string | undefined;
    try {
      requestType = getRequestType(input.requestEnvelope);
      intent = intentNameOf(input);
    } catch {
      // A malformed envelope: log what we can.
    }
    log('error', { event: 'error', requestType, intent, message: error.message, stack: error.stack });
    try {
      return turnFor(input).respond({ kind: 'ask', speech: voice.ui('error'), question: voice.ui('welcomeQuestion'), reprompt: voice.ui('genericReprompt') });
    } catch {
      // The conversation itself failed: answer with the bare builder, still inviting another try.
      return input.responseBuilder.speak(joinSsml(voice.ui('error'), voice.ui('welcomeQuestion'))).reprompt(voice.ui('genericReprompt')).withShouldEndSession(false).getResponse();
    }
  },
};
