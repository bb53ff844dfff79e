/** What handlers may know about a request without digging in the envelope, through the SDK's helpers. */
import { getIntentName, getRequestType, type HandlerInput } from 'ask-sdk-core';

export function isIntent(input: HandlerInput, ...names: string[]): boolean {
  const name = intentNameOf(input);
  return name !== undefined && names.includes(name);
}

/** The intent name, or undefined for other request types and for an intent request that names none. */
export function intentNameOf(input: HandlerInput): string | undefined {
  if (getRequestType(input.requestEnvelope) !== 'IntentRequest') return undefined;
  const request = input.requestEnvelope.request as { intent?: { name?: unknown } };
  return typeof request.intent?.name === 'string' ? getIntentName(input.requestEnvelope) : undefined;
}
