/** Stop, Cancel and NavigateHome always end the session: certification fails a skill that does not exit. */
import type { RequestHandler } from 'ask-sdk-core';
import { turnFor } from '../conversation/turn-for';
import { isIntent } from '../request/facts';

export const ExitHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.NavigateHomeIntent'),
  handle: (input) => turnFor(input).say({ say: 'goodbye' }),
};
