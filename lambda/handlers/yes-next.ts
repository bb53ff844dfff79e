/**
 * "Yes" accepts whatever the last reply offered (nothing, if it offered nothing). "Next" / "more" goes on
 * from the last content answer: its next part, the next three of a list, the next item — even after a
 * detour through "speak slower", "no" or help, whose "yes" would mean something else.
 */
import { turnFor } from '../conversation/turn-for';
import { isIntent } from '../request/facts';
import type { SkillHandler } from '../request/handler';

export const YesHandler: SkillHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.YesIntent'),
  handle: (input) => {
    const turn = turnFor(input);
    return turn.offer ? turn.play(turn.offer) : turn.say({ say: 'prompt', key: 'yesWithoutOffer' });
  },
};

export const NextHandler: SkillHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.NextIntent'),
  handle: (input) => {
    const turn = turnFor(input);
    const next = turn.continuation();
    return next ? turn.play(next) : turn.say({ say: 'prompt', key: 'nothingNext' });
  },
};
