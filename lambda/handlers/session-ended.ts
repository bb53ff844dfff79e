/** The session ended (the listener left, or an error on Alexa's side): nothing may be said, only logged. */
import { getRequestType } from '../request/ask-sdk';
import type { SessionEndedRequest } from 'ask-sdk-model';
import { log } from '../logging/log';
import type { SkillHandler } from '../request/handler';

export const SessionEndedHandler: SkillHandler = {
  canHandle: (input) => getRequestType(input.requestEnvelope) === 'SessionEndedRequest',
  handle: (input) => {
    const request = input.requestEnvelope.request as SessionEndedRequest;
    // Ended by an error on Alexa's side is worth an operator's eye; the listener leaving is not.
    log(request.reason === 'ERROR' ? 'warn' : 'info', { event: 'session-ended', reason: String(request.reason ?? 'unknown'), ...(request.error ? { message: String(request.error.type) } : {}) });
    return input.responseBuilder.getResponse();
  },
};
