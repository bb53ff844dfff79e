/**
 * Request envelopes shaped like the ones the Alexa service sends: session, context.System, and for
 * intents, slots with entity-resolution results (ER_SUCCESS_MATCH / ER_SUCCESS_NO_MATCH).
 */
import { randomUUID } from 'node:crypto';
import type { IntentRequest, RequestEnvelope, Slot } from 'ask-sdk-model';
import { APL_INTERFACE } from '../../lambda/display/display';
import { DISPLAY_TOKEN } from '../../lambda/display/document';
import { USER_EVENT } from '../../lambda/display/touch';

export interface Caller {
  skillId: string;
  userId: string;
  deviceId: string;
  locale: string;
  sessionId: string;
  /** A device with a screen: it declares APL, so every answer also carries a RenderDocument. Off by default, as on a speaker. */
  screen?: boolean;
}

export interface HeardSlot {
  name: string;
  /** What the listener said for the slot. */
  value: string;
  type: string;
  /** The slot value id it resolved to, if any. */
  id?: string;
  /** The value's canonical name, if it resolved. */
  canonical?: string;
}

function envelope(caller: Caller, isNew: boolean, attributes: Record<string, unknown>, request: RequestEnvelope['request']): RequestEnvelope {
  const application = { applicationId: caller.skillId };
  const user = { userId: caller.userId };
  // What an Echo Show declares; the skill only checks that the interface is there (lambda/display/display.ts).
  const supportedInterfaces = caller.screen ? { [APL_INTERFACE]: { runtime: { maxVersion: '2024.3' } } } : {};
  return {
    version: '1.0',
    session: { new: isNew, sessionId: caller.sessionId, application, attributes, user },
    context: {
      System: { application, user, device: { deviceId: caller.deviceId, supportedInterfaces }, apiEndpoint: 'https://api.eu.amazonalexa.com' },
    },
    request,
  };
}

const stamp = () => ({ requestId: `amzn1.echo-api.request.${randomUUID()}`, timestamp: new Date().toISOString() });

export function launchRequest(caller: Caller): RequestEnvelope {
  return envelope(caller, true, {}, { type: 'LaunchRequest', ...stamp(), locale: caller.locale });
}

function slotOf(caller: Caller, heard: HeardSlot): Slot {
  const authority = `amzn1.er-authority.echo-sdk.${caller.skillId}.${heard.type}`;
  return {
    name: heard.name,
    value: heard.value,
    confirmationStatus: 'NONE',
    resolutions: {
      resolutionsPerAuthority: [
        heard.id
          ? { authority, status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: { name: heard.canonical ?? heard.value, id: heard.id } }] }
          : { authority, status: { code: 'ER_SUCCESS_NO_MATCH' }, values: [] },
      ],
    },
  };
}

export function intentRequest(
  caller: Caller,
  isNew: boolean,
  attributes: Record<string, unknown>,
  name: string,
  slots: HeardSlot[] = [],
  emptySlots: string[] = [],
): RequestEnvelope {
  const intentSlots: Record<string, Slot> = {};
  for (const empty of emptySlots) intentSlots[empty] = { name: empty, value: undefined as unknown as string, confirmationStatus: 'NONE' };
  for (const heard of slots) intentSlots[heard.name] = slotOf(caller, heard);
  const request: IntentRequest = {
    type: 'IntentRequest',
    ...stamp(),
    locale: caller.locale,
    dialogState: 'COMPLETED',
    intent: { name, confirmationStatus: 'NONE', slots: intentSlots },
  };
  return envelope(caller, isNew, attributes, request);
}

export function sessionEndedRequest(caller: Caller, attributes: Record<string, unknown>, reason: 'USER_INITIATED' | 'EXCEEDED_MAX_REPROMPTS' = 'USER_INITIATED'): RequestEnvelope {
  return envelope(caller, false, attributes, { type: 'SessionEndedRequest', ...stamp(), locale: caller.locale, reason });
}

/** A touch on an item of the screen's list, as the device sends it: the document's SendEvent arguments, ["item", id]. */
export function userEventRequest(caller: Caller, attributes: Record<string, unknown>, args: unknown[]): RequestEnvelope {
  const request = { type: USER_EVENT, ...stamp(), locale: caller.locale, token: DISPLAY_TOKEN, arguments: args, source: { type: 'TouchWrapper', handler: 'Press' } };
  return envelope(caller, false, attributes, request as unknown as RequestEnvelope['request']);
}
