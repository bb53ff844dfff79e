/** The simulator sends what the Alexa service would send, and carries the session as Alexa does. */
import type { IntentRequest, RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { handler } from '../../lambda/index';
import { BUILT_IN_PHRASES } from '../../tools/simulator/built-ins';
import { loadInteractionModel } from '../../tools/simulator/interaction-model';
import { DEFAULT_USER, SimulatedSession } from '../../tools/simulator/session';
import { createUnderstander, type Understander } from '../../tools/simulator/understand';

const model = loadInteractionModel('en-GB');
let understander: Understander;
beforeAll(async () => {
  understander = await createUnderstander(model, BUILT_IN_PHRASES);
});

/** The real handler, with every envelope it was sent kept for inspection. */
function recordingHandler() {
  const sent: RequestEnvelope[] = [];
  const record = async (event: RequestEnvelope, context: never): Promise<ResponseEnvelope> => {
    sent.push(JSON.parse(JSON.stringify(event)) as RequestEnvelope);
    return handler(event, context);
  };
  return { sent, record };
}

describe('the simulated session', () => {
  it('launches on "open <invocation name>" with a new session and the default local user', async () => {
    const { sent, record } = recordingHandler();
    const session = new SimulatedSession(record, model, understander);
    const turn = await session.say(`Alexa, open ${model.invocationName}`);
    expect(turn.request.type).toBe('LaunchRequest');
    expect(sent[0].session?.new).toBe(true);
    expect(sent[0].session?.user.userId).toBe(DEFAULT_USER);
    expect(sent[0].context.System.user.userId).toBe(DEFAULT_USER);
    expect(sent[0].request.locale).toBe('en-GB');
    expect(session.isOpen).toBe(true);
  });

  it('takes "ask <invocation name> <question>" and a bare first question as one-shots', async () => {
    for (const first of [`ask ${model.invocationName} what is myeloma`, `tell ${model.invocationName} about myeloma`, 'what is myeloma']) {
      const { sent, record } = recordingHandler();
      const turn = await new SimulatedSession(record, model, understander).say(first);
      expect(turn.request.intent).toBe('MyelomaIntent');
      expect(sent[0].session?.new).toBe(true);
    }
  });

  it('carries session attributes from turn to turn and marks only the first request new', async () => {
    const { sent, record } = recordingHandler();
    const session = new SimulatedSession(record, model, understander);
    await session.say('what tests might I have');
    await session.say('yes');
    await session.say('yes');
    expect(sent.map((e) => e.session?.new)).toEqual([true, false, false]);
    expect(sent[1].session?.attributes).toEqual((await handler(sent[0], {} as never)).sessionAttributes);
    expect(new Set(sent.map((e) => e.session?.sessionId)).size).toBe(1);
  });

  it('sends slots with entity resolution: a match with its id, an unknown value as no match', async () => {
    const { sent, record } = recordingHandler();
    const session = new SimulatedSession(record, model, understander);
    await session.say('tell me about the pet scan');
    await session.say('tell me about the magic beans');
    const [matched, unmatched] = sent.map((e) => (e.request as IntentRequest).intent.slots?.test);
    expect(matched?.value).toBe('pet scan');
    expect(matched?.resolutions?.resolutionsPerAuthority?.[0].status.code).toBe('ER_SUCCESS_MATCH');
    expect(matched?.resolutions?.resolutionsPerAuthority?.[0].values[0].value.id).toBe('pet-ct-scan');
    expect(unmatched?.value).toBe('magic beans');
    expect(unmatched?.resolutions?.resolutionsPerAuthority?.[0].status.code).toBe('ER_SUCCESS_NO_MATCH');
  });

  it('starts afresh with a LaunchRequest when "open <invocation name>" is said in a session', async () => {
    const { sent, record } = recordingHandler();
    const session = new SimulatedSession(record, model, understander);
    await session.say('what tests might I have');
    await session.say(`open ${model.invocationName}`);
    expect(sent[1].request.type).toBe('LaunchRequest');
    expect(sent[1].session?.new).toBe(true);
    expect(sent[1].session?.sessionId).not.toBe(sent[0].session?.sessionId);
  });

  it('sends AMAZON.FallbackIntent for what matches nothing', async () => {
    const turn = await new SimulatedSession(handler, model, understander).say('wibble wobble flob');
    expect(turn.request.intent).toBe('AMAZON.FallbackIntent');
  });

  it('ends with a SessionEndedRequest when the listener leaves, and starts afresh after "stop"', async () => {
    const { sent, record } = recordingHandler();
    const session = new SimulatedSession(record, model, understander, { userId: 'amzn1.ask.account.SOMEONE' });
    await session.say('what is myeloma');
    const ended = await session.end();
    expect(sent[1].request.type).toBe('SessionEndedRequest');
    expect(ended?.endSession).toBe(true);
    await session.say('what are the symptoms');
    await session.say('stop');
    expect(session.isOpen).toBe(false);
    await session.say('what causes it');
    expect(sent[4].session?.new).toBe(true);
    expect(sent[4].session?.sessionId).not.toBe(sent[2].session?.sessionId);
    expect(sent.every((e) => e.session?.user.userId === 'amzn1.ask.account.SOMEONE')).toBe(true);
  });

  it('prints what Alexa would say as readable text, with the reprompt and the card', async () => {
    const turn = await new SimulatedSession(handler, model, understander).say('what is a CT scan');
    expect(turn.text).toMatch(/^A CT scan takes a series of x-rays/);
    expect(turn.text).not.toMatch(/[<>]|&amp;/);
    expect(turn.reprompt).toBeTruthy();
    expect(turn.card?.title).toBe('CT scan');
    expect(turn.endSession).toBe(false);
  });
});

describe('a screen device (the web console\'s "screen device" option)', () => {
  it('by default declares no screen, and a turn carries no screen', async () => {
    const { sent, record } = recordingHandler();
    const turn = await new SimulatedSession(record, model, understander).say('what tests might I have');
    expect(sent[0].context.System.device?.supportedInterfaces).toEqual({});
    expect(turn.screen).toBeUndefined();
  });

  it('declares APL, shows the list as items, and a touch is the UserEvent the device sends, answered as naming the item', async () => {
    const { sent, record } = recordingHandler();
    const session = new SimulatedSession(record, model, understander, { screen: true });
    const list = await session.say('what tests might I have');
    expect(Object.keys(sent[0].context.System.device?.supportedInterfaces ?? {})).toEqual(['Alexa.Presentation.APL']);
    const item = list.screen?.rows.find((row) => row.kind === 'item');
    if (!item) throw new Error('the list shows no item to touch');
    const touched = await session.touch(item.id, item.text);
    expect(sent[1].request).toMatchObject({ type: 'Alexa.Presentation.APL.UserEvent', arguments: ['item', item.id] });
    expect(touched.heard).toBe(`(touches "${item.text}")`);

    const named = new SimulatedSession(handler, model, understander, { screen: true });
    await named.say('what tests might I have');
    const byName = await named.say(`tell me about the ${item.text}`);
    expect(byName.request.slots).toEqual({ test: expect.objectContaining({ id: item.id }) });
    expect(touched.text).toBe(byName.text);
  });

  it('refuses a touch outside a session: the screen closed with it', async () => {
    const session = new SimulatedSession(handler, model, understander, { screen: true });
    await expect(session.touch('bone-scan', 'Bone scan')).rejects.toThrow(/no open session/);
  });
});
