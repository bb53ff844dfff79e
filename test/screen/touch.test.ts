/**
 * Touching an item on a screen, with the real Lambda handler: the touch is sent as the document itself would send it
 * (its SendEvent arguments, with the row's id), and answered exactly as naming the item would be, from the same place
 * in the conversation: the same speech, reprompt, card and session. A touch that carries anything else gets the short
 * "sorry" any request the skill cannot act on gets; a touch outside a session gets an empty response.
 */
import { AplUserEventRequestBuilder } from 'ask-sdk-test';
import type { DisplayRow } from '../../lambda/display/display';
import { DISPLAY_DOCUMENT, DISPLAY_TOKEN } from '../../lambda/display/document';
import { touchedItem } from '../../lambda/display/touch';
import { TOPIC_INTENTS } from '../../lambda/handlers/topic-intents';
import { answers } from '../../lambda/content/answers';
import { type Answer, content, conversation, type Conversation, entryOf, joined, listOf, TEST_SETTINGS, uiText, withScreen } from '../support/conversation';
import { nameItem } from '../dialogues/conversations/helpers';
import { directivesOf, itemsOf, screenOf, stringsIn } from './helpers';

/** The intent that asks for an entry by name: a topic's own intent, or a test's or treatment's slot. */
const intentFor = (id: string): string | undefined => Object.keys(TOPIC_INTENTS).find((intent) => TOPIC_INTENTS[intent] === id);

/** Names an item aloud: its topic intent if it has one, else its list's slot intent. */
function say(c: Conversation, id: string): Promise<Answer> {
  const intent = intentFor(id);
  return intent ? c.intent(intent) : nameItem(c, id);
}

/** The arguments the document's SendEvent sends for a row, its `${data.…}` filled from the row. */
function argumentsFor(row: DisplayRow): unknown[] {
  const args = stringsIn(DISPLAY_DOCUMENT).filter(({ path }) => /\.onPress\.arguments\[\d+\]$/.test(path));
  return args.map(({ text }) => text.replace(/^\$\{data\.(\w+)\}$/, (_m, name: string) => String(row[name as keyof DisplayRow])));
}

/** Touches the row of `id` on the screen the last answer showed, as the device would. */
function touch(c: Conversation, shown: Answer, id: string): Promise<Answer> {
  const row = itemsOf(screenOf(shown)).find((item) => item.id === id);
  if (!row) throw new Error(`'${id}' is not on the screen`);
  return c.touch(argumentsFor(row));
}

/** What the listener hears and the session carries. */
const heard = (a: Answer) => ({ ssml: a.ssml, reprompt: a.repromptSsml, card: a.card, endSession: a.endSession, attributes: a.attributes });

/** The intent that opens a list. */
const openerOf = (listId: string): string => {
  const intent = intentFor(listId);
  if (!intent) throw new Error(`no intent opens '${listId}'`);
  return intent;
};

describe('touching an item answers as naming it', () => {
  it('touching "Bone scan" in the tests list is asking for the bone scan', async () => {
    const touched = conversation({ screen: true });
    await touched.launch();
    const list = await touched.intent('TestsIntent');
    const byTouch = await touch(touched, list, 'bone-scan');

    const spoken = conversation({ screen: true });
    await spoken.launch();
    await spoken.intent('TestsIntent');
    const bySpeech = await spoken.intent('TestDetailIntent', { test: { value: 'the bone scan', id: 'bone-scan' } });

    expect(heard(byTouch)).toEqual(heard(bySpeech));
    expect(byTouch.response.response.directives).toEqual(bySpeech.response.response.directives);
    expect(screenOf(byTouch).title).toBe(entryOf('bone-scan').title);
  });

  it.each(['tests', 'treatments', 'topics'])('every item of %s, touched, is answered as when named, on a device with or without a screen', async (listId) => {
    for (const id of listOf(listId).items) {
      const touched = conversation({ screen: true });
      await touched.launch();
      const byTouch = await touch(touched, await touched.intent(openerOf(listId)), id);

      const spoken = conversation();
      await spoken.launch();
      await spoken.intent(openerOf(listId));
      const bySpeech = await say(spoken, id);
      expect({ id, ...heard(byTouch) }).toEqual({ id, ...heard(bySpeech) });
    }
  });

  it('a touch as the first request of a session is answered as a first question is (with the disclaimer)', async () => {
    const byTouch = await conversation({ screen: true }).touch(['item', 'mri-scan']);
    const bySpeech = await nameItem(conversation(), 'mri-scan');
    expect(heard(byTouch)).toEqual(heard(bySpeech));
    expect(byTouch.text).toContain(uiText('disclaimer'));
  });

  it('after a touch, the conversation goes on as after naming: "yes" plays the next item', async () => {
    const c = conversation({ screen: true });
    await c.launch();
    await touch(c, await c.intent('TestsIntent'), 'blood-tests');
    const next = await c.intent('AMAZON.YesIntent');
    expect(screenOf(next).title).toBe(entryOf(listOf('tests').items[1]).title);
  });
});

