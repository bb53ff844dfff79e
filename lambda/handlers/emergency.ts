/**
 * The safety net: someone who sounds as if they need urgent help hears at once that the skill cannot
 * help in an emergency, the emergency number for their country, and the page's own advice to contact
 * their doctor or specialist nurse. The skill never places a call. It then offers, but does not push,
 * what the page says about managing symptoms: pain is the most common symptom, and someone who said
 * "I'm in a lot of pain" may want exactly that.
 */
import type { RequestHandler } from 'ask-sdk-core';
import { startOf } from '../conversation/place';
import { content, turnFor, voice } from '../conversation/turn-for';
import { isIntent } from './request-facts';

export const EMERGENCY_INTENT = 'EmergencyIntent';
/** What the follow-up offers. */
const AFTER_EMERGENCY = 'symptom-relief';

export const EmergencyHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, EMERGENCY_INTENT),
  handle: (input) => {
    const turn = turnFor(input);
    return turn.respond(
      {
        kind: 'ask',
        speech: voice.ui('emergencyNow', { number: voice.emergencyNumber(turn.locale) }),
        question: voice.ui('emergencyQuestion'),
        reprompt: voice.ui('offerReprompt', { name: voice.say(content.entries[AFTER_EMERGENCY].name) }),
      },
      { offer: startOf(AFTER_EMERGENCY) },
    );
  },
};
