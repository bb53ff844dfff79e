/** What handlers may know about a request without digging in the envelope, through the SDK's helpers. */
import { getIntentName, getRequestType, type HandlerInput } from 'ask-sdk-core';

export function isIntent(input: HandlerInput, ...names: string[]): boolean {
  return getRequestType(input.requestEnvelope) === 'IntentRequest' && names.includes(getIntentName(input.requestEnvelope));
}

/** The intent name, or undefined for other request types. Safe on any envelope. */
export function intentNameOf(input: HandlerInput): string | undefined {
  return getRequestType(input.requestEnvelope) === 'IntentRequest' ? getIntentName(input.requestEnvelope) : undefined;
}
