/**
 * What one request carries from its interceptors to its handlers and back, by name and type. Nothing else is
 * kept in the SDK's request attributes, and they last one request: nothing here is remembered.
 */
import type { HandlerInput } from 'ask-sdk-core';

export interface RequestAttributes {
  /** When the request arrived (ms), for the duration logged with it. */
  startedAt?: number;
  /** When the preferences store's one budget for this request runs out (ms): the read and the save share it. */
  storeDeadline?: number;
  /** The request's conversation turn, made once (conversation/turn-for.ts checks what it is). */
  turn?: unknown;
}

export function requestAttributes(input: HandlerInput): RequestAttributes {
  return input.attributesManager.getRequestAttributes() as RequestAttributes;
}
