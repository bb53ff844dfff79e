/**
 * The key a listener's preferences are stored under: a SHA-256 of the Alexa user id, so the store never
 * holds the id itself (and a leaked table names no one). Alexa user ids are already per-skill pseudonyms.
 */
import { getUserId } from '../request/ask-sdk';
import type { RequestEnvelope } from 'ask-sdk-model';

export function userKey(requestEnvelope: RequestEnvelope): string {
  const userId = getUserId(requestEnvelope);
  if (!userId) throw new Error('the request carries no user id');
  // Loaded on first use, not at import: node:crypto pulls in some 40 internal modules, about 8 ms of every
  // cold start, and a skill without a preferences store never needs it.
  const { createHash } = process.getBuiltinModule('node:crypto');
  return createHash('sha256').update(`bone-secondaries-guide:${userId}`).digest('hex');
}
