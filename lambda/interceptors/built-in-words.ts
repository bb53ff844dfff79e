/**
 * A slot-only sample ("{treatment}", "{position}") can catch words Alexa should treat as built-ins: a listener who says
 * "cancel" must leave, whatever the model heard. Before routing, such a request becomes the built-in
 * intent the word means, so every handler downstream sees what the listener meant.
 */
import type { HandlerInput } from 'ask-sdk-core';
import type { IntentRequest } from 'ask-sdk-model';
import { intentNameOf } from '../request/facts';

const BUILT_IN_WORDS: Readonly<Record<string, string>> = {
  help: 'AMAZON.HelpIntent',
  'help me': 'AMAZON.HelpIntent',
  stop: 'AMAZON.StopIntent',
  exit: 'AMAZON.StopIntent',
  quit: 'AMAZON.StopIntent',
  cancel: 'AMAZON.CancelIntent',
  repeat: 'AMAZON.RepeatIntent',
  'say that again': 'AMAZON.RepeatIntent',
  yes: 'AMAZON.YesIntent',
  yeah: 'AMAZON.YesIntent',
  yep: 'AMAZON.YesIntent',
  no: 'AMAZON.NoIntent',
  nope: 'AMAZON.NoIntent',
  next: 'AMAZON.NextIntent',
  more: 'AMAZON.NextIntent',
  previous: 'AMAZON.PreviousIntent',
  'go back': 'AMAZON.PreviousIntent',
  'start over': 'AMAZON.StartOverIntent',
  'start again': 'AMAZON.StartOverIntent',
  'never mind': 'AMAZON.CancelIntent',
  'forget it': 'AMAZON.CancelIntent',
  'shut up': 'AMAZON.StopIntent',
  'be quiet': 'AMAZON.StopIntent',
  "that's all": 'AMAZON.StopIntent',
  goodbye: 'AMAZON.StopIntent',
  bye: 'AMAZON.StopIntent',
  'no thanks': 'AMAZON.NoIntent',
  'no thank you': 'AMAZON.NoIntent',
  'yes please': 'AMAZON.YesIntent',
};

/** Words that end the session however they are followed: "stop it", "cancel that", "quit now". */
const LEAVING_WORDS: Readonly<Record<string, string>> = { stop: 'AMAZON.StopIntent', quit: 'AMAZON.StopIntent', exit: 'AMAZON.StopIntent', cancel: 'AMAZON.CancelIntent' };

/** "Stop." / "STOP" / " stop! " all mean stop. */
export const normaliseHeard = (text: string) => text.toLowerCase().replace(/[^a-z' ]+/g, ' ').replace(/\s+/g, ' ').trim();

/** Already as normaliseHeard leaves it, as Alexa's slot values mostly are: most requests skip its four passes. */
const NORMAL = /^[a-z']+(?: [a-z']+)*$/;

export function builtInIntentFor(heard: string): string | undefined {
  const words = NORMAL.test(heard) ? heard : normaliseHeard(heard);
  if (Object.hasOwn(BUILT_IN_WORDS, words)) return BUILT_IN_WORDS[words];
  const space = words.indexOf(' ');
  const first = space < 0 ? words : words.slice(0, space);
  return Object.hasOwn(LEAVING_WORDS, first) ? LEAVING_WORDS[first] : undefined;
}

/** Makes a request whose slot caught a built-in word the built-in intent it means (done as it arrives: arrival.ts). */
export function takeBuiltInWords(input: HandlerInput): void {
  // Any intent with a slot: the model has slot-only samples for tests, treatments and positions.
  if (!intentNameOf(input)) return;
  const request = input.requestEnvelope.request as IntentRequest;
  const slots = request.intent.slots ?? {};
  for (const name in slots) {
    const value = slots[name]?.value;
    const builtIn = typeof value === 'string' ? builtInIntentFor(value) : undefined;
    if (builtIn) {
      request.intent = { name: builtIn, confirmationStatus: 'NONE', slots: {} };
      return;
    }
  }
}
