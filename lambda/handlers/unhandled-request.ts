/**
 * The catch-all, last in order: a request type this skill does not handle gets a spoken answer, not an
 * error. Events outside a session (a skill being enabled, say) cannot be spoken to: they get an empty response.
 */
import { turnFor } from '../conversation/turn-for';
import type { SkillHandler } from '../request/handler';

export const UnhandledRequestHandler: SkillHandler = {
  canHandle: () => true,
  handle: (input) => {
    if (!input.requestEnvelope.session) return input.responseBuilder.getResponse();
    return turnFor(input).say({ say: 'prompt', key: 'unsupportedRequest' });
  },
};
