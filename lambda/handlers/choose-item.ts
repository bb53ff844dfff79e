/**
 * "The second one", "the last one": an item chosen by its place in what was just read. After a group of
 * a list, the position counts within that group (what a listener who cannot see the list holds in mind);
 * after an item, or beyond the group, it counts within the whole list.
 */
import { getSlot } from '../request/ask-sdk';
import { groupOf, listAround, startOf } from '../conversation/place';
import { listReadWhole } from '../conversation/screens';
import { content, turnFor } from '../conversation/turn-for';
import { isIntent, resolvedId } from '../request/facts';
import type { SkillHandler } from '../request/handler';

export const CHOOSE_ITEM_INTENT = 'ChooseItemIntent';

export const ChooseItemHandler: SkillHandler = {
  canHandle: (input) => isIntent(input, CHOOSE_ITEM_INTENT),
  handle: (input) => {
    const turn = turnFor(input);
    const at = turn.at;
    // Just after "read them all", a position counts in all of them, even with no answer heard before (after the welcome).
    const readWhole = listReadWhole(turn.said);
    const list = listAround(content, readWhole ?? at?.id ?? '');
    if (!list) return turn.say({ say: 'prompt', key: 'chooseNoList' });
    // After a group, a position within it; after an item, within the whole list. A position beyond the group
    // ("number five" after the first three) can only mean the whole list.
    const group = !readWhole && at && list.id === at.id ? groupOf(list, at.step) : list.items;
    const position = resolvedId(getSlot(input.requestEnvelope, 'position'));
    const index = position === 'last' ? group.length - 1 : Number(position) - 1;
    const choices = index >= group.length ? list.items : group;
    const chosen = Number.isInteger(index) && index >= 0 ? choices[index] : undefined;
    if (chosen) return turn.play(startOf(chosen));
    return turn.say({ say: 'noSuchItem', choices, unheard: position === undefined });
  },
};
