/**
 * Corrupted session attributes with the real Lambda handler: whatever the attributes hold (wrong types, unknown
 * places, prototype keys, huge numbers), at the start of a session or in the middle of one, the next request gets a
 * real answer and the conversation carries on; a valid place among broken ones is kept. The expectations are built
 * from the compiled content, and every answer also passes the checks in test/support/conversation.ts.
 */
import { type Answer, conversation, expectedAnswer, joined, uiText } from '../../support/conversation';
import { launched, repeat, ui, yes } from './helpers';

/** The answer is a real, helpful one: not the error apology, and the conversation goes on. */
function expectHelpful(a: Answer): void {
  expect(a.text).not.toContain(ui.error);
  expect(a.endSession).toBe(false);
}

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
    ['welcome and help at impossible steps (an older shape)', { conversation: { said: { id: '@welcome', step: 3 }, at: { id: '@help', step: 1 }, offer: { id: '', step: 0 }, back: [] } }],
    [
      'screens without their variant, or where only answers belong',
      { conversation: { said: { screen: 'welcome', returning: 'yes' }, at: { screen: 'help' }, offer: { screen: 'all', list: 'symptoms', from: -1 }, next: { screen: 'crisis' }, back: [{ screen: 'emergency' }] } },
    ],
    ['a screen that does not exist', { conversation: { said: { screen: '__proto__' }, offer: { screen: 'toString', id: 'tests', step: 0 } } }],
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
