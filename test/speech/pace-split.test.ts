/**
 * A long answer is split by pace, not only by word count: at the slowest pace each turn stays under 40 seconds,
 * so the same answer takes more turns, and together they say every sentence once, in order.
 */
import type { TopicEntry } from '../../lambda/content/types';
import { spokenSeconds } from '../support/alexa-ssml';
import { type Answer, content, type Conversation, conversation, heard, listOf, MAX_SECONDS, nameOf, uiText } from '../support/conversation';
import { TOPIC_INTENTS } from '../../lambda/handlers/topic-intents';

const yes = (c: Conversation) => c.intent('AMAZON.YesIntent');
const topics = Object.entries(TOPIC_INTENTS).filter(([, id]) => content.entries[id].kind === 'topic') as [string, string][];

/** Every turn of a topic asked for at a pace (0 slowest, 2 normal), saying "yes" to "more" until it is done. */
async function turnsAt(intent: string, slowerSteps: number): Promise<Answer[]> {
  const c = conversation();
  for (let i = 0; i < slowerSteps; i++) await c.intent('SpeakSlowerIntent');
  const turns = [await c.intent(intent)];
  while (turns[turns.length - 1].text.endsWith(uiText('moreQuestion'))) turns.push(await yes(c));
  return turns;
}

describe('at the slowest pace', () => {
  it.each(topics)('%s: every turn under 40 s, and together every sentence once, in order', async (intent, id) => {
    // U: speak slower · U: speak slower · U: (the question) · U: yes …
    const turns = await turnsAt(intent, 2);
    for (const t of turns) expect(spokenSeconds(t.ssml)).toBeLessThanOrEqual(MAX_SECONDS);
    const said = turns.map((t) => t.text).join(' ');
    let from = 0;
    for (const part of (content.entries[id] as TopicEntry).parts) {
      for (const sentence of heard(part).split(/(?<=[.?!]) (?=[A-Z])/)) {
        const at = said.indexOf(sentence, from);
        expect({ sentence, found: at >= 0 }).toEqual({ sentence, found: true });
        from = at + sentence.length;
      }
    }
  });

  it('long answers take more turns than at normal pace, and none takes fewer', async () => {
    let more = 0;
    for (const [intent] of topics) {
      const slow = (await turnsAt(intent, 2)).length;
      const normal = (await turnsAt(intent, 0)).length;
      expect(slow).toBeGreaterThanOrEqual(normal);
      if (slow > normal) more += 1;
    }
    expect(more).toBeGreaterThan(0);
  });
});

describe('"read them all" at the slowest pace', () => {
  it('reads the seventeen topics in two turns, none over 40 s, every name once', async () => {
    const c = conversation();
    await c.intent('SpeakSlowerIntent');
    await c.intent('SpeakSlowerIntent');
    // U: read them all
    const first = await c.intent('ReadAllIntent');
    expect(spokenSeconds(first.ssml)).toBeLessThanOrEqual(MAX_SECONDS);
    // A: There are seventeen topics. They include …, and N more. Would you like to hear the other N?
    expect(first.text).toMatch(/^There are seventeen topics\. They include .* and \w+ more\. Would you like to hear the other \w+\?$/);
    // U: yes
    const rest = await yes(c);
    expect(spokenSeconds(rest.ssml)).toBeLessThanOrEqual(MAX_SECONDS);
    expect(rest.text).toMatch(/^The other \w+ are /);
    const both = `${first.text} ${rest.text}`;
    for (const item of listOf(content.menu).items) expect(both.split(nameOf(item)).length - 1).toBeGreaterThanOrEqual(1);
  });

  it('reads them in one turn at normal pace', async () => {
    const a = await conversation().intent('ReadAllIntent');
    expect(a.text.startsWith('The seventeen topics are ')).toBe(true);
  });
});
