/**
 * Help and fallback with the real Lambda handler, written as transcripts: `// U:` is what the listener says, `// A:`
 * what Alexa answers (abbreviated; the expectations are built from the compiled content). Help begins with urgent
 * help and fits where the listener is (launch, a list, an item, a topic) without losing the question asked before it;
 * fallback suggests what can be said there, and after two in a row offers the list of topics. Every answer also passes
 * the checks in test/support/conversation.ts.
 */
import { type Answer, content, conversation, type Conversation, expectedAnswer, heard, joined, listOf, nameOf, topicOf, uiText } from '../../support/conversation';
import { exampleOf, fallback, launched, nameItem, repeat, ui, yes } from './helpers';

const help = (c: Conversation) => c.intent('AMAZON.HelpIntent');

describe('help fits where the listener is', () => {
  /** Every help: begins with urgent help, ends with a question, keeps the session open, carries the disclaimer. */
  function expectHelp(a: Answer, speech: string): void {
    expect(a.text).toBe(joined(ui.helpUrgent, speech, ui.disclaimer, ui.helpQuestion));
    expect(a.text.endsWith('?')).toBe(true);
    expect(a.endSession).toBe(false);
    expect(a.reprompt).toBe(ui.genericReprompt);
  }

  it('at launch: the general help', async () => {
    const c = await launched();
    // U: help
    // A: If you need urgent help, call 999. You can ask what secondary bone cancer is, … What would you like to do?
    expectHelp(await help(c), uiText('helpGeneral'));
  });

  it('as a one-shot: the general help', async () => {
    expectHelp(await help(conversation()), uiText('helpGeneral'));
  });

  it('after a list: how to hear more or name one', async () => {
    const c = await launched();
    await c.intent('TestsIntent');
    // U: help
    // A: You are hearing the tests and scans you may have. Say "next" to hear more of them, or name one, such as bone x-rays, …
    expectHelp(await help(c), uiText('helpList', { name: nameOf('tests'), example: exampleOf('tests') }));
  });

  it('after an item: the next one, repeat, or another item', async () => {
    const c = await launched();
    await nameItem(c, 'bone-scan');
    // U: help
    // A: You just heard about a bone scan. Say "next" for the next test, …
    expectHelp(await help(c), uiText('helpItem', { name: nameOf('bone-scan'), noun: heard(listOf('tests').noun.one), example: exampleOf('tests') }));
  });

  it('after a topic: repeat, yes, or something else', async () => {
    const c = await launched();
    await c.intent('SymptomsIntent');
    // U: help
    // A: You just heard about the symptoms. Say "repeat" to hear it again, "yes" to the question I asked, …
    expectHelp(await help(c), uiText('helpTopic', { name: nameOf('symptoms') }));
  });

  it('repeat after help repeats the help', async () => {
    const c = await launched();
    await c.intent('SymptomsIntent');
    const a = await help(c);
    // U: repeat
    expect((await repeat(c)).ssml).toBe(a.ssml);
  });

  it('yes after help still answers the question asked before it', async () => {
    const c = await launched();
    await c.intent('SymptomsIntent');
    await help(c);
    // U: yes
    expect((await yes(c)).text).toBe(expectedAnswer(topicOf('symptoms').offer?.goTo ?? ''));
  });

  it('next after help on an item plays the next item, as the help said', async () => {
    const c = await launched();
    await nameItem(c, 'bone-scan');
    await help(c);
    // U: next
    expect((await c.intent('AMAZON.NextIntent')).text).toBe(expectedAnswer('ct-scan'));
  });
});

describe('help at the slowest pace', () => {
  // Found by a review: at the slowest pace, Help after the end of the tests list took 42 seconds (the harness fails a
  // turn over 40): the full disclaimer was always added. Where it does not fit, Help goes without it.
  it.each(['TestsIntent', 'TreatmentsIntent'])('after the end of a list (%s), Help still fits one turn', async (listIntent) => {
    const c = await launched();
    for (let i = 0; i < 4; i++) await c.intent('SpeakSlowerIntent');
    await c.intent(listIntent);
    for (let i = 0; i < 3; i++) await c.intent('AMAZON.NextIntent');
    const help = await c.intent('AMAZON.HelpIntent');
    expect(help.text.startsWith(uiText('helpUrgent', { number: '999' }))).toBe(true);
    expect(help.endSession).toBe(false);
  });
});

describe('fallback', () => {
  it('with nothing said yet: a short sorry and what can be asked', async () => {
    const c = await launched();
    // U: (something the model cannot place)
    const a = await fallback(c);
    // A: Sorry, I didn't catch that. You can ask about the symptoms, the tests or the treatments. What would you like to know?
    expect(a.text).toBe(joined(uiText('fallbackGeneral'), uiText('fallbackQuestion')));
  });

  it.each([
    ['in a list', ['TestsIntent'], 'tests', 0],
    ['further into a list', ['TreatmentsIntent', 'AMAZON.YesIntent'], 'treatments', 1],
  ])('%s: suggests naming an item from the group just read', async (_where, before, listId, step) => {
    const c = await launched();
    for (const intent of before) await c.intent(intent);
    // U: (mumbles)
    const a = await fallback(c);
    // A: Sorry, I didn't catch that. You can name one of the tests and scans you may have, such as bone x-rays, or say "next". …
    expect(a.text).toBe(joined(uiText('fallbackList', { name: nameOf(listId), example: exampleOf(listId, step) }), uiText('fallbackQuestion')));
  });

  it('in the list of topics: the general sorry', async () => {
    const c = await launched();
    await c.intent('TopicsIntent');
    expect((await fallback(c)).text).toBe(joined(uiText('fallbackGeneral'), uiText('fallbackQuestion')));
  });

  it('two in a row offer the list of topics, and yes reads it', async () => {
    const c = await launched();
    await fallback(c);
    // U: (mumbles again)
    const a = await fallback(c);
    // A: Sorry, I still didn't catch that. Would you like to hear the list of topics?
    expect(a.text).toBe(uiText('fallbackOfferTopics'));
    expect(a.reprompt).toBe(uiText('offerReprompt', { name: nameOf(content.menu) }));
    // U: yes
    const b = await yes(c);
    // A: I can tell you about secondary bone cancer, … There are seventeen topics. The first three are …
    expect(b.text).toBe(expectedAnswer(content.menu));
  });

  it('a real answer in between starts the count again', async () => {
    const c = await launched();
    await fallback(c);
    await c.intent('SymptomsIntent');
    expect((await fallback(c)).text).toBe(joined(uiText('fallbackGeneral'), uiText('fallbackQuestion')));
  });
});
