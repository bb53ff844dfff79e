/** The session ended (the listener left, or an error on Alexa's side): nothing may be said, only logged. */
import { getRequestType } from '../request/ask-sdk';
import type { SessionEndedRequest } from 'ask-sdk-model';
import { log } from '../logging/log';
import { reportedErrorType } from '../request/facts';
import type { SkillHandler } from '../request/handler';

/** Alexa's reasons; anything else a client sends is logged as unknown. */
const REASONS = new Set(['USER_INITIATED', 'ERROR', 'EXCEEDED_MAX_REPROMPTS']);

export const SessionEndedHandler: SkillHandler = {
  canHandle: (input) => getRequestType(input.requestEnvelope) === 'SessionEndedRequest',
  handle: (input) => {
    const request = input.requestEnvelope.request as SessionEndedRequest;
    // Ended by an error on Alexa's side is worth an operator's eye; the listener leaving is not.
    const reason = REASONS.has(String(request.reason)) ? String(request.reason) : 'unknown';
    const error = request.error ? { message: reportedErrorType(request as unknown as Record<string, unknown>) } : {};
    log(reason === 'ERROR' ? 'warn' : 'info', { event: 'session-ended', reason, ...error });
    return input.responseBuilder.getResponse();
  },
};
