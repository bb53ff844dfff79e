/** Help: what can be asked from here, the emergency advice and the disclaimer, ending with a question. */
import { screen } from '../conversation/screens';
import { turnFor } from '../conversation/turn-for';
import { isIntent } from '../request/facts';
import type { SkillHandler } from '../request/handler';

export const HelpHandler: SkillHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.HelpIntent'),
  handle: (input) => turnFor(input).play(screen('help')),
};
