/**
 * When the read of a listener's preferences fails: the session goes on at the default pace, the read is
 * tried once more on the next request, and nothing is saved that was worked out from a pace the skill
 * did not know. What is stored is read back from dynalite.
 */
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import type { RequestEnvelope } from 'ask-sdk-model';
import { LaunchRequestBuilder } from 'ask-sdk-test';
import { createDynamoDbPersistenceAdapter } from '../../lambda/persistence/dynamodb-adapter';
import type { PreferencesStore } from '../../lambda/persistence/store';
import { userKey } from '../../lambda/persistence/user-key';
import { buildSkill } from '../../lambda/skill';
import { NORMAL_PACE, PACE_RATES, SLOWEST_PACE } from '../../lambda/speech/pace';
import { type Answer, conversation, TEST_SETTINGS, uiText } from '../support/conversation';
import { type LocalDynamo, startLocalDynamo } from '../support/dynalite';

const TABLE = 'failed-read-preferences';
let dynamo: LocalDynamo;
let store: PreferencesStore;
let listeners = 0;

beforeAll(async () => {
  dynamo = await startLocalDynamo();
  await dynamo.createTable(TABLE);
  store = createDynamoDbPersistenceAdapter({ tableName: TABLE, client: dynamo.client });
});
afterAll(() => dynamo.stop());

/** The pace an answer is spoken at. */
const paceOf = (answer: Answer) => {
  const rate = Number(/<prosody rate="(\d+)%">/.exec(answer.ssml)?.[1] ?? 100);
  return PACE_RATES.findIndex((r) => r === rate);
};

/** A listener of their own, and what the store holds for them. */
function listener() {
  const userId = `amzn1.ask.account.FAILED-READ-${++listeners}`;
  const envelope = new LaunchRequestBuilder({ ...TEST_SETTINGS, userId }).build();
  return {
    userId,
    remember: (preferences: Record<string, unknown>) => store.saveAttributes(envelope, preferences),
    async stored(): Promise<unknown> {
      const { Item } = await dynamo.client.send(new GetItemCommand({ TableName: TABLE, Key: { id: { S: userKey(envelope) } }, ConsistentRead: true }));
      return Item?.attributes?.S === undefined ? undefined : JSON.parse(Item.attributes.S);
    },
  };
}

/** The store on dynalite, but its first `failures` reads fail; `reads` counts every read. */
function failingFirst(failures: number) {
  const counts = { reads: 0 };
  const flaky: PreferencesStore = {
    getAttributes: (envelope, call) => (++counts.reads <= failures ? Promise.reject(new Error('store unavailable')) : store.getAttributes(envelope, call)),
    saveAttributes: (envelope, attributes, call) => store.saveAttributes(envelope, attributes, call),
  };
  const skill = buildSkill({ preferences: flaky, storeTimeoutMs: 2000 });
  return { counts, handler: (event: RequestEnvelope) => skill.invoke(event) };
}

/** A listener (with `preferences` from an earlier visit, if given) in a new session on a store whose first `failures` reads fail. */
async function session(preferences: Record<string, unknown> | undefined, failures: number) {
  const someone = listener();
  if (preferences) await someone.remember(preferences);
  const { counts, handler } = failingFirst(failures);
  return { stored: someone.stored, counts, c: conversation({ handler, userId: someone.userId }) };
}

const SLOWEST_STORED = { pace: SLOWEST_PACE, welcomed: true };

describe('a read that failed', () => {
  it('is tried once more on the next request, then the session goes on without', async () => {
    const { counts, c } = await session(undefined, Infinity);
    await c.launch();
    await c.intent('SymptomsIntent');
    await c.intent('AMAZON.YesIntent');
    await c.intent('CausesIntent');
    expect(counts.reads).toBe(2);
  });

  it('and then succeeds brings the stored pace for the rest of the session', async () => {
    const { counts, c, stored } = await session(SLOWEST_STORED, 1);
    const welcome = await c.launch();
    expect(welcome.text.startsWith(uiText('welcome'))).toBe(true);
    expect(paceOf(welcome)).toBe(NORMAL_PACE);
    expect(paceOf(await c.intent('SymptomsIntent'))).toBe(SLOWEST_PACE);
    expect(paceOf(await c.intent('CausesIntent'))).toBe(SLOWEST_PACE);
    expect(counts.reads).toBe(2);
    expect(await stored()).toEqual(SLOWEST_STORED);
  });

  it('and then succeeds keeps a pace the listener chose before it, and does not save it over the stored one', async () => {
    const { c, stored } = await session(SLOWEST_STORED, 1);
    // A one-shot "faster": the read fails, and the step is from the default.
    expect(paceOf(await c.intent('SpeakFasterIntent'))).toBe(NORMAL_PACE + 1);
    expect(paceOf(await c.intent('SymptomsIntent'))).toBe(NORMAL_PACE + 1);
    expect(paceOf(await c.intent('SpeakSlowerIntent'))).toBe(NORMAL_PACE);
    expect(await stored()).toEqual(SLOWEST_STORED);
  });

  it('and then succeeds in the same request as a step: the step is from the pace the listener heard', async () => {
    const { counts, c, stored } = await session(SLOWEST_STORED, 1);
    expect(paceOf(await c.launch())).toBe(NORMAL_PACE);
    expect(paceOf(await c.intent('SpeakFasterIntent'))).toBe(NORMAL_PACE + 1);
    expect(counts.reads).toBe(2);
    expect(await stored()).toEqual(SLOWEST_STORED);
  });

  it('and then finds a first visit: steps from the default were steps from what is stored, so they are saved', async () => {
    const { c, stored } = await session(undefined, 1);
    expect(paceOf(await c.intent('SpeakSlowerIntent'))).toBe(NORMAL_PACE - 1);
    expect(await stored()).toBeUndefined();
    expect(paceOf(await c.intent('SymptomsIntent'))).toBe(NORMAL_PACE - 1);
    expect(await stored()).toEqual({ pace: NORMAL_PACE - 1, welcomed: true });
  });
});

describe('a pace change after a read that failed', () => {
  it('"slower" is heard for the session but not saved: the stored slowest pace stays', async () => {
    const { c, stored } = await session(SLOWEST_STORED, Infinity);
    await c.launch();
    expect(paceOf(await c.intent('SpeakSlowerIntent'))).toBe(NORMAL_PACE - 1);
    expect(await stored()).toEqual(SLOWEST_STORED);
    expect(paceOf(await c.intent('SymptomsIntent'))).toBe(NORMAL_PACE - 1);
    expect(await stored()).toEqual(SLOWEST_STORED);
  });

  it('"normal speed" is saved, being the same whatever the pace was; and steps from it are saved too', async () => {
    const { c, stored } = await session(SLOWEST_STORED, Infinity);
    await c.launch();
    await c.intent('NormalSpeedIntent');
    expect(await stored()).toEqual({ pace: NORMAL_PACE, welcomed: true });
    await c.intent('SpeakSlowerIntent');
    expect(await stored()).toEqual({ pace: NORMAL_PACE - 1, welcomed: true });
  });
});

describe('after a read that worked', () => {
  it('"slower" in a one-shot request is saved one step below the stored pace', async () => {
    const { c, stored } = await session({ pace: NORMAL_PACE - 1, welcomed: true }, 0);
    expect(paceOf(await c.intent('SpeakSlowerIntent'))).toBe(NORMAL_PACE - 2);
    expect(await stored()).toEqual({ pace: NORMAL_PACE - 2, welcomed: true });
  });
});
