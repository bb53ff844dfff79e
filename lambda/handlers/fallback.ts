/**
 * What the model could not place (AMAZON.FallbackIntent, or an intent this code does not know): a short
 * "sorry" that suggests what fits where the listener is. The second in a row offers the topic list; the
 * third reads it.
 */
import { listAround, startOf } from '../conversation/place';
import { rulesOf } from '../conversation/screens';
import { content, turnFor } from '../conversation/turn-for';
import { intentNameOf } from '../request/facts';
import type { SkillHandler } from '../request/handler';

/** Misunderstandings in a row before the skill offers the topics instead of the same "sorry". */
const MISSES_BEFORE_TOPICS = 2;

export const FallbackHandler: SkillHandler = {
  canHandle: (input) => intentNameOf(input) !== undefined,
  handle: (input) => {
    const turn = turnFor(input);
    const misses = turn.miss();
    // Where the last place's rules say so (the crisis answer), it is offered again: never a menu of symptoms or topics.
    if (turn.said && rulesOf(turn.said).misheardOffersItAgain) return turn.say({ say: 'misheardAfterCrisis' });
    // Third time: stop apologising and read the topics, which is what the offer was for.
    if (misses > MISSES_BEFORE_TOPICS) return turn.play(startOf(content.menu));
    if (misses === MISSES_BEFORE_TOPICS) return turn.say({ say: 'offerTopics' });
    // A hint that fits the list being heard, from the group just read.
    const at = turn.at;
    const list = at ? listAround(content, at.id) : undefined;
    return turn.say({ say: 'misheard', list, step: at && list?.id === at.id ? at.step : 0 });
  },
};
