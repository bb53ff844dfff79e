/**
 * The corpus is measured on what Alexa passes to the skill: from a one-shot, the words after the invocation name and
 * its connector. The blind rounds' writers called the skill "bone guide".
 */
import { afterInvocation } from '../../tools/nlu/evaluate';

describe('a one-shot phrasing, as Alexa passes it on', () => {
  it.each([
    ["ask bone guide what to do my dad can't feel his feet", "what to do my dad can't feel his feet"],
    ['ask bone secondaries guide about myeloma', 'myeloma'],
    ['tell bone guide that my mum has fallen', 'that my mum has fallen'],
    ['ask bone guide whether it can be cured', 'it can be cured'],
    ['whether it can be cured', 'it can be cured'],
    ['tell me about myeloma', 'tell me about myeloma'],
    ['ask my doctor about bone guide', 'ask my doctor about bone guide'],
  ])('"%s" → "%s"', (said, passed) => {
    expect(afterInvocation(said, 'bone secondaries guide')).toBe(passed);
  });
});
