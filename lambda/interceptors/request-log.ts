/** One log line per request: its type, intent and how long it took. Never who asked or what they said. */
import type { HandlerInput, RequestInterceptor, ResponseInterceptor } from 'ask-sdk-core';
import { getRequestType } from 'ask-sdk-core';
import { intentNameOf } from '../handlers/request-facts';
import { log } from '../logging/log';

/** The request attribute that holds when the request arrived, for its duration. */
export const STARTED = 'requestStartedAt';

export const RequestTimerInterceptor: RequestInterceptor = {
  process: (input: HandlerInput) => {
    input.attributesManager.getRequestAttributes()[STARTED] = Date.now();
  },
};

export const RequestLogInterceptor: ResponseInterceptor = {
  process: (input, response) => {
    const started = input.attributesManager.getRequestAttributes()[STARTED];
    log('info', {
      event: 'request',
      requestType: getRequestType(input.requestEnvelope),
      intent: intentNameOf(input),
      outcome: response?.shouldEndSession === false ? 'open' : 'ended',
      durationMs: typeof started === 'number' ? Date.now() - started : undefined,
    });
  },
};
