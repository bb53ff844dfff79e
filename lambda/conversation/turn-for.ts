/** The one Turn of a request, over the content's shape (answers.ts) and the speech book. Built once per cold start: voice and renderer. */
import type { HandlerInput } from 'ask-sdk-core';
import { answers } from '../content/answers';
import { requestAttributes } from '../request/attributes';
import { packedSpeech } from '../speech/compiled';
import { createVoice } from '../speech/voice';
import { createRenderer } from './render';
import { Turn } from './turn';

const voice = createVoice(packedSpeech);
const renderer = createRenderer(answers, voice);

export function turnFor(input: HandlerInput): Turn {
  const attributes = requestAttributes(input);
  if (!(attributes.turn instanceof Turn)) attributes.turn = new Turn(input, answers, renderer);
  return attributes.turn as Turn;
}

export { answers as content, renderer, voice };
