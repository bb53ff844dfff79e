/**
 * Leaving, with the real Lambda handler: stop, cancel and navigate home end the session with the goodbye, in a
 * conversation or as a one-shot (`// U:` is what the listener says, `// A:` what Alexa answers, abbreviated; the
 * expectations are built from the compiled content); a SessionEndedRequest, whatever its reason or locale, gets no
 * speech at all. Every answer also passes the checks in test/support/conversation.ts.
 */
import { conversation } from '../../support/conversation';
import { launched, ui } from './helpers';

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
