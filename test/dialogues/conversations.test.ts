/**
 * Conversations with the real Lambda handler, written as transcripts: `// U:` is what the listener says,
 * `// A:` what Alexa answers (abbreviated; the expectations are built from the compiled content).
 * Every answer also passes the checks in test/support/conversation.ts: valid Alexa SSML of at most 110
 * words, a question and a reprompt when the session stays open, no question when it ends.
 */
import { SkillBuilders, type RequestHandler } from 'ask-sdk-core';
import type { IntentRequest, RequestEnvelope } from 'ask-sdk-model';
import { LaunchRequestBuilder } from 'ask-sdk-test';
import { SkillErrorHandler } from '../../lambda/errors/error-handler';
import { sentencesOf } from '../../lambda/conversation/place';
import { ITEM_INTENTS } from '../../lambda/handlers/item-intents';
import { TOPIC_INTENTS } from '../../lambda/handlers/topic-intents';
import { buildSkill } from '../../lambda/skill';
import {
  type Answer,
  content,
  conversation,
  type Conversation,
  entryOf,
  expectedAnswer,
  firstSentenceOf,
  followUpOf,
  groupsOf,
  heard,
  topicTurns,
  joined,
  LAMBDA_CONTEXT,
  listed,
  numberWord,
  listOf,
  nameOf,
  TEST_SETTINGS,
  topicOf,
  uiText,
  countSentenceOf,
} from '../support/conversation';

const ui = {
  welcome: uiText('welcome'),
  welcomeQuestion: uiText('welcomeQuestion'),
  disclaimer: uiText('disclaimer'),
  helpUrgent: uiText('helpUrgent', { number: content.contacts['en-GB'].emergency.number }),
  helpQuestion: uiText('helpQuestion'),
  genericReprompt: uiText('genericReprompt'),
  goodbye: uiText('goodbye'),
  error: uiText('error'),
};

/** The title of the answer's simple card, if it has one. */
const cardTitle = (a: Answer): string | undefined => (a.card?.type === 'Simple' ? a.card.title : undefined);

/** How often `sentence` is heard in `text`. */
const count = (text: string, sentence: string): number => text.split(sentence).length - 1;

/** The second item of a list: the example that help, fallback and reprompts give. */
/** The item suggested by name after group `step` of a list: the second of that group (the only one, if alone). */
const exampleOf = (listId: string, step = 0): string => {
  const group = groupsOf(listOf(listId))[step];
  return nameOf(group[Math.min(1, group.length - 1)]);
};

/** A conversation already past the welcome (so answers carry no disclaimer). */
async function launched(): Promise<Conversation> {
  const c = conversation();
  await c.launch();
  return c;
}

/** Names an item through its slot, as entity resolution would deliver it. */
function nameItem(c: Conversation, id: string): Promise<Answer> {
  const list = entryOf(id).kind === 'topic' ? topicOf(id).list : undefined;
  const intent = Object.keys(ITEM_INTENTS).find((name) => ITEM_INTENTS[name].list === list);
  if (!intent) throw new Error(`'${id}' is not an item of a list with a slot intent`);
  return c.intent(intent, { [ITEM_INTENTS[intent].slot]: { value: entryOf(id).name, id } });
}

const yes = (c: Conversation) => c.intent('AMAZON.YesIntent');
const repeat = (c: Conversation) => c.intent('AMAZON.RepeatIntent');
const previous = (c: Conversation) => c.intent('AMAZON.PreviousIntent');
const help = (c: Conversation) => c.intent('AMAZON.HelpIntent');
const fallback = (c: Conversation) => c.intent('AMAZON.FallbackIntent');

/** The answer is a real, helpful one: not the error apology, and the conversation goes on. */
function expectHelpful(a: Answer): void {
  expect(a.text).not.toContain(ui.error);
  expect(a.endSession).toBe(false);
}

