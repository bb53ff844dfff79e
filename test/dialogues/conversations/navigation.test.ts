/**
 * Finding the way with the real Lambda handler, written as transcripts: `// U:` is what the listener says, `// A:`
 * what Alexa answers (abbreviated; the expectations are built from the compiled content). Yes accepts only what was
 * just offered and no declines it; next goes on like yes; repeat gives the last real answer word for word; previous
 * goes back one answer at a time; start over reads the topics and forgets the way back. Every answer also passes the
 * checks in test/support/conversation.ts.
 */
import { content, conversation, type Conversation, expectedAnswer, joined, topicOf, uiText } from '../../support/conversation';
import { count, fallback, launched, repeat, ui, yes } from './helpers';

const previous = (c: Conversation) => c.intent('AMAZON.PreviousIntent');

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
