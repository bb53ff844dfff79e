/**
 * The safety net: someone who sounds as if they need urgent help hears at once that the skill cannot
 * help in an emergency, the emergency number for their country, and the page's own advice to contact
 * their doctor or specialist nurse. The session ends so nothing stands between them and the phone;
 * the skill never places a call.
 */
import type { RequestHandler } from 'ask-sdk-core';
import { turnFor, voice } from '../conversation/turn-for';
import { isIntent } from './request-facts';

export const EMERGENCY_INTENT = 'EmergencyIntent';

export const EmergencyHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, EMERGENCY_INTENT),
  handle: (input) => {
    const turn = turnFor(input);
    return turn.respond({ kind: 'tell', speech: voice.ui('emergencyNow', { number: voice.emergencyNumber(turn.locale) }) });
  },
};
