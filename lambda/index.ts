/**
 * The Lambda entry point. An async two-argument handler: Node 24 runtimes reject the SDK's
 * callback-style `.lambda()`. Configured by environment:
 *   SKILL_ID           refuse requests meant for any other skill
 *   PREFERENCES_TABLE  the DynamoDB table that remembers each listener's pace; without it, nothing is kept
 * The AWS SDK v3 comes with the Lambda Node.js runtime, so it stays outside the bundle and is loaded only
 * when a table is configured (a bare bundle still answers), and then here, at init, when the adapter is
 * made: loading it is not part of any request's time budget.
 */
import type { Context } from 'aws-lambda';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { log } from './logging/log';
import { createDynamoDbPersistenceAdapter } from './persistence/dynamodb-adapter';
import { buildSkill } from './skill';

const tableName = process.env.PREFERENCES_TABLE;

const skill = buildSkill({
  skillId: process.env.SKILL_ID || undefined,
  preferences: tableName ? createDynamoDbPersistenceAdapter({ tableName }) : undefined,
});

export const handler = async (event: RequestEnvelope, context: Context): Promise<ResponseEnvelope> => {
  try {
    return await skill.invoke(event, context);
  } catch (e) {
    // Only the SDK's own refusals reach here (a request for another skill): the error handler answers the rest.
    log('error', { event: 'refused', requestType: event?.request?.type, message: (e as Error).message });
    throw e;
  }
};
