/**
 * The ASK SDK's run-time parts the skill uses, taken from the package once. In the Lambda bundle each module that
 * imports a CommonJS package gets its own interop copy of all of its exports (esbuild's `__toESM`: 41 getters, and
 * every call goes through two of them), so fifteen modules importing ask-sdk-core cost about a millisecond of
 * each cold start and a little of every request. Types still come from 'ask-sdk-core' itself: they are erased.
 * eslint.config.mjs keeps it so.
 */
import * as askSdk from 'ask-sdk-core';

export const { getIntentName, getLocale, getRequestType, getSlot, getSupportedInterfaces, getUserId, SkillBuilders } = askSdk;
