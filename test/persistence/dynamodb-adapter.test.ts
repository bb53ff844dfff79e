/**
 * The DynamoDB adapter against a real DynamoDB-compatible server (dynalite, in memory), not a mock, so the
 * commands, key shapes and error behaviour are the wire protocol's.
 */
import {
  GetItemCommand,
  PutItemCommand,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import type { AttributeValue ,
  DynamoDBClient} from '@aws-sdk/client-dynamodb';
import type { RequestEnvelope } from 'ask-sdk-model';
import { LaunchRequestBuilder } from 'ask-sdk-test';
import { createDynamoDbPersistenceAdapter } from '../../lambda/persistence/dynamodb-adapter';
import { userKey } from '../../lambda/persistence/user-key';
import { type LocalDynamo, startLocalDynamo } from '../support/dynalite';

const TABLE = 'listener-preferences';
const CUSTOM_TABLE = 'custom-key-names';
const USER_A = 'amzn1.ask.account.A';
const USER_B = 'amzn1.ask.account.B';

function envelope(userId: string): RequestEnvelope {
  return new LaunchRequestBuilder({
    appId: 'amzn1.ask.skill.test',
    userId,
    deviceId: 'amzn1.ask.device.test',
    locale: 'en-GB',
  }).build();
}

let dynamo: LocalDynamo;
let endpoint: string;
let client: DynamoDBClient;

async function rawItem(userId: string): Promise<Record<string, AttributeValue> | undefined> {
  const { Item } = await client.send(
    new GetItemCommand({ TableName: TABLE, Key: { id: { S: userKey(envelope(userId)) } }, ConsistentRead: true }),
  );
  return Item;
}

async function putRawAttribute(userId: string, value: AttributeValue): Promise<void> {
  await client.send(
    new PutItemCommand({ TableName: TABLE, Item: { id: { S: userKey(envelope(userId)) }, attributes: value } }),
  );
}

beforeAll(async () => {
  dynamo = await startLocalDynamo();
  ({ endpoint, client } = dynamo);
  await dynamo.createTable(TABLE);
  await dynamo.createTable(CUSTOM_TABLE, 'listener');
});

afterAll(() => dynamo?.stop());

describe('DynamoDB persistence adapter', () => {
  const adapter = () => createDynamoDbPersistenceAdapter({ tableName: TABLE, client });

  it('reads an unknown listener as {}', async () => {
    await expect(adapter().getAttributes(envelope('amzn1.ask.account.NEVER-SEEN'))).resolves.toEqual({});
  });

  it('round-trips saved attributes', async () => {
    const store = adapter();
    await store.saveAttributes(envelope(USER_A), { pace: 1, welcomed: true });
    await expect(store.getAttributes(envelope(USER_A))).resolves.toEqual({ pace: 1, welcomed: true });
  });

  it('round-trips any JSON shape, and a save replaces rather than merges', async () => {
    const store = adapter();
    const nested = { topics: ['pain', 'fractures'], last: { at: '2024-01-01', count: 0 }, note: 'café ✓', none: null };
    await store.saveAttributes(envelope(USER_A), { pace: 2 });
    await store.saveAttributes(envelope(USER_A), nested);
    await expect(store.getAttributes(envelope(USER_A))).resolves.toEqual(nested);
  });

  it('keeps two listeners apart', async () => {
    const store = adapter();
    await store.saveAttributes(envelope(USER_A), { pace: 1 });
    await store.saveAttributes(envelope(USER_B), { pace: 3, welcomed: true });
    await expect(store.getAttributes(envelope(USER_A))).resolves.toEqual({ pace: 1 });
    await expect(store.getAttributes(envelope(USER_B))).resolves.toEqual({ pace: 3, welcomed: true });
  });

  it('stores the hashed key and the JSON only, never the raw user id', async () => {
    await adapter().saveAttributes(envelope(USER_A), { pace: 1, welcomed: true });
    const item = await rawItem(USER_A);
    expect(item).toEqual({ id: { S: userKey(envelope(USER_A)) }, attributes: { S: '{"pace":1,"welcomed":true}' } });
    expect(item?.id.S).not.toBe(USER_A);
    expect(item?.id.S).toMatch(/^[0-9a-f]{64}$/);

    const { Items = [] } = await client.send(new ScanCommand({ TableName: TABLE }));
    expect(Items.length).toBeGreaterThan(0);
    for (const stored of Items) {
      expect(JSON.stringify(stored)).not.toContain('amzn1.ask.account');
    }
  });

  it.each([
    ['not JSON', { S: 'not json' }],
    ['a JSON array', { S: '[1,2]' }],
    ['JSON null', { S: 'null' }],
    ['a JSON string', { S: '"text"' }],
    ['a JSON number', { S: '42' }],
    ['an empty string', { S: '' }],
    ['a number attribute, not a string', { N: '7' }],
    ['a map attribute, not a string', { M: { pace: { N: '1' } } }],
  ] satisfies [string, AttributeValue][])('reads a corrupt record (%s) as {}', async (_label, value) => {
    await putRawAttribute(USER_B, value);
    await expect(adapter().getAttributes(envelope(USER_B))).resolves.toEqual({});
  });

  it('reads an item with no attributes value as {}', async () => {
    await client.send(new PutItemCommand({ TableName: TABLE, Item: { id: { S: userKey(envelope(USER_B)) } } }));
    await expect(adapter().getAttributes(envelope(USER_B))).resolves.toEqual({});
  });

  it('deletes a listener, and deleting again is harmless', async () => {
    const store = adapter();
    await store.saveAttributes(envelope(USER_A), { pace: 1 });
    await store.saveAttributes(envelope(USER_B), { pace: 2 });
    await store.deleteAttributes?.(envelope(USER_A));
    expect(await rawItem(USER_A)).toBeUndefined();
    await expect(store.getAttributes(envelope(USER_A))).resolves.toEqual({});
    await expect(store.getAttributes(envelope(USER_B))).resolves.toEqual({ pace: 2 });
    await expect(store.deleteAttributes?.(envelope(USER_A))).resolves.toBeUndefined();
  });

  it('rejects when the table does not exist (so the caller can fall back), without naming the user', async () => {
    const store = createDynamoDbPersistenceAdapter({ tableName: 'no-such-table', client });
    // One at a time, so no rejection sits unhandled while another is awaited.
    const attempts = [
      () => store.getAttributes(envelope(USER_A)),
      () => store.saveAttributes(envelope(USER_A), { pace: 1 }),
      () => store.deleteAttributes?.(envelope(USER_A)) ?? Promise.resolve(),
    ];
    for (const attempt of attempts) {
      const error: unknown = await attempt().then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).name).toBe('ResourceNotFoundException');
      expect((error as Error).message).not.toContain(USER_A);
    }
  });

  it('rejects a request with no user id before touching DynamoDB', async () => {
    const sent: unknown[] = [];
    const store = createDynamoDbPersistenceAdapter({
      tableName: TABLE,
      client: { send: async (command) => void sent.push(command) },
    });
    const anonymous = envelope(USER_A);
    delete (anonymous.context.System as { user?: unknown }).user;
    delete (anonymous.session as { user?: unknown } | undefined)?.user;
    await expect(store.getAttributes(anonymous)).rejects.toThrow('the request carries no user id');
    await expect(store.saveAttributes(anonymous, {})).rejects.toThrow('the request carries no user id');
    expect(sent).toEqual([]);
  });

  it('honours custom key and attribute names', async () => {
    const store = createDynamoDbPersistenceAdapter({
      tableName: CUSTOM_TABLE,
      client,
      partitionKeyName: 'listener',
      attributesName: 'prefs',
    });
    await store.saveAttributes(envelope(USER_A), { pace: 1 });
    await expect(store.getAttributes(envelope(USER_A))).resolves.toEqual({ pace: 1 });
    const { Items = [] } = await client.send(new ScanCommand({ TableName: CUSTOM_TABLE }));
    expect(Items).toEqual([{ listener: { S: userKey(envelope(USER_A)) }, prefs: { S: '{"pace":1}' } }]);
  });

  it('refuses options that would make the key and the JSON collide', () => {
    expect(() =>
      createDynamoDbPersistenceAdapter({ tableName: TABLE, client, partitionKeyName: 'x', attributesName: 'x' }),
    ).toThrow('must differ');
    expect(() => createDynamoDbPersistenceAdapter({ tableName: '', client })).toThrow('table name is required');
  });
});

