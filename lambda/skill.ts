/**
 * The wiring: handlers in the order they are tried, the catch-all last, one error handler.
 * Specific before general: the locale guard first, the fallback (any other intent) and the catch-all
 * (any other request type) last.
 */
import type { RequestHandler, Skill } from 'ask-sdk-core';
import { SkillBuilders } from './request/ask-sdk';
import { SkillErrorHandler } from './errors/error-handler';
import { ChooseItemHandler } from './handlers/choose-item';
import { DeviceErrorHandler } from './handlers/device-errors';
import { ReadAllHandler } from './handlers/read-all';
import { EmergencyHandler } from './handlers/emergency';
import { ExitHandler } from './handlers/exit';
import { FallbackHandler } from './handlers/fallback';
import { HelpHandler } from './handlers/help';
import { HonestIntentHandler } from './handlers/honest-intents';
import { ItemIntentHandler } from './handlers/item-intents';
import { LaunchHandler } from './handlers/launch';
import { NoHandler } from './handlers/no';
import { PaceHandler } from './handlers/pace';
import { PreviousHandler } from './handlers/previous';
import { RepeatHandler } from './handlers/repeat';
import { SessionEndedHandler } from './handlers/session-ended';
import { StartOverHandler } from './handlers/start-over';
import { TopicIntentHandler } from './handlers/topic-intents';
import { TouchHandler } from './handlers/touch';
import { UnhandledRequestHandler } from './handlers/unhandled-request';
import { UnsupportedLocaleHandler } from './handlers/unsupported-locale';
import { NextHandler, YesHandler } from './handlers/yes-next';
import { ArrivalInterceptor } from './interceptors/arrival';
import { preferenceInterceptors } from './interceptors/preferences';
import { RequestLogInterceptor } from './interceptors/request-log';
import { logsAt } from './logging/log';
import type { PreferencesStore } from './persistence/store';
import type { SkillHandler } from './request/handler';

export interface SkillOptions {
  /** When set, requests for any other skill are refused (the SDK checks the application id). */
  skillId?: string;
  /** Where the listener's pace is remembered between visits; without one, every visit starts afresh. */
  preferences?: PreferencesStore;
  /** How long the store may take before the answer goes ahead without it. */
  storeTimeoutMs?: number;
}

export const REQUEST_HANDLERS: readonly SkillHandler[] = [
  UnsupportedLocaleHandler,
  LaunchHandler,
  EmergencyHandler,
  TopicIntentHandler,
  ItemIntentHandler,
  HonestIntentHandler,
  ChooseItemHandler,
  TouchHandler,
  ReadAllHandler,
  PaceHandler,
  YesHandler,
  NoHandler,
  NextHandler,
  PreviousHandler,
  RepeatHandler,
  StartOverHandler,
  HelpHandler,
  ExitHandler,
  SessionEndedHandler,
  DeviceErrorHandler,
  FallbackHandler,
  UnhandledRequestHandler,
];

/**
 * What the SDK sees: one handler that tries ours in order. Each of ours decides at once, so the first that can handle
 * the request is found in one pass; given the list itself, the SDK would await every canHandle in turn (a microtask
 * each, up to 22 of them, which was a tenth of a warm request). The catch-all comes last, so one is always found.
 */
const InOrder: RequestHandler = {
  canHandle: () => true,
  handle: (input) => (REQUEST_HANDLERS.find((handler) => handler.canHandle(input)) ?? UnhandledRequestHandler).handle(input),
};

export function buildSkill(options: SkillOptions = {}): Skill {
  const builder = SkillBuilders.custom()
    .addRequestHandlers(InOrder)
    .addErrorHandlers(SkillErrorHandler)
    .withCustomUserAgent('bone-secondaries-guide');
  // The time noted (for the error line's duration at any level, the request line's at info) and built-in words taken.
  builder.addRequestInterceptors(ArrivalInterceptor);
  if (options.preferences) {
    const { load, save } = preferenceInterceptors(options.preferences, options.storeTimeoutMs);
    builder.addRequestInterceptors(load).addResponseInterceptors(save);
  }
  // A line a request only when it would be written: decided once, as a Lambda container's environment is fixed.
  if (logsAt('info')) builder.addResponseInterceptors(RequestLogInterceptor);
  if (options.skillId) builder.withSkillId(options.skillId);
  return builder.create();
}
