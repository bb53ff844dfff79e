/** "Go back": the answer before this one; at the very start, why there is none (once), then the topics. */
import { samePlace, startOf } from '../conversation/place';
import { content, turnFor } from '../conversation/turn-for';
import { isIntent } from '../request/facts';
import type { SkillHandler } from '../request/handler';

export const PreviousHandler: SkillHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.PreviousIntent'),
  handle: (input) => {
    const turn = turnFor(input);
    const before = turn.goBack();
    if (before) return turn.play(before, { remember: false });
    // Said just now, the reason need not be said again: only the offer of the topics.
    const explained = samePlace(turn.offer, startOf(content.menu)) && !turn.at;
    return turn.say({ say: 'nothingBefore', explained });
  },
};
