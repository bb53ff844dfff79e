/** "No" declines the follow-up that was offered and asks what else, without ending the visit. */
import type { RequestHandler } from 'ask-sdk-core';
import { turnFor, voice } from '../conversation/turn-for';
import { isIntent } from './request-facts';

export const NoHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.NoIntent'),
  handle: (input) => {
    const turn = turnFor(input);
    delete turn.state.offer;
    return turn.respond({ kind: 'ask', speech: voice.ui('noAfterOffer'), question: voice.ui('welcomeQuestion'), reprompt: voice.ui('genericReprompt') });
  },
};
