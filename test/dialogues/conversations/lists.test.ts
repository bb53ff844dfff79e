/**
 * Lists and their items with the real Lambda handler, written as transcripts: `// U:` is what the listener says,
 * `// A:` what Alexa answers (abbreviated; the expectations are built from the compiled content). Lists are read three
 * at a time with yes for more; naming an item drills in from anywhere; yes after an item plays the next one, and after
 * the last the list's own offer; a name the page answers elsewhere goes to that entry. Every answer also passes the
 * checks in test/support/conversation.ts.
 */
import { TOPIC_INTENTS } from '../../../lambda/handlers/topic-intents';
import { conversation, entryOf, expectedAnswer, groupsOf, heard, joined, listed, listOf, nameOf, numberWord, uiText } from '../../support/conversation';
import { cardTitle, exampleOf, launched, nameItem, yes } from './helpers';

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

describe('"read them all" as the first thing a listener asks', () => {
  it('says only the names; the disclaimer comes with the first answer after them, once', async () => {
    const c = conversation();
    const topics = listOf('topics');
    // U: ask bone secondaries guide to read them all
    const all = await c.intent('ReadAllIntent');
    // A: The seventeen topics are what secondary bone cancer is, …. Which would you like to hear about?
    expect(all.text).toBe(joined(uiText('listAll', { count: numberWord(topics.items.length), noun: heard(topics.noun.many), items: listed(topics.items.map(nameOf)) }), uiText('listChooseQuestion')));
    // U: what causes it
    const causes = await c.intent('CausesIntent');
    // A: … This is general information, not medical advice. …
    expect(causes.text).toContain(uiText('disclaimer'));
    // U: what are the symptoms
    expect((await c.intent('SymptomsIntent')).text).not.toContain(uiText('disclaimer'));
  });
});

describe("a list's card", () => {
  it.each([
    ['TestsIntent', 'tests'],
    ['TreatmentsIntent', 'treatments'],
    ['TopicsIntent', 'topics'],
  ])("%s: the list's intro as the content wrote it, then every item by title", async (intent, id) => {
    const list = listOf(id);
    const a = await conversation().intent(intent);
    expect(a.card).toMatchObject({ title: list.title, content: [list.intro, ...list.items.map((item) => `• ${entryOf(item).title}`)].join('\n') });
  });
});
