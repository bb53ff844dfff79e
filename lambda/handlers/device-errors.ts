/**
 * The device reports an error: a screen's document failed (Alexa.Presentation.APL.RuntimeError), or Alexa could not
 * use the skill's last response (System.ExceptionEncountered). The listener asked nothing, so nothing is said, and the
 * conversation is left as it was: a question they were about to answer still stands. Amazon's docs: a response to
 * System.ExceptionEncountered may not carry speech or directives. Only the error's type is logged.
 */
import { getRequestType } from '../request/ask-sdk';
import { log } from '../logging/log';
import type { SkillHandler } from '../request/handler';

const DEVICE_ERRORS = new Set(['Alexa.Presentation.APL.RuntimeError', 'System.ExceptionEncountered']);

/** The error's type as the request gives it ("LIST_INDEX_OUT_OF_RANGE"), if it is a short word; never its message. */
function errorTypeOf(request: Record<string, unknown>): string {
  const error = (request.error ?? (Array.isArray(request.errors) ? request.errors[0] : undefined)) as { type?: unknown } | undefined;
  return typeof error?.type === 'string' && /^[A-Za-z_.]{1,60}$/.test(error.type) ? error.type : 'unknown';
}

export const DeviceErrorHandler: SkillHandler = {
  canHandle: (input) => DEVICE_ERRORS.has(getRequestType(input.requestEnvelope)),
  handle: (input) => {
    const request = input.requestEnvelope.request as unknown as Record<string, unknown>;
    log('warn', { event: 'device-error', requestType: getRequestType(input.requestEnvelope), reason: errorTypeOf(request) });
    return input.responseBuilder.getResponse();
  },
};
