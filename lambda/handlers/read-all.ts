/**
 * "Read them all", "list everything": every name of the list being read (or whose item was just heard) in one
 * turn; outside a list, every topic. For listeners who cannot see a list and would rather hear it whole.
 */
import { listAround } from '../conversation/place';
import { allOf } from '../conversation/screens';
import { content, turnFor } from '../conversation/turn-for';
import { isIntent } from '../request/facts';
import type { SkillHandler } from '../request/handler';

export const READ_ALL_INTENT = 'ReadAllIntent';

export const ReadAllHandler: SkillHandler = {
  canHandle: (input) => isIntent(input, READ_ALL_INTENT),
  handle: (input) => {
    const turn = turnFor(input);
    const at = turn.at;
    const list = (at && listAround(content, at.id)) ?? content.entries[content.menu];
    return turn.play(allOf(list.id));
  },
};
