/**
 * The wiring: handlers in the order they are tried, the catch-all last, one error handler.
 * Specific before general: the locale guard first, the fallback (any other intent) and the catch-all
 * (any other request type) last.
 */
import { type Skill, SkillBuilders } from 'ask-sdk-core';
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
import { BuiltInWordsInterceptor } from './interceptors/built-in-words';
import { preferenceInterceptors } from './interceptors/preferences';
import { RequestLogInterceptor, RequestTimerInterceptor } from './interceptors/request-log';
import type { PreferencesStore } from './persistence/store';

export interface SkillOptions {
  /** When set, requests for any other skill are refused (the SDK checks the application id). */
  skillId?: string;
  /** Where the listener's pace is remembered between visits; without one, every visit starts afresh. */
  preferences?: PreferencesStore;
  /** How long the store may take before the answer goes ahead without it. */
  storeTimeoutMs?: number;
}

export const REQUEST_HANDLERS = [
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

export function buildSkill(options: SkillOptions = {}): Skill {
  const builder = SkillBuilders.custom()
    .addRequestHandlers(...REQUEST_HANDLERS)
    .addErrorHandlers(SkillErrorHandler)
    .addRequestInterceptors(RequestTimerInterceptor, BuiltInWordsInterceptor)
    .withCustomUserAgent('bone-secondaries-guide');
  if (options.preferences) {
    const { load, save } = preferenceInterceptors(options.preferences, options.storeTimeoutMs);
    builder.addRequestInterceptors(load).addResponseInterceptors(save);
  }
  builder.addResponseInterceptors(RequestLogInterceptor);
  if (options.skillId) builder.withSkillId(options.skillId);
  return builder.create();
}
