/** "Open bone secondaries guide": a short welcome that says what can be asked, and the disclaimer. */
import { getRequestType, type RequestHandler } from 'ask-sdk-core';
import { startOf, WELCOME } from '../conversation/place';
import { turnFor } from '../conversation/turn-for';

export const LaunchHandler: RequestHandler = {
  canHandle: (input) => getRequestType(input.requestEnvelope) === 'LaunchRequest',
  handle: (input) => turnFor(input).play(startOf(WELCOME)),
};
