/**
 * Certification-style checks with ask-sdk-test's AlexaTest, over the real Lambda handler. AlexaTest registers
 * its own `it` (through the mocha shim in jest.config.js) and checks on every response that a session kept
 * open asks a question and one that ends does not. Expected speech comes from the compiled content.
 */
import type { ResponseEnvelope } from 'ask-sdk-model';
import { AlexaTest, IntentRequestBuilder, LaunchRequestBuilder, type SkillSettings } from 'ask-sdk-test';
import { handler } from '../../lambda/index';
import { expectedAnswer, heardFromSpeakBody, joined, TEST_SETTINGS, uiText } from '../support/conversation';

const settings: SkillSettings = { ...TEST_SETTINGS };

const intent = (name: string) => new IntentRequestBuilder(settings, name).build();
const launch = () => new LaunchRequestBuilder(settings).build();

/** A `says` / `reprompts` predicate: the speech, as heard, is exactly `expected`. */
const heardAs = (expected: string) => (speech: string) => heardFromSpeakBody(speech) === expected;
/** A predicate: the speech, as heard, ends with `ending`. */
const endsWith = (ending: string) => (speech: string) => heardFromSpeakBody(speech).endsWith(ending);

/** The SSML body of a response's speech, as ask-sdk-test hands it to `says` (without <speak>). */
function speechBody(response: ResponseEnvelope): string {
  const speech = response.response.outputSpeech;
  if (speech?.type !== 'SSML') throw new Error('expected SSML speech');
  return speech.ssml.replace(/^<speak>/, '').replace(/<\/speak>$/, '').trim();
}

describe('certification checks (ask-sdk-test)', () => {
  const alexa = new AlexaTest(handler, settings);

  describe('launch', () => {
    alexa.test(
      [
        {
          request: launch(),
          says: heardAs(joined(uiText('welcome'), uiText('disclaimer'), uiText('welcomeQuestion'))),
          reprompts: heardAs(uiText('genericReprompt')),
          shouldEndSession: false,
        },
      ],
      'welcomes, says the disclaimer, asks what to know and reprompts',
    );
  });

  describe('help', () => {
    alexa.test(
      [
        { request: launch(), shouldEndSession: false },
        {
          request: intent('AMAZON.HelpIntent'),
          says: endsWith(uiText('helpQuestion')),
          reprompts: heardAs(uiText('genericReprompt')),
          shouldEndSession: false,
        },
      ],
      'help ends with a question and keeps the session open',
    );
  });

  describe('stop and cancel', () => {
    alexa.test(
      [
        { request: launch(), shouldEndSession: false },
        { request: intent('AMAZON.StopIntent'), says: heardAs(uiText('goodbye')), repromptsNothing: true, shouldEndSession: true },
      ],
      'stop ends the session',
    );
    alexa.test(
      [
        { request: launch(), shouldEndSession: false },
        { request: intent('TestsIntent'), shouldEndSession: false },
        { request: intent('AMAZON.CancelIntent'), says: heardAs(uiText('goodbye')), repromptsNothing: true, shouldEndSession: true },
      ],
      'cancel in the middle of a list ends the session',
    );
  });

  describe('repeat', () => {
    let previous: string | undefined;
    alexa.test(
      [
        { request: launch(), shouldEndSession: false },
        {
          request: intent('SymptomsIntent'),
          says: heardAs(expectedAnswer('symptoms')),
          shouldEndSession: false,
          callback: (response) => {
            previous = speechBody(response);
          },
        },
        { request: intent('AMAZON.RepeatIntent'), says: (speech) => previous !== undefined && speech === previous, shouldEndSession: false },
      ],
      'repeat after an answer repeats it exactly',
    );
  });
});
