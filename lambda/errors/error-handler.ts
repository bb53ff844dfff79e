/**
 * The one error handler: whatever went wrong, the listener hears a short apology and can carry on, and
 * the log gets the stack (never the request's user, device, intent or words). No exception ever reaches Alexa.
 */
import type { ErrorHandler } from 'ask-sdk-core';
import { getRequestType } from '../request/ask-sdk';
import { renderer, turnFor } from '../conversation/turn-for';
import { requestAttributes } from '../request/attributes';
import { log } from '../logging/log';
import { joinSpoken } from '../speech/spoken';

export const SkillErrorHandler: ErrorHandler = {
  canHandle: () => true,
  handle: (input, error) => {
    let requestType: string | undefined;
    try {
      requestType = getRequestType(input.requestEnvelope);
    } catch {
      // A malformed envelope: log what we can.
    }
    const started = requestAttributes(input).startedAt;
    const durationMs = typeof started === 'number' ? Date.now() - started : undefined;
    // The error line stands for the request line this request will not get: same fields, plus the stack.
    log('error', { event: 'error', requestType, outcome: 'error', durationMs, message: error.message, stack: error.stack });
    try {
      return turnFor(input).say({ say: 'prompt', key: 'error' });
    } catch {
      // The conversation itself failed: the same words through the bare builder, still inviting another try.
      const reply = renderer.prompt('error');
      return input.responseBuilder.speak(joinSpoken(reply.speech, reply.question).ssml).reprompt(reply.reprompt.ssml).withShouldEndSession(false).getResponse();
    }
  },
};
