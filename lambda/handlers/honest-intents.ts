/**
 * Questions the page does not answer ("what is a scan like", "what are the side effects of chemo", "could my spine
 * break"): one honest sentence that it does not say, then what it does say. Table-driven, like the topics: a new
 * kind of question is a content file in content/unanswered/, an intent in the model and one row here.
 */
import type { HandlerInput } from 'ask-sdk-core';
import { startOf } from '../conversation/place';
import { turnFor } from '../conversation/turn-for';
import { ITEM_INTENTS, itemInSlot } from './item-intents';
import { intentNameOf } from '../request/facts';
import type { SkillHandler } from '../request/handler';

/** Intent → its answer in content/unanswered/, and the test or treatment slot it may carry. */
export const HONEST_INTENTS: Readonly<Record<string, { entry: string; item?: { slot: string; list: string } }>> = {
  TestExperienceIntent: { entry: 'test-experience', item: ITEM_INTENTS.TestDetailIntent },
  SideEffectsIntent: { entry: 'side-effects', item: ITEM_INTENTS.TreatmentDetailIntent },
  FractureRiskIntent: { entry: 'fracture-risk' },
  NotCoveredIntent: { entry: 'not-covered', item: ITEM_INTENTS.TreatmentDetailIntent },
};

function answerHonestly(input: HandlerInput, intent: string) {
  const { entry, item } = HONEST_INTENTS[intent];
  const turn = turnFor(input);
  const named = item ? itemInSlot(input, item.slot, item.list).target : undefined;
  if (!named) return turn.play(startOf(entry));
  // A test or treatment was named: what the page does not say about it, then what it does, from its own answer.
  return turn.play({ ...startOf(named), lead: entry });
}

export const HonestIntentHandler: SkillHandler = {
  canHandle: (input) => Object.hasOwn(HONEST_INTENTS, intentNameOf(input) ?? ''),
  handle: (input) => answerHonestly(input, intentNameOf(input) as string),
};
