/**
 * The shape of every handler in lambda/handlers: the ASK SDK's RequestHandler, narrowed to what ours are, deciding and
 * answering at once. Being synchronous is what lets the skill try them in order itself (skill.ts) rather than have the
 * SDK await each canHandle in turn.
 */
import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';

export interface SkillHandler {
  canHandle(input: HandlerInput): boolean;
  handle(input: HandlerInput): Response;
}
