/**
 * What the model could not place (AMAZON.FallbackIntent, or an intent this code does not know): a short
 * "sorry" that suggests what fits where the listener is. The second in a row offers the topic list; the
 * third reads it.
 */
import type { RequestHandler } from 'ask-sdk-core';
import { exampleItem, listAround, startOf } from '../conversation/place';
import { content, turnFor, voice } from '../conversation/turn-for';
import { NOTHING } from '../speech/ssml';
import { intentNameOf } from '../request/facts';

/** Misunderstandings in a row before the skill offers the topics instead of the same "sorry". */
const MISSES_BEFORE_TOPICS = 2;

export const FallbackHandler: RequestHandler = {
  canHandle: (input) => intentNameOf(input) !== undefined,
  handle: (input) => {
    const turn = turnFor(input);
    const state = turn.state;
    state.misses += 1;
    // Third time: stop apologising and read the topics, which is what the offer was for.
    if (state.misses > MISSES_BEFORE_TOPICS) return turn.play(startOf(content.menu));
    if (state.misses === MISSES_BEFORE_TOPICS) {
      return turn.respond(
        { kind: 'ask', speech: NOTHING, question: voice.ui('fallbackOfferTopics'), reprompt: voice.ui('offerReprompt', { name: voice.say(content.entries[content.menu].name) }) },
        { miss: true, offer: startOf(content.menu) },
      );
    }
    const list = state.at ? listAround(content, state.at.id) : undefined;
    const step = state.at && list?.id === state.at.id ? state.at.step : 0;
    const speech =
      list && list.id !== content.menu
        ? voice.ui('fallbackList', { name: voice.say(list.name), example: voice.say(content.entries[exampleItem(list, step)].name) })
        : voice.ui('fallbackGeneral');
    return turn.respond({ kind: 'ask', speech, question: voice.ui('fallbackQuestion'), reprompt: voice.ui('genericReprompt') }, { miss: true });
  },
};
