/** Help: what can be asked from here, the emergency advice and the disclaimer, ending with a question. */
import type { RequestHandler } from 'ask-sdk-core';
import { screen } from '../conversation/screens';
import { turnFor } from '../conversation/turn-for';
import { isIntent } from '../request/facts';

export const HelpHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.HelpIntent'),
  handle: (input) => turnFor(input).play(screen('help')),
};