describe('DynamoDB persistence adapter without a client', () => {
  // The lazily made client reads its endpoint, region and credentials from the environment, as it would in
  // Lambda; AWS_ENDPOINT_URL_DYNAMODB (the SDK's service-specific endpoint variable) points it at dynalite.
  const ENV = ['AWS_ENDPOINT_URL_DYNAMODB', 'AWS_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE'];
  const saved: Record<string, string | undefined> = {};

  beforeAll(() => {
    for (const name of ENV) saved[name] = process.env[name];
    delete process.env.AWS_SESSION_TOKEN;
    delete process.env.AWS_PROFILE;
    process.env.AWS_ENDPOINT_URL_DYNAMODB = endpoint;
    process.env.AWS_REGION = 'eu-west-1';
    process.env.AWS_ACCESS_KEY_ID = 'local';
    process.env.AWS_SECRET_ACCESS_KEY = 'local';
  });

  afterAll(() => {
    for (const name of ENV) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  it('makes its own client on first use, from the environment', async () => {
    const store = createDynamoDbPersistenceAdapter({ tableName: TABLE });
    await store.saveAttributes(envelope(USER_A), { pace: 4, lazy: true });
    await expect(store.getAttributes(envelope(USER_A))).resolves.toEqual({ pace: 4, lazy: true });
    // Read back through the test's own client: the write really landed in dynalite.
    expect(await rawItem(USER_A)).toEqual({
      id: { S: userKey(envelope(USER_A)) },
      attributes: { S: '{"pace":4,"lazy":true}' },
    });
    await store.deleteAttributes?.(envelope(USER_A));
    expect(await rawItem(USER_A)).toBeUndefined();
  });
});
