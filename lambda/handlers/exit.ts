/** Stop, Cancel and NavigateHome always end the session: certification fails a skill that does not exit. */
import { turnFor } from '../conversation/turn-for';
import { isIntent } from '../request/facts';
import type { SkillHandler } from '../request/handler';

export const ExitHandler: SkillHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.NavigateHomeIntent'),
  handle: (input) => turnFor(input).say({ say: 'goodbye' }),
};
