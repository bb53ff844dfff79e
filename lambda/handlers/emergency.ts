/**
 * The safety net: someone who sounds as if they need urgent help hears first the emergency number for their
 * country, then that the skill cannot call anyone, and the page's own advice to contact their doctor or
 * specialist nurse; then an offer, not a push, of what the page says about managing symptoms. Thoughts of
 * suicide or self-harm get the crisis line first instead, then the emergency number, and no such offer
 * (conversation/screens.ts). The skill never places a call. "Repeat" says it all again.
 */
import { screen } from '../conversation/screens';
import { turnFor } from '../conversation/turn-for';
import { isIntent } from '../request/facts';
import type { SkillHandler } from '../request/handler';

export const EMERGENCY_INTENT = 'EmergencyIntent';
/** Thoughts of suicide or self-harm: an intent of its own, answered with the crisis line, then 999. */
export const CRISIS_INTENT = 'CrisisIntent';

export const EmergencyHandler: SkillHandler = {
  canHandle: (input) => isIntent(input, EMERGENCY_INTENT) || isIntent(input, CRISIS_INTENT),
  handle: (input) => turnFor(input).play(screen(isIntent(input, CRISIS_INTENT) ? 'crisis' : 'emergency')),
};