describe('launch and one-shot requests', () => {
  it('(the transcript helper) marks only the first request of the session as new and carries the attributes', async () => {
    const seen: RequestEnvelope[] = [];
    const c = conversation({
      handler: (event, context) => {
        seen.push(JSON.parse(JSON.stringify(event)) as RequestEnvelope);
        return buildSkill().invoke(event, context);
      },
    });
    await c.launch();
    const a = await c.intent('TestsIntent');
    await c.intent('AMAZON.YesIntent');
    expect(seen.map((e) => e.session?.new)).toEqual([true, false, false]);
    expect(new Set(seen.map((e) => e.session?.sessionId)).size).toBe(1);
    expect(seen[2].session?.attributes).toEqual(a.attributes);
  });

  it('launch: welcome, disclaimer, then "What would you like to know?"', async () => {
    const c = conversation();
    // U: open bone secondaries guide
    const a = await c.launch();
    // A: Welcome to the Bone Secondaries Guide. … This is general information, not medical advice. … What would you like to know?
    expect(a.text).toBe(joined(ui.welcome, ui.disclaimer, ui.welcomeQuestion));
    expect(a.endSession).toBe(false);
    expect(a.reprompt).toBe(ui.genericReprompt);
  });

  it('after the welcome, the first answer does not say the disclaimer again', async () => {
    const c = await launched();
    // U: what are the symptoms
    const a = await c.intent('SymptomsIntent');
    // A: The most common symptom of secondary bone cancer is pain. … Would you like to hear how symptoms can be managed?
    expect(a.text).toBe(expectedAnswer('symptoms'));
    expect(count(a.text, ui.disclaimer)).toBe(0);
  });

  it('one-shot: answers directly, leads with the first sentence, says the disclaimer once', async () => {
    const c = conversation();
    // U: ask bone secondaries guide what are the symptoms
    const a = await c.intent('SymptomsIntent');
    // A: The most common symptom of secondary bone cancer is pain. … This is general information, not medical advice. … Would you like …?
    expect(a.text.startsWith(firstSentenceOf('symptoms'))).toBe(true);
    expect(a.text).not.toContain(ui.welcome);
    expect(count(a.text, ui.disclaimer)).toBe(1);
    expect(a.text).toBe(expectedAnswer('symptoms', 0, true));
  });

  it('one-shot: a second answer in the same session has no disclaimer', async () => {
    const c = conversation();
    // U: ask bone secondaries guide what causes it
    expect(count((await c.intent('CausesIntent')).text, ui.disclaimer)).toBe(1);
    // U: what are the symptoms
    const a = await c.intent('SymptomsIntent');
    // A: The most common symptom … (no disclaimer)
    expect(count(a.text, ui.disclaimer)).toBe(0);
    expect(a.text).toBe(expectedAnswer('symptoms'));
  });

  it('one-shot into a list item: answers the item with the disclaimer', async () => {
    // U: ask bone secondaries guide about the bone scan
    const a = await nameItem(conversation(), 'bone-scan');
    // A: A bone scan shows all the bones in the body. … This is general information … Would you like to hear about the next test, a C T scan?
    expect(a.text).toBe(expectedAnswer('bone-scan', 0, true));
  });
});

describe('every topic intent is answered', () => {
  it.each(Object.entries(TOPIC_INTENTS))('%s → %s', async (intent, id) => {
    const entry = entryOf(id);
    const c = conversation();
    // U: (one-shot) the question for this topic
    const a = await c.intent(intent);
    // A: the entry's first part (or, for a list, how many there are) … disclaimer … its follow-up question
    expect(a.text.startsWith(entry.kind === 'topic' ? heard(sentencesOf(entry)[0].text) : countSentenceOf(entry))).toBe(true);
    expect(a.text).toBe(expectedAnswer(id, 0, true));
    expect(a.card?.type).toBe('Simple');
    expect(cardTitle(a)).toBe(entry.title);

    if (entry.kind === 'list') {
      const groups = groupsOf(entry);
      if (groups.length > 1) {
        // A: … Would you like to hear the next three?
        expect(a.text.endsWith(uiText('listMoreQuestion', { size: numberWord(groups[1].length) }))).toBe(true);
        // U: yes
        expect((await yes(c)).text).toBe(expectedAnswer(id, 1));
      } else {
        expect(a.text.endsWith(uiText('listChooseQuestion'))).toBe(true);
      }
      return;
    }

    // The card holds the whole answer, and the support line where the answer has one.
    const line = entry.contact ? content.contacts['en-GB'][entry.contact] : undefined;
    expect(a.card).toMatchObject({ content: [...entry.parts, ...(line ? [`${line.name}: ${line.number}, ${line.hours}.`] : [])].join('\n\n') });
    let last = a;
    // The one-shot's first turn carried the disclaimer, which moves where the turns end.
    for (let step = 1; step < topicTurns(entry, true).length; step++) {
      // U: yes
      last = await yes(c);
      // A: the next part … "Would you like to hear more?" until the last part
      expect(last.text).toBe(expectedAnswer(id, step, true));
    }
    // A: … the follow-up question (entry.offer.question, or the next item of its list)
    expect(last.text.endsWith(followUpOf(entry))).toBe(true);
    if (entry.offer) {
      // U: yes
      const next = await yes(c);
      // A: the offered entry, from its start
      expect(next.text).toBe(expectedAnswer(entry.offer.goTo));
    }
  });
});

