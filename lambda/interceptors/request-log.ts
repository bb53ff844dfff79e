/**
 * One log line per request: its type, whether the session goes on, and how long it took. Never who asked, nor what
 * they asked or said: not even the intent name, which is what was asked ("CrisisIntent" says someone spoke of suicide).
 */
import type { HandlerInput, ResponseInterceptor } from 'ask-sdk-core';
import { getRequestType } from '../request/ask-sdk';
import { requestAttributes } from '../request/attributes';
import { log } from '../logging/log';

/** Notes when the request arrived, for the duration on its line, or on its error's (done as it arrives: arrival.ts). */
export function noteArrival(input: HandlerInput): void {
  requestAttributes(input).startedAt = Date.now();
}

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
