/**
 * A touch on a screen: an item of a list (a test, a treatment, a topic) touched is answered exactly as naming it
 * would be, from its start. A touch that names nothing the skill can open (a screen left from before, a damaged
 * event) is told so, with the list still on screen; one that starts a session (a stale screen touched after the last
 * session ended) is welcomed, as opening the skill would be. Out of a session there is nothing to answer: an empty
 * response, as for other skill events.
 */
import { getRequestType } from '../request/ask-sdk';
import { startOf } from '../conversation/place';
import { welcome } from '../conversation/screens';
import { content, turnFor } from '../conversation/turn-for';
import { touchedItem, USER_EVENT } from '../display/touch';
import type { SkillHandler } from '../request/handler';

export const TouchHandler: SkillHandler = {
  canHandle: (input) => getRequestType(input.requestEnvelope) === USER_EVENT,
  handle: (input) => {
    const session = input.requestEnvelope.session;
    if (!session) return input.responseBuilder.getResponse();
    const turn = turnFor(input);
    const id = touchedItem(input.requestEnvelope.request, content);
    if (id) return turn.play(startOf(id));
    return session.new ? turn.play(welcome(turn.returning)) : turn.say({ say: 'prompt', key: 'touchNothing' });
  },
};
