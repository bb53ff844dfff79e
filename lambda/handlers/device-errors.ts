/**
 * The device reports an error: a screen's document failed (Alexa.Presentation.APL.RuntimeError), or Alexa could not
 * use the skill's last response (System.ExceptionEncountered). The listener asked nothing, so nothing is said, and the
 * conversation is left as it was: a question they were about to answer still stands. Amazon's docs: a response to
 * System.ExceptionEncountered may not carry speech or directives. Only the error's type is logged.
 */
import { getRequestType } from '../request/ask-sdk';
import { log } from '../logging/log';
import { reportedErrorType } from '../request/facts';
import type { SkillHandler } from '../request/handler';

const DEVICE_ERRORS = new Set(['Alexa.Presentation.APL.RuntimeError', 'System.ExceptionEncountered']);

export const DeviceErrorHandler: SkillHandler = {
  canHandle: (input) => DEVICE_ERRORS.has(getRequestType(input.requestEnvelope)),
  handle: (input) => {
    const request = input.requestEnvelope.request as unknown as Record<string, unknown>;
    log('warn', { event: 'device-error', requestType: getRequestType(input.requestEnvelope), reason: reportedErrorType(request) });
    return input.responseBuilder.getResponse();
  },
};
