/** "Go back": the answer before this one; at the very start, why there is none (once), then the topics. */
import type { RequestHandler } from 'ask-sdk-core';
import { samePlace, startOf } from '../conversation/place';
import { content, turnFor, voice } from '../conversation/turn-for';
import { joinSsml } from '../speech/ssml';
import { isIntent } from '../request/facts';

export const PreviousHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.PreviousIntent'),
  handle: (input) => {
    const turn = turnFor(input);
    const before = turn.state.back.pop();
    if (before) return turn.play({ id: before.id, step: before.step }, { remember: false });
    const topics = startOf(content.menu);
    // Said just now, the reason need not be said again: only the offer of the topics.
    const explained = samePlace(turn.state.offer, topics) && !turn.state.at;
    return turn.respond(
      { kind: 'ask', speech: explained ? joinSsml() : voice.ui('nothingBefore'), question: voice.ui('topicsQuestion'), reprompt: voice.ui('topicsReprompt') },
      { offer: topics },
    );
  },
};
