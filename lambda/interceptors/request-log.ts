/**
 * One log line per request: its type, whether the session goes on, and how long it took. Never who asked, nor what
 * they asked or said: not even the intent name, which is what was asked ("CrisisIntent" says someone spoke of suicide).
 */
import type { HandlerInput, RequestInterceptor, ResponseInterceptor } from 'ask-sdk-core';
import { getRequestType } from '../request/ask-sdk';
import { requestAttributes } from '../request/attributes';
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
      outcome: response?.shouldEndSession === false ? 'open' : 'ended',
      durationMs: typeof started === 'number' ? Date.now() - started : undefined,
    });
  },
};
