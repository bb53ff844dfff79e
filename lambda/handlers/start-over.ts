/** "Start over": back to the main menu, the list of topics, with the history cleared. */
import { startOf } from '../conversation/place';
import { content, turnFor } from '../conversation/turn-for';
import { isIntent } from '../request/facts';
import type { SkillHandler } from '../request/handler';

export const StartOverHandler: SkillHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.StartOverIntent'),
  handle: (input) => {
    const turn = turnFor(input);
    turn.startOver();
    return turn.play(startOf(content.menu), { remember: false });
  },
};
