/**
 * The baseline `npm run benchmark` measures against: the smallest honest ask-sdk-core skill, one handler that
 * answers everything, bundled the same way as ours. Kept in the repository so every run compares the same thing.
 */
import { SkillBuilders } from 'ask-sdk-core';

const skill = SkillBuilders.custom()
  .addRequestHandlers({ canHandle: () => true, handle: (input) => input.responseBuilder.speak('Hello.').reprompt('Hello?').getResponse() })
  .create();

export const handler = async (event: unknown, context: unknown) => skill.invoke(event as never, context);
