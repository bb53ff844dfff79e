/**
 * Every topic intent of the model, asked as a one-shot against the real Lambda handler and followed with yes to the
 * end: `// U:` is what the listener says, `// A:` what Alexa answers (abbreviated; the expectations are built from the
 * compiled content). Each answer starts where its entry starts, carries the entry's card, and ends on its follow-up
 * question, which yes accepts. Every answer also passes the checks in test/support/conversation.ts.
 */
import { sentencesOf } from '../../../tools/content/sentences';
import { TOPIC_INTENTS } from '../../../lambda/handlers/topic-intents';
import {
  content,
  conversation,
  countSentenceOf,
  entryOf,
  expectedAnswer,
  followUpOf,
  groupsOf,
  heard,
  numberWord,
  topicTurns,
  uiText,
} from '../../support/conversation';
import { cardTitle, yes } from './helpers';

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
