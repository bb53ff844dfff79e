/**
 * Preferences in a JSON file, for the local simulator: `npm start` remembers a listener's pace between
 * runs with nothing installed. Keyed like the DynamoDB store, by a hash of the user id.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { isRecord } from '../util/is-record';
import { userKey } from './user-key';

type Records = Record<string, Record<string, unknown>>;

function readRecords(file: string): Records {
  if (!fs.existsSync(file)) return {};
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return isRecord(parsed) ? (parsed as Records) : {};
  } catch {
    // A damaged file is a fresh start, not a broken skill.
    return {};
  }
}

/** Write then rename, so a crash never leaves half a file. */
function writeRecords(file: string, records: Records): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(records, null, 2)}\n`);
  fs.renameSync(temporary, file);
}

export function createFilePersistenceAdapter(file: string): PersistenceAdapter {
  return {
    async getAttributes(envelope: RequestEnvelope) {
      const record = readRecords(file)[userKey(envelope)];
      return isRecord(record) ? record : {};
    },
    async saveAttributes(envelope: RequestEnvelope, attributes: Record<string, unknown>) {
      const records = readRecords(file);
      records[userKey(envelope)] = attributes;
      writeRecords(file, records);
    },
    async deleteAttributes(envelope: RequestEnvelope) {
      const records = readRecords(file);
      delete records[userKey(envelope)];
      writeRecords(file, records);
    },
  };
}