describe('lists are read three at a time', () => {
  it('the tests and scans: groups of three, yes for more, then "Which would you like to hear about?"', async () => {
    const tests = listOf('tests');
    const groups = groupsOf(tests);
    const c = await launched();
    // U: what tests might I have
    const first = await c.intent('TestsIntent');
    // A: There are seven tests and scans: the first three are blood tests, … You may have some of them. Would you like to hear the next three?
    expect(first.text).toBe(
      joined(
        uiText('listOpening', { count: numberWord(tests.items.length), noun: heard(tests.noun.many), size: numberWord(groups[0].length), items: listed(groups[0].map(nameOf)) }),
        heard(tests.intro),
        uiText('listMoreQuestion', { size: numberWord(groups[1].length) }),
      ),
    );
    expect(first.reprompt).toBe(uiText('listMoreReprompt', { size: numberWord(groups[1].length), example: exampleOf('tests') }));
    // U: yes
    const second = await yes(c);
    // A: The next three are a C T scan, an M R I scan and a pet C T scan. Would you like to hear the next one?
    expect(second.text).toBe(
      joined(
        uiText('listNextGroup', { size: numberWord(groups[1].length), items: listed(groups[1].map(nameOf)) }),
        uiText('listMoreQuestion', { size: numberWord(groups[2].length) }),
      ),
    );
    // U: yes
    const third = await yes(c);
    // A: The last one is a bone biopsy. Which would you like to hear about?
    expect(groups).toHaveLength(3);
    expect(groups[2]).toHaveLength(1);
    expect(third.text).toBe(joined(uiText('listLastOne', { items: nameOf(groups[2][0]) }), uiText('listChooseQuestion')));
    expect(third.reprompt).toBe(uiText('listChooseReprompt', { example: exampleOf('tests', 2) }));
  });

  it.each(['tests', 'treatments', 'topics'])('the %s list can be read to the end with yes', async (id) => {
    const c = await launched();
    const groups = groupsOf(listOf(id));
    // U: (asks for the list), then yes, yes, …
    expect((await c.intent(Object.keys(TOPIC_INTENTS).find((k) => TOPIC_INTENTS[k] === id) ?? '')).text).toBe(expectedAnswer(id, 0));
    for (let step = 1; step < groups.length; step++) {
      // A: The next three are … / The last … are …
      expect((await yes(c)).text).toBe(expectedAnswer(id, step));
    }
    expect(c.transcript[c.transcript.length - 1].text.endsWith(uiText('listChooseQuestion'))).toBe(true);
  });

  it.each([
    ['right after the list starts', ['TestsIntent']],
    ['in the middle of the list', ['TestsIntent', 'AMAZON.YesIntent']],
    ['after the whole list', ['TestsIntent', 'AMAZON.YesIntent', 'AMAZON.YesIntent']],
    ['after an unrelated topic', ['SymptomsIntent']],
    ['after a treatment', ['TreatmentsIntent']],
  ])('naming an item %s drills in', async (_when, before) => {
    const c = await launched();
    for (const intent of before) await c.intent(intent);
    // U: the bone scan
    const a = await c.intent('TestDetailIntent', { test: { value: 'the bone scan', id: 'bone-scan' } });
    // A: A bone scan shows all the bones in the body. … Would you like to hear about the next test, a C T scan?
    expect(a.text).toBe(expectedAnswer('bone-scan'));
    expect(cardTitle(a)).toBe(entryOf('bone-scan').title);
    expect(a.reprompt).toBe(uiText('offerReprompt', { name: nameOf('ct-scan') }));
  });

  it.each(['tests', 'treatments'])('after each item of %s, yes plays the next item; after the last, the list\'s own offer', async (id) => {
    const list = listOf(id);
    const c = await launched();
    // U: (names the first item)
    let a = await nameItem(c, list.items[0]);
    expect(a.text).toBe(expectedAnswer(list.items[0]));
    for (const [index, item] of list.items.entries()) {
      const next = list.items[index + 1];
      if (next) {
        // A: … Would you like to hear about the next test, <next>?
        expect(a.text.endsWith(uiText('nextItemQuestion', { noun: heard(list.noun.one), name: nameOf(next) }))).toBe(true);
        // U: yes
        a = await yes(c);
        expect(a.text).toBe(expectedAnswer(next));
      } else {
        expect(item).toBe(list.items[list.items.length - 1]);
        // A: … Would you like to hear how doctors look for the primary cancer, when it is not yet known?
        expect(list.after).toBeDefined();
        expect(a.text.endsWith(heard(list.after?.question ?? ''))).toBe(true);
        // U: yes
        expect((await yes(c)).text).toBe(expectedAnswer(list.after?.goTo ?? ''));
      }
    }
  });

  it('a treatment the page covers elsewhere is answered by that entry (radiotherapy → managing symptoms)', async () => {
    const treatments = listOf('treatments');
    const [alias, target] = Object.entries(treatments.alsoAnswers)[0];
    const c = await launched();
    // U: what is radiotherapy
    const a = await c.intent('TreatmentDetailIntent', { treatment: { value: alias, id: alias } });
    // A: Managing the symptoms of secondary bone cancer is usually an important part of your treatment. …
    expect(a.text).toBe(expectedAnswer(target));
  });
});

