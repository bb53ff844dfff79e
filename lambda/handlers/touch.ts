/**
 * A touch on a screen: an item of a list (a test, a treatment, a topic) touched is answered exactly as naming it
 * would be, from its start. Anything else a touch could carry gets the same short "sorry" as any request the skill
 * cannot act on. Out of a session there is nothing to answer: an empty response, as for other skill events.
 */
import { getRequestType, type RequestHandler } from 'ask-sdk-core';
import { startOf } from '../conversation/place';
import { content, turnFor } from '../conversation/turn-for';
import { touchedItem, USER_EVENT } from '../display/touch';

export const TouchHandler: RequestHandler = {
  canHandle: (input) => getRequestType(input.requestEnvelope) === USER_EVENT,
  handle: (input) => {
    if (!input.requestEnvelope.session) return input.responseBuilder.getResponse();
    const turn = turnFor(input);
    const id = touchedItem(input.requestEnvelope.request, content);
    return id ? turn.play(startOf(id)) : turn.say({ say: 'prompt', key: 'unsupportedRequest' });
  },
};
