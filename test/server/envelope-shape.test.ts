/**
 * An envelope without the fields the skill framework reads is refused with 400 before any skill code runs,
 * never a 500 from inside ask-sdk; an unsigned one is still refused as unsigned (401) first.
 */
import { makeTestSigner, type TestSigner } from './certificates';
import { closeServers, launchEnvelope, post, signedHeaders, skillRuns, start } from './harness';

/** Where ask-sdk (or the skill-id check) reads a field, and so where a missing or wrong one used to reach the skill. */
const REQUIRED: readonly (readonly string[])[] = [
  ['context'],
  ['context', 'System'],
  ['context', 'System', 'application'],
  ['context', 'System', 'application', 'applicationId'],
  ['request', 'type'],
  ['request', 'requestId'],
  ['request', 'timestamp'],
  ['request', 'locale'],
  ['session'],
  ['session', 'application'],
];
const WRONG_VALUES = [undefined, null, 7, 'text', [], true] as const;

function mutated(path: readonly string[], value: unknown): string {
  const envelope = launchEnvelope() as unknown as Record<string, unknown>;
  let parent = envelope;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  const last = path[path.length - 1];
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return JSON.stringify(envelope);
}

/** Pairs whose wrong value is still a right one: a string where a string belongs, no session at all. */
const stillValid = (path: readonly string[], value: unknown) =>
  (typeof value === 'string' && ['applicationId', 'type', 'requestId', 'timestamp', 'locale'].includes(path[path.length - 1])) ||
  (value === undefined && ['session', 'locale'].includes(path[path.length - 1]));

const json = { 'content-type': 'application/json' };
let signer: TestSigner;
beforeAll(() => {
  signer = makeTestSigner();
});
afterAll(closeServers);
beforeEach(() => {
  skillRuns.count = 0;
});

describe('with verification off, every envelope missing a field ask-sdk reads (or with one of the wrong type) is a 400, and no skill code runs', () => {
  const cases = REQUIRED.flatMap((path) => WRONG_VALUES.filter((value) => !stillValid(path, value)).map((value) => [path.join('.'), path, value] as const));
  it.each(cases)('%s set to %p', async (_, path, value) => {
    const { base } = await start();
    const { status, json: answer } = await post(base, mutated(path, value), json);
    expect([status, answer.error]).toEqual([400, expect.stringMatching(/^the request has no valid /)]);
    expect(skillRuns.count).toBe(0);
  });

  it('while the whole envelope is answered', async () => {
    const { base } = await start();
    expect((await post(base, JSON.stringify(launchEnvelope()), json)).status).toBe(200);
  });
});

it('with verification on, a signed envelope without context.System is a 400; an unsigned one is a 401', async () => {
  const { base } = await start({ signer });
  for (const path of [['context'], ['context', 'System']]) {
    const body = mutated(path, undefined);
    expect((await post(base, body, signedHeaders(signer, body))).status).toBe(400);
    expect((await post(base, body, json)).status).toBe(401);
  }
  expect(skillRuns.count).toBe(0);
});
