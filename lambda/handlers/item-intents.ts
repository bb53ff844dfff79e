/**
 * Drill-down into one test or treatment, named by a slot. The slot is read through entity resolution,
 * so every synonym in the interaction model lands on one content id; what does not resolve gets an
 * answer naming what the skill does know.
 */
import { getSlot, type HandlerInput, type RequestHandler } from 'ask-sdk-core';
import type { Slot } from 'ask-sdk-model';
import type { ListEntry } from '../content/types';
import { startOf } from '../conversation/place';
import { content, turnFor, voice } from '../conversation/turn-for';
import { spokenList } from '../speech/phrases';
import { escapeText } from '../speech/ssml';
import { intentNameOf } from './request-facts';

/** Intent → its slot and the list whose items the slot names. */
export const ITEM_INTENTS: Readonly<Record<string, { slot: string; list: string }>> = {
  TestDetailIntent: { slot: 'test', list: 'tests' },
  TreatmentDetailIntent: { slot: 'treatment', list: 'treatments' },
};

/** Heard text is echoed back, escaped and cut short: it is whatever the listener (or a bad request) said. */
const MAX_ECHO_CHARS = 60;

/** The id entity resolution matched, from any authority (the custom slot type comes first). */
export function resolvedId(slot: Slot | null | undefined): string | undefined {
  for (const authority of slot?.resolutions?.resolutionsPerAuthority ?? []) {
    if (authority.status?.code === 'ER_SUCCESS_MATCH') {
      const id = authority.values?.[0]?.value?.id;
      if (typeof id === 'string') return id;
    }
  }
  return undefined;
}

function answerItem(input: HandlerInput, intent: string) {
  const { slot: slotName, list: listId } = ITEM_INTENTS[intent];
  const turn = turnFor(input);
  const list = content.entries[listId] as ListEntry;
  const slot = getSlot(input.requestEnvelope, slotName);
  const heard = typeof slot?.value === 'string' ? slot.value.trim() : '';
  if (!heard) return turn.play(startOf(listId));

  const id = resolvedId(slot);
  const target = id && (list.items.includes(id) ? id : Object.hasOwn(list.alsoAnswers, id) ? list.alsoAnswers[id] : undefined);
  if (target) return turn.play(startOf(target));

  const names = list.items.map((item) => voice.say(content.entries[item].name));
  return turn.respond({
    kind: 'ask',
    speech: voice.ui('unknownItem', { heard: escapeText(heard.slice(0, MAX_ECHO_CHARS)), noun: voice.say(list.noun.many), items: spokenList(names) }),
    question: voice.ui('unknownItemQuestion'),
    reprompt: voice.ui('listChooseReprompt', { example: names[1] ?? names[0] }),
  });
}

export const ItemIntentHandler: RequestHandler = {
  canHandle: (input) => Object.hasOwn(ITEM_INTENTS, intentNameOf(input) ?? ''),
  handle: (input) => answerItem(input, intentNameOf(input) as string),
};