describe('yes, no, next, repeat, previous and start over', () => {
  it('yes accepts the follow-up that was just offered', async () => {
    const c = await launched();
    // U: what are the symptoms
    await c.intent('SymptomsIntent');
    // A: … Would you like to hear how symptoms can be managed?
    // U: yes
    const a = await yes(c);
    // A: Managing the symptoms of secondary bone cancer …
    expect(a.text).toBe(expectedAnswer(topicOf('symptoms').offer?.goTo ?? ''));
  });

  it('yes when nothing was offered says what can be asked, and keeps listening', async () => {
    const c = await launched();
    // U: yes
    const a = await yes(c);
    // A: You can ask about the symptoms, the tests and scans, or the treatments, … What would you like to know?
    expect(a.text).toBe(joined(uiText('yesWithoutOffer'), ui.welcomeQuestion));
    expect(a.endSession).toBe(false);
  });

  it('no declines the offer and keeps the session open; a later yes does not play it', async () => {
    const c = await launched();
    // U: what are the symptoms
    await c.intent('SymptomsIntent');
    // U: no
    const a = await c.intent('AMAZON.NoIntent');
    // A: All right. You can ask about something else, or say "stop" to finish. What would you like to know?
    expect(a.text).toBe(joined(uiText('noAfterOffer'), ui.welcomeQuestion));
    expect(a.endSession).toBe(false);
    // U: yes
    const b = await yes(c);
    // A: You can ask about the symptoms, the tests and scans, or the treatments, … What would you like to know?
    expect(b.text).toBe(joined(uiText('yesWithoutOffer'), ui.welcomeQuestion));
  });

  it('next goes on like yes: the next group of a list', async () => {
    const c = await launched();
    // U: how is it treated
    await c.intent('TreatmentsIntent');
    // U: next
    const a = await c.intent('AMAZON.NextIntent');
    // A: The next three are immunotherapy, surgery and bisphosphonates. Which would you like to hear about?
    expect(a.text).toBe(expectedAnswer('treatments', 1));
  });

  it('next with nothing to go on to says so', async () => {
    const c = await launched();
    // U: next
    const a = await c.intent('AMAZON.NextIntent');
    // A: That was the end of this part. You can say "what can I ask" to hear the topics. What would you like to know?
    expect(a.text).toBe(joined(uiText('nothingNext'), ui.welcomeQuestion));
  });

  it('repeat gives exactly the previous answer', async () => {
    const c = await launched();
    // U: what tests might I have
    const a = await c.intent('TestsIntent');
    // U: repeat
    const b = await repeat(c);
    // A: (the same, word for word)
    expect(b.ssml).toBe(a.ssml);
    expect(b.reprompt).toBe(a.reprompt);
    // U: yes — the repeat kept the offer
    expect((await yes(c)).text).toBe(expectedAnswer('tests', 1));
  });

  it('repeat of a one-shot answer says the disclaimer again, exactly as before', async () => {
    const c = conversation();
    // U: ask bone secondaries guide what causes it
    const a = await c.intent('CausesIntent');
    // U: repeat
    const b = await repeat(c);
    expect(b.ssml).toBe(a.ssml);
    expect(count(b.text, ui.disclaimer)).toBe(1);
  });

  it('repeat after the welcome repeats the welcome', async () => {
    const c = conversation();
    const a = await c.launch();
    // U: repeat
    expect((await repeat(c)).ssml).toBe(a.ssml);
  });

  it('repeat after a "sorry" repeats the last real answer, not the sorry', async () => {
    const c = await launched();
    // U: what are the symptoms
    const a = await c.intent('SymptomsIntent');
    // U: (mumbles)
    const sorry = await fallback(c);
    // A: Sorry, I didn't catch that. …
    expect(sorry.text).toContain(uiText('fallbackGeneral'));
    // U: repeat
    const b = await repeat(c);
    // A: The most common symptom of secondary bone cancer is pain. …
    expect(b.ssml).toBe(a.ssml);
  });

  it('repeat after an unknown item repeats the last real answer', async () => {
    const c = await launched();
    const a = await c.intent('TreatmentsIntent');
    // U: what is magic beans
    await c.intent('TreatmentDetailIntent', { treatment: { value: 'magic beans' } });
    // U: repeat
    expect((await repeat(c)).ssml).toBe(a.ssml);
  });

  it('repeat with nothing said yet says so', async () => {
    const c = conversation();
    // U: ask bone secondaries guide to repeat
    const a = await repeat(c);
    // A: I haven't said anything yet that I can repeat. What would you like to know?
    expect(a.text).toBe(joined(uiText('nothingToRepeat'), ui.welcomeQuestion));
    expect(a.endSession).toBe(false);
  });

  it('previous returns to the answers before, one at a time, then says there is nothing before', async () => {
    const c = await launched();
    // U: what are the symptoms / what causes it / how is it diagnosed
    const symptoms = await c.intent('SymptomsIntent');
    const causes = await c.intent('CausesIntent');
    await c.intent('DiagnosisIntent');
    // U: go back
    expect((await previous(c)).ssml).toBe(causes.ssml);
    // U: go back
    expect((await previous(c)).ssml).toBe(symptoms.ssml);
    // U: go back
    const a = await previous(c);
    // A: There is nothing before this. What would you like to know?
    expect(a.text).toBe(joined(uiText('nothingBefore'), uiText('topicsQuestion')));
  });

  it('previous inside a list goes back a group', async () => {
    const c = await launched();
    const first = await c.intent('TestsIntent');
    await yes(c);
    // U: go back
    expect((await previous(c)).ssml).toBe(first.ssml);
  });

  it('previous after a "sorry" still returns to the answer before the last one', async () => {
    const c = await launched();
    const symptoms = await c.intent('SymptomsIntent');
    await c.intent('CausesIntent');
    await fallback(c);
    // U: go back
    expect((await previous(c)).ssml).toBe(symptoms.ssml);
  });

  it('start over reads the list of topics and forgets the way back', async () => {
    const c = await launched();
    await c.intent('SymptomsIntent');
    await c.intent('TestsIntent');
    // U: start over
    const a = await c.intent('AMAZON.StartOverIntent');
    // A: I can tell you about secondary bone cancer, from its causes to support after treatment. There are seventeen topics. …
    expect(a.text).toBe(expectedAnswer(content.menu));
    // U: go back
    expect((await previous(c)).text).toBe(joined(uiText('nothingBefore'), uiText('topicsQuestion')));
  });
});

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

