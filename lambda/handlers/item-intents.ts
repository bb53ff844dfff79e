/**
 * Drill-down into one test or treatment, named by a slot. The slot is read through entity resolution,
 * so every synonym in the interaction model lands on one content id; what does not resolve gets an
 * answer naming what the skill does know.
 */
import type { HandlerInput } from 'ask-sdk-core';
import { getSlot } from '../request/ask-sdk';
import type { AnswerList } from '../content/types';
import { startOf } from '../conversation/place';
import { termPlaceIn } from '../content/terms';
import { content, turnFor, voice } from '../conversation/turn-for';
import { textOf } from '../speech/ssml';
import { intentNameOf, resolvedId } from '../request/facts';
import type { SkillHandler } from '../request/handler';

/** Intent → its slot and the list whose items the slot names. */
export const ITEM_INTENTS: Readonly<Record<string, { slot: string; list: string }>> = {
  TestDetailIntent: { slot: 'test', list: 'tests' },
  TreatmentDetailIntent: { slot: 'treatment', list: 'treatments' },
};

/** A list the tables above name: the content compiler checks it exists and is a list. */
function listNamed(id: string): AnswerList {
  const list = content.entries[id];
  if (list.kind !== 'list') throw new Error(`'${id}' is not a list`);
  return list;
}

const plainName = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').replace(/^(a|an|the) /, '').trim();

/**
 * Two intents take a slot on their own ("{test}", "{treatment}"), so Alexa may put a treatment's name in
 * the test slot, where it cannot resolve. An unresolved value that is exactly the name of a test or
 * treatment the content has, or of a thing a list also answers (painkillers, radiotherapy, denosumab), is
 * answered as that, not as unknown.
 */
function itemNamed(heard: string): string | undefined {
  const wanted = plainName(heard);
  for (const { list: listId } of Object.values(ITEM_INTENTS)) {
    const list = listNamed(listId);
    const found = [...list.items, ...Object.values(list.alsoAnswers)].find((id) => {
      return [textOf(voice.entry(id).name.ssml), content.entries[id].title, id].some((name) => plainName(name) === wanted);
    });
    if (found) return found;
  }
  return undefined;
}

/** What a test or treatment slot named: the words heard, and the entry that answers them if the content has one. */
export function itemInSlot(input: HandlerInput, slotName: string, listId: string): { heard: string; target?: string } {
  const list = listNamed(listId);
  const slot = getSlot(input.requestEnvelope, slotName);
  const heard = typeof slot?.value === 'string' ? slot.value.trim() : '';
  if (!heard) return { heard };
  const id = resolvedId(slot);
  return { heard, target: id ? (list.items.includes(id) ? id : Object.hasOwn(list.alsoAnswers, id) ? list.alsoAnswers[id] : undefined) : itemNamed(heard) };
}

function answerItem(input: HandlerInput, intent: string) {
  const { slot: slotName, list: listId } = ITEM_INTENTS[intent];
  const turn = turnFor(input);
  const { heard, target } = itemInSlot(input, slotName, listId);
  if (!heard) return turn.play(startOf(listId));
  if (target) return turn.play(startOf(target));

  // Not a test or treatment, but a hard word the page uses ("what is hypercalcaemia", "the femur"): the page's first
  // sentence with it, so the first thing heard is what the page says about it.
  const term = termPlaceIn(content, heard);
  if (term) return turn.play({ id: term.id, step: term.step });
  // Not known: say so briefly (what was heard, escaped and cut short where it is rendered), then read the list
  // three at a time, so "next", "the second one" or a name work.
  return turn.play(startOf(listId), { unknownItem: heard });
}

export const ItemIntentHandler: SkillHandler = {
  canHandle: (input) => Object.hasOwn(ITEM_INTENTS, intentNameOf(input) ?? ''),
  handle: (input) => answerItem(input, intentNameOf(input) as string),
};
