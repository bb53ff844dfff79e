/**
 * The fields of an Alexa request envelope that ask-sdk and this server read before any skill code can
 * guard itself: without them ask-sdk throws from inside (a 500) instead of the sender hearing it sent
 * something that is not an Alexa request (a 400). Only those fields: Alexa adds new ones over time.
 */
import { isRecord } from '../../lambda/util/is-record';

type Check = (value: unknown) => boolean;
const record: Check = isRecord;
const text: Check = (value) => typeof value === 'string';
const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined || check(value);

/** Each field by its path, with what it must be; parents come before their children. */
const FIELDS: readonly [path: string, check: Check][] = [
  ['request', record],
  ['request.type', text],
  ['request.requestId', text],
  ['request.timestamp', text],
  ['request.locale', optional(text)],
  ['context', record],
  ['context.System', record],
  ['context.System.application', record],
  ['context.System.application.applicationId', text],
  ['session', optional(record)],
];
const SESSION_FIELDS: readonly [path: string, check: Check][] = [
  ['session.application', record],
  ['session.application.applicationId', text],
];

const at = (value: unknown, path: string): unknown => path.split('.').reduce<unknown>((v, key) => (isRecord(v) ? v[key] : undefined), value);

/** The first field that is missing or of the wrong type, or undefined when the envelope can be handed to ask-sdk. */
export function envelopeProblem(envelope: unknown): string | undefined {
  const fields = isRecord(envelope) && envelope.session !== undefined ? [...FIELDS, ...SESSION_FIELDS] : FIELDS;
  return fields.find(([path, check]) => !check(at(envelope, path)))?.[0];
}