describe('leaving', () => {
  it.each(['AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.NavigateHomeIntent'])('%s ends the session with the goodbye', async (intent) => {
    const c = await launched();
    await c.intent('TestsIntent');
    // U: stop
    const a = await c.intent(intent);
    // A: Goodbye. Take care.
    expect(a.text).toBe(ui.goodbye);
    expect(a.endSession).toBe(true);
    expect(a.reprompt).toBeUndefined();
  });

  it.each(['AMAZON.StopIntent', 'AMAZON.CancelIntent'])('%s as a one-shot ends the session too', async (intent) => {
    const a = await conversation().intent(intent);
    expect(a.text).toBe(ui.goodbye);
    expect(a.endSession).toBe(true);
  });

  it.each(['USER_INITIATED', 'EXCEEDED_MAX_REPROMPTS', 'ERROR'] as const)('SessionEndedRequest (%s) gets no speech', async (reason) => {
    const c = await launched();
    const a = await c.sessionEnded(reason);
    expect(a.response.response.outputSpeech).toBeUndefined();
    expect(a.response.response.reprompt).toBeUndefined();
    expect(a.response.response.card).toBeUndefined();
  });

  it('SessionEndedRequest with an error object gets no speech', async () => {
    const c = await launched();
    const a = await c.request({ type: 'SessionEndedRequest', reason: 'ERROR', error: { type: 'INVALID_RESPONSE', message: 'bad SSML' } });
    expect(a.response.response.outputSpeech).toBeUndefined();
  });

  it('SessionEndedRequest in an unsupported locale gets no speech either', async () => {
    const a = await conversation({ locale: 'de-DE' }).sessionEnded();
    expect(a.response.response.outputSpeech).toBeUndefined();
  });
});

