/** "No" declines the follow-up that was offered and asks what else, without ending the visit. */
import type { RequestHandler } from 'ask-sdk-core';
import { turnFor } from '../conversation/turn-for';
import { isIntent } from '../request/facts';

export const NoHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.NoIntent'),
  handle: (input) => {
    // Declining clears the offer (every reply that offers nothing does), so a later "yes" cannot revive it.
    return turnFor(input).say({ say: 'prompt', key: 'noAfterOffer' });
  },
};
