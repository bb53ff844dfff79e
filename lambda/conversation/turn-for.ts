/** The one Turn of a request, over the compiled content. Built once per cold start: voice, lexicon, renderer. */
import type { HandlerInput } from 'ask-sdk-core';
import { compiledContent } from '../content/compiled';
import { requestAttributes } from '../request/attributes';
import { createVoice } from '../speech/voice';
import { createRenderer } from './render';
import { Turn } from './turn';

const voice = createVoice(compiledContent);
const renderer = createRenderer(compiledContent, voice);

export function turnFor(input: HandlerInput): Turn {
  const attributes = requestAttributes(input);
  if (!(attributes.turn instanceof Turn)) attributes.turn = new Turn(input, compiledContent, renderer, voice);
  return attributes.turn as Turn;
}

export { compiledContent as content, voice };