describe('slot values that do not resolve', () => {
  /** The part of an unknownItem answer that echoes what was heard: between the apology and the list that follows it. */
  function echoed(a: Answer, listId: string): string {
    const [before, after] = content.ui.unknownItem.split('{heard}');
    const list = ` ${expectedAnswer(listId)}`;
    expect(a.text.startsWith(before)).toBe(true);
    expect(a.text.endsWith(`${after.trim()}${list}`)).toBe(true);
    return a.text.slice(before.length, a.text.length - list.length - after.trim().length);
  }

  it('"magic beans" says so, then reads the treatments three at a time', async () => {
    const c = await launched();
    // U: what is magic beans
    const a = await c.intent('TreatmentDetailIntent', { treatment: { value: 'magic beans' } });
    // A: Sorry, I don't have information about magic beans. There are six treatments. … The first three are … Would you like to hear the next three?
    expect(a.text).toBe(joined(uiText('unknownItem', { heard: 'magic beans' }), expectedAnswer('treatments')));
    expect(a.reprompt).toBe(uiText('listMoreReprompt', { size: numberWord(groupsOf(listOf('treatments'))[1].length), example: exampleOf('treatments') }));
    expect(a.endSession).toBe(false);
    // U: the second one
    const b = await c.intent('ChooseItemIntent', { position: { value: 'second', id: '2', type: 'ItemPosition' } });
    expect(b.text).toBe(expectedAnswer(groupsOf(listOf('treatments'))[0][1]));
    // U: repeat — the last real answer, without the apology
    await c.intent('TreatmentDetailIntent', { treatment: { value: 'magic beans' } });
    const again = await c.intent('AMAZON.RepeatIntent');
    expect(again.text).toBe(expectedAnswer('treatments'));
  });

  it('"yes" after an unknown value plays only what was just offered', async () => {
    const c = await launched();
    await c.intent('TestsIntent');
    // U: tell me about a dexa scan — A: Sorry … There are seven tests … Would you like to hear the next three?
    await c.intent('TestDetailIntent', { test: { value: 'dexa scan' } });
    // U: yes — A: the next three tests, as just offered
    const b = await yes(c);
    expect(b.text).toBe(expectedAnswer('tests', 1));
  });

  it('an unknown test names the tests', async () => {
    const a = await (await launched()).intent('TestDetailIntent', { test: { value: 'a unicorn scan' } });
    expect(echoed(a, 'tests')).toBe('a unicorn scan');
  });

  it.each([
    ['an empty slot', {}],
    ['a blank value', { value: '   ' }],
  ])('%s reads the list', async (_name, slot) => {
    const c = await launched();
    // U: what is … (nothing heard)
    const a = await c.intent('TreatmentDetailIntent', { treatment: slot });
    // A: The aim of treatment is to control secondary bone cancer rather than cure it. … There are six treatments. …
    expect(a.text).toBe(expectedAnswer('treatments'));
  });

  it('hostile markup in the slot is echoed escaped, as valid SSML', async () => {
    const hostile = '<script>&"x"</script>';
    const a = await (await launched()).intent('TreatmentDetailIntent', { treatment: { value: hostile } });
    expect(a.ssml).not.toContain('<script>');
    expect(a.ssml).toContain('&lt;script&gt;&amp;&quot;x&quot;&lt;/script&gt;');
    expect(echoed(a, 'treatments')).toBe(hostile);
  });

  it('control characters in the slot are dropped', async () => {
    const a = await (await launched()).intent('TestDetailIntent', { test: { value: 'magic\u0007 beans\u0000' } });
    expect(echoed(a, 'tests')).toBe('magic beans');
  });

  it('a known name in the other slot (a treatment heard as a test) is answered, not called unknown', async () => {
    const a = await (await launched()).intent('TestDetailIntent', { test: { value: 'chemotherapy' } });
    expect(a.text).toBe(expectedAnswer('chemotherapy'));
  });

  it('a 500-character value is cut short in the echo', async () => {
    const long = 'magic beans and '.repeat(40).slice(0, 500);
    const a = await (await launched()).intent('TestDetailIntent', { test: { value: long } });
    const echo = echoed(a, 'tests');
    expect(echo.length).toBeGreaterThan(0);
    expect(echo.length).toBeLessThan(100);
    expect(long.startsWith(echo)).toBe(true);
  });

  it('a cut that falls inside an emoji still gives valid SSML', async () => {
    const value = `${'x'.repeat(59)}\u{1F600} beans`;
    const a = await (await launched()).intent('TreatmentDetailIntent', { treatment: { value } });
    expect(echoed(a, 'treatments').startsWith('x'.repeat(59))).toBe(true);
  });

  it('a slot heard as "constructor" is an unknown treatment, not a built-in', async () => {
    const a = await (await launched()).intent('TreatmentDetailIntent', { treatment: { value: 'constructor' } });
    expect(echoed(a, 'treatments')).toBe('constructor');
  });

  describe.each(Object.keys(ITEM_INTENTS))('in %s, a slot heard as a built-in word acts as that built-in', (intent) => {
    const slot = ITEM_INTENTS[intent].slot;
    it.each([
      ['cancel', 'AMAZON.CancelIntent'],
      ['stop', 'AMAZON.StopIntent'],
      ['Stop.', 'AMAZON.StopIntent'],
      ['help', 'AMAZON.HelpIntent'],
      ['yes', 'AMAZON.YesIntent'],
      ['no', 'AMAZON.NoIntent'],
      ['repeat', 'AMAZON.RepeatIntent'],
      ['go back', 'AMAZON.PreviousIntent'],
      ['next', 'AMAZON.NextIntent'],
    ])('"%s" → %s', async (word, builtIn) => {
      // The same conversation twice: once with the built-in, once with the word caught by the slot.
      const twins = [await launched(), await launched()];
      for (const c of twins) {
        await c.intent('SymptomsIntent');
        await c.intent('CausesIntent');
      }
      const meant = await twins[0].intent(builtIn);
      // U: (a slot-only sample catches) "cancel"
      const said = await twins[1].intent(intent, { [slot]: { value: word } });
      expect(said.ssml).toBe(meant.ssml);
      expect(said.endSession).toBe(meant.endSession);
      if (builtIn === 'AMAZON.CancelIntent' || builtIn === 'AMAZON.StopIntent') {
        // A: Goodbye. Take care.
        expect(said.text).toBe(ui.goodbye);
        expect(said.endSession).toBe(true);
      }
    });
  });
});

