/**
 * The Lambda entry point. An async two-argument handler: Node 24 runtimes reject the SDK's
 * callback-style `.lambda()`. SKILL_ID, when set, refuses requests meant for any other skill.
 */
import type { Context } from 'aws-lambda';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { buildSkill } from './skill';

const skill = buildSkill({ skillId: process.env.SKILL_ID || undefined });

export const handler = async (event: RequestEnvelope, context: Context): Promise<ResponseEnvelope> => skill.invoke(event, context);
