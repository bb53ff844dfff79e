/** "Repeat": the last real answer again, exactly; after a "sorry", the answer before it. */
import { turnFor } from '../conversation/turn-for';
import { isIntent } from '../request/facts';
import type { SkillHandler } from '../request/handler';

export const RepeatHandler: SkillHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.RepeatIntent'),
  handle: (input) => {
    const turn = turnFor(input);
    if (turn.said) return turn.play(turn.said, { remember: false });
    return turn.say({ say: 'prompt', key: 'nothingToRepeat' });
  },
};
