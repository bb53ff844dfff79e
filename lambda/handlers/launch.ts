/** "Open bone secondaries guide": a short welcome that says what can be asked, shorter still for a returning listener, and the disclaimer. */
import { getRequestType, type RequestHandler } from 'ask-sdk-core';
import { welcome } from '../conversation/screens';
import { turnFor } from '../conversation/turn-for';

export const LaunchHandler: RequestHandler = {
  canHandle: (input) => getRequestType(input.requestEnvelope) === 'LaunchRequest',
  handle: (input) => {
    const turn = turnFor(input);
    return turn.play(welcome(turn.returning));
  },
};
