/**
 * What the skill may know about a request without digging in the envelope, through the SDK's helpers: the
 * ground floor that handlers, interceptors and the error handler all stand on.
 */
import { getIntentName, getRequestType, type HandlerInput } from 'ask-sdk-core';
import type { Slot, slu } from 'ask-sdk-model';

export function isIntent(input: HandlerInput, ...names: string[]): boolean {
  const name = intentNameOf(input);
  return name !== undefined && names.includes(name);
}

/** The requests that change the pace: the pace handler answers them, and the preferences store must know them. */
export const PACE_INTENT_NAMES = ['SpeakSlowerIntent', 'SpeakFasterIntent', 'NormalSpeedIntent'] as const;
export type PaceIntentName = (typeof PACE_INTENT_NAMES)[number];

/** "Slower", "faster" or "normal speed". */
export const isPaceRequest = (input: HandlerInput): boolean => isIntent(input, ...PACE_INTENT_NAMES);

/**
 * Every handler's canHandle asks for the intent name, so it is read once an intent: keyed on the intent object, so
 * an interceptor that replaces the intent (interceptors/built-in-words.ts) is seen at once.
 */
const namesRead = new WeakMap<object, string | undefined>();

/** The intent name, or undefined for other request types and for an intent request that names none. */
export function intentNameOf(input: HandlerInput): string | undefined {
  if (getRequestType(input.requestEnvelope) !== 'IntentRequest') return undefined;
  const intent = (input.requestEnvelope.request as { intent?: { name?: unknown } }).intent;
  if (typeof intent !== 'object' || intent === null) return undefined;
  if (!namesRead.has(intent)) namesRead.set(intent, typeof intent.name === 'string' ? getIntentName(input.requestEnvelope) : undefined);
  return namesRead.get(intent);
}

/** The id entity resolution matched, from any authority (the custom slot type comes first). */
export function resolvedId(slot: Slot | null | undefined): string | undefined {
  const authorities = slot?.resolutions?.resolutionsPerAuthority;
  // Typed as always there, but a request is only JSON: an authority may be null.
  for (const authority of (Array.isArray(authorities) ? authorities : []) as (slu.entityresolution.Resolution | null | undefined)[]) {
    if (authority?.status?.code === 'ER_SUCCESS_MATCH') {
      const id = authority.values?.[0]?.value?.id;
      if (typeof id === 'string') return id;
    }
  }
  return undefined;
}
