/** The session ended (the listener left, or an error on Alexa's side): nothing may be said, only logged. */
import { getRequestType, type RequestHandler } from 'ask-sdk-core';
import type { SessionEndedRequest } from 'ask-sdk-model';
import { log } from '../logging/log';

export const SessionEndedHandler: RequestHandler = {
  canHandle: (input) => getRequestType(input.requestEnvelope) === 'SessionEndedRequest',
  handle: (input) => {
    const request = input.requestEnvelope.request as SessionEndedRequest;
    log('info', { event: 'session-ended', reason: String(request.reason ?? 'unknown'), ...(request.error ? { message: String(request.error.type) } : {}) });
    return input.responseBuilder.getResponse();
  },
};