describe('a touch that names nothing the screens show', () => {
  // Found by a review: a touch that named nothing got "Sorry, I can't do that here", which helps no one at a stale screen.
  const SORRY = joined(uiText('touchNothing'), uiText('welcomeQuestion'));

  it.each([
    ['no arguments', undefined],
    ['an empty list', []],
    ['the event name alone', ['item']],
    ['an id the content does not have', ['item', 'dexa-scan']],
    ['an entry that is no list item', ['item', 'own-prognosis']],
    ['a list itself, not an item of one', ['item', 'topics']],
    ['a number for an id', ['item', 42]],
    ['an object for an id', ['item', { id: 'bone-scan' }]],
    ['inherited names', ['item', '__proto__']],
    ['constructor', ['item', 'constructor']],
    ['another event', ['play', 'bone-scan']],
    ['an extra argument', ['item', 'bone-scan', 'again']],
    ['markup', ['item', '<speak>bone-scan</speak>']],
  ])('%s: the short sorry, valid SSML, the session open', async (_what, args) => {
    const c = conversation({ screen: true });
    await c.launch();
    await c.intent('TestsIntent');
    const a = await (args === undefined ? c.request({ type: 'Alexa.Presentation.APL.UserEvent', token: DISPLAY_TOKEN }) : c.touch(args));
    expect(a.text).toBe(SORRY);
    expect(a.endSession).toBe(false);
    // The sorry, over the tests still there to touch.
    const screen = screenOf(a);
    expect(screen.rows.filter((row) => row.kind !== 'item').map((row) => row.text).join(' ')).toBe(SORRY);
    expect(itemsOf(screen).map((row) => row.id)).toEqual(listOf('tests').items);
  });

  it('a stale touch that opens a new session is welcomed, as opening the skill would be', async () => {
    const c = conversation({ screen: true });
    const a = await c.touch(['item', 'dexa-scan']);
    expect(a.text).toBe((await conversation({ screen: true }).launch()).text);
    expect(a.endSession).toBe(false);
  });

  it('the sorry is not an answer: "repeat" still says the list', async () => {
    const c = conversation({ screen: true });
    await c.launch();
    const list = await c.intent('TestsIntent');
    await c.touch(['item', 'nothing']);
    expect((await c.intent('AMAZON.RepeatIntent')).ssml).toBe(list.ssml);
  });

  it('only items of lists are touchable ids', () => {
    const items = Object.values(content.entries).flatMap((entry) => (entry.kind === 'list' ? entry.items : []));
    for (const id of Object.keys(content.entries)) {
      expect({ id, touched: touchedItem({ arguments: ['item', id] }, answers) }).toEqual({ id, touched: items.includes(id) ? id : undefined });
    }
    expect(touchedItem(null, answers)).toBeUndefined();
    expect(touchedItem('item', answers)).toBeUndefined();
  });

  it('out of a session, a touch is not answered: an empty response, and no screen', async () => {
    const envelope = withScreen(new AplUserEventRequestBuilder(TEST_SETTINGS).withToken(DISPLAY_TOKEN).withArguments('item', 'bone-scan').build());
    delete envelope.session;
    const a = await conversation().raw(envelope);
    expect(a.response.response.outputSpeech).toBeUndefined();
    expect(directivesOf(a)).toEqual([]);
  });
});
