/** "No" declines the follow-up that was offered and asks what else, without ending the visit. */
import { turnFor } from '../conversation/turn-for';
import { isIntent } from '../request/facts';
import type { SkillHandler } from '../request/handler';

export const NoHandler: SkillHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.NoIntent'),
  handle: (input) => {
    // Declining clears the offer (every reply that offers nothing does), so a later "yes" cannot revive it.
    return turnFor(input).say({ say: 'prompt', key: 'noAfterOffer' });
  },
};
