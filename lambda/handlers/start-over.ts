/** "Start over": back to the main menu, the list of topics, with the history cleared. */
import type { RequestHandler } from 'ask-sdk-core';
import { startOf } from '../conversation/place';
import { content, turnFor } from '../conversation/turn-for';
import { isIntent } from '../request/facts';

export const StartOverHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.StartOverIntent'),
  handle: (input) => {
    const turn = turnFor(input);
    turn.startOver();
    return turn.play(startOf(content.menu), { remember: false });
  },
};
