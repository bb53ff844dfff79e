/**
 * Launch and one-shot requests with the real Lambda handler, written as transcripts: `// U:` is what the listener
 * says, `// A:` what Alexa answers (abbreviated; the expectations are built from the compiled content). The welcome
 * says the disclaimer once; a one-shot answers straight away, with the disclaimer on its first answer only; and the
 * transcript helper itself marks only the first request of a session as new. Every answer also passes the checks in
 * test/support/conversation.ts.
 */
import type { RequestEnvelope } from 'ask-sdk-model';
import { buildSkill } from '../../../lambda/skill';
import { conversation, expectedAnswer, firstSentenceOf, joined } from '../../support/conversation';
import { count, launched, nameItem, ui } from './helpers';

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
