/**
 * "Yes" accepts whatever the last answer offered; "next" / "more" goes on to it too. Both play the same
 * offered place, so a question and its "yes" can never disagree.
 */
import type { RequestHandler } from 'ask-sdk-core';
import { turnFor, voice } from '../conversation/turn-for';
import type { UiKey } from '../content/types';
import { NOTHING } from '../speech/ssml';
import { isIntent } from './request-facts';

function goOn(nothingThere: UiKey | undefined): RequestHandler['handle'] {
  return (input) => {
    const turn = turnFor(input);
    if (turn.state.offer) return turn.play(turn.state.offer);
    return turn.respond({
      kind: 'ask',
      speech: nothingThere ? voice.ui(nothingThere) : NOTHING,
      question: voice.ui('genericReprompt'),
      reprompt: voice.ui('genericReprompt'),
    });
  };
}

export const YesHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.YesIntent'),
  handle: goOn(undefined),
};

export const NextHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.NextIntent'),
  handle: goOn('nothingNext'),
};
