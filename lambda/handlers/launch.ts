/** "Open bone secondaries guide": a short welcome that says what can be asked, shorter still for a returning listener, and the disclaimer. */
import { getRequestType } from '../request/ask-sdk';
import { welcome } from '../conversation/screens';
import { turnFor } from '../conversation/turn-for';
import type { SkillHandler } from '../request/handler';

export const LaunchHandler: SkillHandler = {
  canHandle: (input) => getRequestType(input.requestEnvelope) === 'LaunchRequest',
  handle: (input) => {
    const turn = turnFor(input);
    return turn.play(welcome(turn.returning));
  },
};
