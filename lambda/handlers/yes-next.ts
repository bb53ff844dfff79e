/**
 * "Yes" accepts whatever the last answer offered; "next" / "more" goes on to it too. Both play the same
 * offered place, so a question and its "yes" can never disagree.
 */
import type { RequestHandler } from 'ask-sdk-core';
import { turnFor, voice } from '../conversation/turn-for';
import type { UiKey } from '../content/types';
import { isIntent } from './request-facts';

/** `nothingThere` is said when nothing was offered: what to say next instead. */
function goOn(nothingThere: UiKey): RequestHandler['handle'] {
  return (input) => {
    const turn = turnFor(input);
    if (turn.state.offer) return turn.play(turn.state.offer);
    return turn.askAnew(voice.ui(nothingThere));
  };
}

export const YesHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.YesIntent'),
  handle: goOn('yesWithoutOffer'),
};

export const NextHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.NextIntent'),
  handle: goOn('nothingNext'),
};
