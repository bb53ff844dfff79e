/** "Go back": the answer before this one. */
import type { RequestHandler } from 'ask-sdk-core';
import { turnFor, voice } from '../conversation/turn-for';
import { isIntent } from './request-facts';

export const PreviousHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.PreviousIntent'),
  handle: (input) => {
    const turn = turnFor(input);
    const before = turn.state.back.pop();
    if (before) return turn.play({ id: before.id, step: before.step }, { remember: false });
    return turn.askAnew(voice.ui('nothingBefore'));
  },
};
