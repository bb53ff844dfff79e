/**
 * Requests the skill does not expect, and the error handler, with the real Lambda handler: `// U:` is what the
 * listener says, `// A:` what Alexa answers (abbreviated; the expectations are built from the compiled content). An
 * unknown intent gets the fallback, an unhandled request type a spoken answer, another locale or application id a
 * refusal; a handler that throws, a broken slot or a request without a session gets an apology or an answer and never
 * leaks the error. Every answer also passes the checks in test/support/conversation.ts.
 */
import { SkillBuilders, type RequestHandler } from 'ask-sdk-core';
import type { IntentRequest, RequestEnvelope } from 'ask-sdk-model';
import { LaunchRequestBuilder } from 'ask-sdk-test';
import { SkillErrorHandler } from '../../../lambda/errors/error-handler';
import { buildSkill } from '../../../lambda/skill';
import { type Answer, conversation, expectedAnswer, joined, LAMBDA_CONTEXT, TEST_SETTINGS, uiText } from '../../support/conversation';
import { launched, ui } from './helpers';

describe('requests the skill does not expect', () => {
  it('an unknown intent gets the fallback', async () => {
    const c = await launched();
    // U: (an intent this code does not know)
    const a = await c.intent('MadeUpIntent');
    expect(a.text).toBe(joined(uiText('fallbackGeneral'), uiText('fallbackQuestion')));
    expect(a.endSession).toBe(false);
  });

  it.each(['Display.ElementSelected', 'CanFulfillIntentRequest'])('an unhandled request type (%s) gets a spoken answer', async (type) => {
    const c = await launched();
    const a = await c.request({ type, token: 'x', intent: { name: 'SymptomsIntent', slots: {} } });
    // A: Sorry, I can't do that here. What would you like to know?
    expect(a.text).toBe(joined(uiText('unsupportedRequest'), ui.welcomeQuestion));
    expect(a.endSession).toBe(false);
  });

  // Found by a review: these two report an error on the device; they were answered "Sorry, I can't do that here",
  // which the listener never asked for, and the question they were about to answer was forgotten. Amazon's docs:
  // a skill cannot return speech or directives for System.ExceptionEncountered.
  it.each([
    ['Alexa.Presentation.APL.RuntimeError', { token: 'x', errors: [{ type: 'LIST_INDEX_OUT_OF_RANGE', message: 'bad index' }] }],
    ['System.ExceptionEncountered', { error: { type: 'INVALID_RESPONSE', message: 'bad' }, cause: { requestId: 'r' } }],
  ])('%s is not answered, and the question pending before it still stands', async (type, fields) => {
    const c = await launched();
    // U: what are the symptoms — A: … Would you like to hear how symptoms can be managed?
    await c.intent('SymptomsIntent');
    // (the device reports an error)
    const a = await c.request({ type, ...fields });
    expect(a.response.response.outputSpeech).toBeUndefined();
    expect(a.response.response.reprompt).toBeUndefined();
    expect(a.response.response.directives ?? []).toEqual([]);
    // U: yes — A: how symptoms can be managed, as offered before the error
    expect((await c.intent('AMAZON.YesIntent')).text).toBe(expectedAnswer('symptom-relief'));
  });

  it.each(['de-DE', 'es-US', 'fr-FR', 'hi-IN'])('locale %s: says in English that the skill is only in English, and ends', async (locale) => {
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

  /** A skill whose only handler throws an error naming a secret: what reaches the listener must hold none of it. */
  const throwingSkill = () => {
    const throwing: RequestHandler = {
      canHandle: () => true,
      handle: () => {
        throw new Error(SECRET);
      },
    };
    return SkillBuilders.custom().addRequestHandlers(throwing).addErrorHandlers(SkillErrorHandler).create();
  };

  it('a handler that throws: the apology, and the session stays open', async () => {
    const skill = throwingSkill();
    const c = conversation({ handler: (event, context) => skill.invoke(event, context) });
    // U: what are the symptoms
    const a = await c.intent('SymptomsIntent');
    // A: Sorry, something went wrong on my side. Please try asking again. What would you like to know?
    expect(a.text).toBe(joined(ui.error, ui.welcomeQuestion));
    expect(a.endSession).toBe(false);
    expectNoLeak(a);
  });

  it.each([
    ['are not a list', '{"resolutionsPerAuthority": 5}'],
    // Found by a review: a null authority threw, and the listener heard the error apology.
    ['hold a null authority', '{"resolutionsPerAuthority": [null, {"authority": "x", "status": {"code": "ER_SUCCESS_NO_MATCH"}}]}'],
    ['hold an authority with null values', '{"resolutionsPerAuthority": [{"authority": "x", "status": {"code": "ER_SUCCESS_MATCH"}, "values": [null]}]}'],
  ])('a slot whose resolutions %s: read by its words, answered, no stack', async (_what, resolutions) => {
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
        // No usable resolution, so the heard words are matched to a known name.
        slots: { test: { name: 'test', value: 'bone scan', confirmationStatus: 'NONE', resolutions: JSON.parse(resolutions) } },
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
    const skill = throwingSkill();
    const envelope = new LaunchRequestBuilder(TEST_SETTINGS).build();
    delete envelope.session;
    const a = await conversation({ handler: (event, context) => skill.invoke(event, context) }).raw(envelope);
    expect(a.text).toBe(joined(ui.error, ui.welcomeQuestion));
    expect(a.endSession).toBe(false);
    expectNoLeak(a);
  });
});