describe('corrupted session attributes never crash the conversation', () => {
  const CORRUPTIONS: [string, unknown][] = [
    ['a string for the conversation', { conversation: 'garbage' }],
    ['places that do not exist', { conversation: { said: { id: 'nope', step: 99 }, back: 'x', misses: -5, offer: { id: 'symptoms', step: 7 } } }],
    ['null attributes', null],
    ['attributes that are a string', 'attributes'],
    ['attributes that are an array', [1, 2, 3]],
    [
      'deeply wrong types',
      {
        conversation: {
          said: [],
          at: 'tests',
          offer: { id: ['tests'], step: '0' },
          back: [null, 7, 'symptoms', { id: 'symptoms', step: -1 }, { id: 'tests', step: 0.5 }, { id: { id: 'tests' }, step: 0 }],
          disclaimed: 'yes',
          misses: 'lots',
        },
        other: { nested: [[[{}]]] },
      },
    ],
    ['welcome and help at impossible steps', { conversation: { said: { id: '@welcome', step: 3 }, at: { id: '@help', step: 1 }, offer: { id: '', step: 0 }, back: [] } }],
    ['huge numbers', { conversation: { said: { id: 'tests', step: 1e308 }, misses: 1e308, back: Array.from({ length: 1000 }, () => ({ id: 'tests', step: 0 })) } }],
  ];

  const FOLLOW_UPS = ['AMAZON.RepeatIntent', 'AMAZON.YesIntent', 'AMAZON.PreviousIntent', 'AMAZON.HelpIntent', 'AMAZON.NextIntent', 'AMAZON.FallbackIntent', 'TestsIntent'];

  describe.each(CORRUPTIONS)('%s', (_name, attributes) => {
    it.each(FOLLOW_UPS)('then %s gives a helpful answer', async (intent) => {
      const c = conversation().withAttributes(attributes);
      const a = await c.intent(intent);
      expectHelpful(a);
      // … and the conversation carries on from what the skill wrote back: with the disclaimer unless already said, and
      // a new listener's note of the review date unless already said (Help gives the disclaimer, not the date).
      const note = (text: string) => text.replace(/\?$/, '').replace(/ (Would you like[^.]*)$/, ` ${uiText('reviewNote')} $1`) + '?';
      expect([expectedAnswer('symptoms'), expectedAnswer('symptoms', 0, true), note(expectedAnswer('symptoms'))]).toContain((await c.intent('SymptomsIntent')).text);
    });

    it('then launch gives the welcome', async () => {
      const a = await conversation().withAttributes(attributes).launch();
      expect(a.text).toBe(joined(ui.welcome, ui.disclaimer, ui.welcomeQuestion));
    });
  });

  it('a valid place in otherwise broken attributes is kept: repeat replays it', async () => {
    const c = conversation().withAttributes({ conversation: { said: { id: 'causes', step: 0 }, back: 'x', misses: 'x' } });
    expect((await repeat(c)).text).toBe(expectedAnswer('causes', 0, true));
  });

  it('corruption mid-conversation: the next turn still answers', async () => {
    const c = await launched();
    await c.intent('TestsIntent');
    c.withAttributes({ conversation: { said: { id: 'nope', step: 99 }, back: 'x', misses: -5, offer: { id: 'symptoms', step: 7 } } });
    expectHelpful(await yes(c));
  });

  it('a place whose id is an Object.prototype key is dropped like any unknown id', async () => {
    const c = conversation().withAttributes({ conversation: { said: { id: 'constructor', step: 0 }, at: { id: '__proto__', step: 0 } } });
    expectHelpful(await repeat(c));
  });
});

