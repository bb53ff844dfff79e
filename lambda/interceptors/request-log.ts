/** One log line per request: its type, intent and how long it took. Never who asked or what they said. */
import type { HandlerInput, RequestInterceptor, ResponseInterceptor } from 'ask-sdk-core';
import { getRequestType } from 'ask-sdk-core';
import { requestAttributes } from '../request/attributes';
import { intentNameOf } from '../request/facts';
import { log } from '../logging/log';

export const RequestTimerInterceptor: RequestInterceptor = {
  process: (input: HandlerInput) => {
    requestAttributes(input).startedAt = Date.now();
  },
};

export const RequestLogInterceptor: ResponseInterceptor = {
  process: (input, response) => {
    const started = requestAttributes(input).startedAt;
    log('info', {
      event: 'request',
      requestType: getRequestType(input.requestEnvelope),
      intent: intentNameOf(input),
      outcome: response?.shouldEndSession === false ? 'open' : 'ended',
      durationMs: typeof started === 'number' ? Date.now() - started : undefined,
    });
  },
};
