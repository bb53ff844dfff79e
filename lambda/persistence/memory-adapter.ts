/** Preferences in memory: for tests, and for a simulator run that should remember nothing afterwards. */
import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { userKey } from './user-key';

export function createMemoryPersistenceAdapter(): PersistenceAdapter & { records: Map<string, Record<string, unknown>> } {
  const records = new Map<string, Record<string, unknown>>();
  return {
    records,
    async getAttributes(envelope: RequestEnvelope) {
      return structuredClone(records.get(userKey(envelope)) ?? {});
    },
    async saveAttributes(envelope: RequestEnvelope, attributes: Record<string, unknown>) {
      records.set(userKey(envelope), structuredClone(attributes));
    },
    async deleteAttributes(envelope: RequestEnvelope) {
      records.delete(userKey(envelope));
    },
  };
}