describe('requests the skill does not expect', () => {
  it('an unknown intent gets the fallback', async () => {
    const c = await launched();
    // U: (an intent this code does not know)
    const a = await c.intent('MadeUpIntent');
    expect(a.text).toBe(joined(uiText('fallbackGeneral'), uiText('fallbackQuestion')));
    expect(a.endSession).toBe(false);
  });

  it.each(['Display.ElementSelected', 'CanFulfillIntentRequest', 'Alexa.Presentation.APL.UserEvent'])('an unhandled request type (%s) gets a spoken answer', async (type) => {
    const c = await launched();
    const a = await c.request({ type, token: 'x', intent: { name: 'SymptomsIntent', slots: {} } });
    // A: Sorry, I can't do that here. What would you like to know?
    expect(a.text).toBe(joined(uiText('unsupportedRequest'), ui.welcomeQuestion));
    expect(a.endSession).toBe(false);
  });

  it.each(['de-DE', 'en-US', 'fr-FR'])('locale %s: says the skill is only for the UK, and ends', async (locale) => {
    const c = conversation({ locale });
    for (const a of [await conversation({ locale }).launch(), await c.intent('SymptomsIntent')]) {
      expect(a.text).toBe(uiText('unsupportedLocale'));
      expect(a.endSession).toBe(true);
    }
  });

  it('a skill built for one application id refuses requests for another, and answers its own', async () => {
    const skill = buildSkill({ skillId: 'amzn1.ask.skill.real' });
    const other = new LaunchRequestBuilder(TEST_SETTINGS).build();
    await expect(skill.invoke(other, LAMBDA_CONTEXT)).rejects.toThrow();
    const own = conversation({ appId: 'amzn1.ask.skill.real', handler: (event, context) => skill.invoke(event, context) });
    expect((await own.launch()).text).toBe(joined(ui.welcome, ui.disclaimer, ui.welcomeQuestion));
  });
});

describe('the error handler', () => {
  const SECRET = 'kaboom in /var/task/lambda/secret.ts:42';

  /** Nothing of the error reaches the listener: no message, no stack, no file names. */
  function expectNoLeak(a: Answer): void {
    const everything = JSON.stringify(a.response);
    expect(everything).not.toContain('kaboom');
    expect(everything).not.toContain('secret.ts');
    expect(a.text).not.toMatch(/Error|\bat \S+ \(|\.ts\b|\.js\b/);
  }

  it('a handler that throws: the apology, and the session stays open', async () => {
    const throwing: RequestHandler = {
      canHandle: () => true,
      handle: () => {
        throw new Error(SECRET);
      },
    };
    const skill = SkillBuilders.custom().addRequestHandlers(throwing).addErrorHandlers(SkillErrorHandler).create();
    const c = conversation({ handler: (event, context) => skill.invoke(event, context) });
    // U: what are the symptoms
    const a = await c.intent('SymptomsIntent');
    // A: Sorry, something went wrong on my side. Please try asking again. What would you like to know?
    expect(a.text).toBe(joined(ui.error, ui.welcomeQuestion));
    expect(a.endSession).toBe(false);
    expectNoLeak(a);
  });

  it('a slot whose resolutions are not a list: read by its words, answered, no stack', async () => {
    const c = await launched();
    const envelope = new LaunchRequestBuilder(TEST_SETTINGS).build();
    const request: IntentRequest = {
      type: 'IntentRequest',
      requestId: 'EdwRequestId.broken',
      timestamp: new Date().toISOString(),
      locale: 'en-GB',
      dialogState: 'STARTED',
      intent: {
        name: 'TestDetailIntent',
        confirmationStatus: 'NONE',
        // resolutionsPerAuthority is not a list: no resolution, so the heard words are matched to a known name.
        slots: { test: { name: 'test', value: 'bone scan', confirmationStatus: 'NONE', resolutions: JSON.parse('{"resolutionsPerAuthority": 5}') } },
      },
    };
    const broken: RequestEnvelope = { ...envelope, session: { ...envelope.session, new: false, attributes: c.attributes } as RequestEnvelope['session'], request };
    const a = await c.raw(broken);
    expect(a.text).toBe(expectedAnswer('bone-scan'));
    expectNoLeak(a);
    // U: what are the symptoms — the conversation goes on
    expect((await c.intent('SymptomsIntent')).text).toBe(expectedAnswer('symptoms'));
  });

  it('an intent request without an intent: treated as a request the skill does not handle, no stack', async () => {
    const c = await launched();
    const a = await c.request({ type: 'IntentRequest' });
    expect(a.text).toBe(joined(uiText('unsupportedRequest'), ui.welcomeQuestion));
    expectNoLeak(a);
  });

  it('a request with no session at all: the apology and an invitation to try again, no stack', async () => {
    const throwing: RequestHandler = {
      canHandle: () => true,
      handle: () => {
        throw new Error(SECRET);
      },
    };
    const skill = SkillBuilders.custom().addRequestHandlers(throwing).addErrorHandlers(SkillErrorHandler).create();
    const envelope = new LaunchRequestBuilder(TEST_SETTINGS).build();
    delete envelope.session;
    const a = await conversation({ handler: (event, context) => skill.invoke(event, context) }).raw(envelope);
    expect(a.text).toBe(joined(ui.error, ui.welcomeQuestion));
    expect(a.endSession).toBe(false);
    expectNoLeak(a);
  });
});
