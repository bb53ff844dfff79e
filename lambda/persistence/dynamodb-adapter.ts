/**
 * Listener preferences in DynamoDB, behind the ASK SDK's PersistenceAdapter, on AWS SDK v3 (the official
 * ask-sdk-dynamodb-persistence-adapter needs the end-of-support aws-sdk v2).
 *
 * One item per listener: the partition key is userKey() (a hash; the raw user id never reaches DynamoDB, so it
 * cannot appear in a stored item or in an error DynamoDB sends back), and the attributes are one string
 * attribute of JSON, so any JSON shape round-trips without a marshalling library.
 *
 * Errors from DynamoDB propagate unchanged; the time budget, fallbacks and logging belong to the caller.
 */
import type { DeleteItemCommand, DynamoDBClientConfig, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type * as DynamoDbSdk from '@aws-sdk/client-dynamodb';
import type { RequestEnvelope } from 'ask-sdk-model';
import { isRecord } from '../util/is-record';
import type { PreferencesStore, StoreCall } from './store';
import { userKey } from './user-key';

type Attributes = Record<string, unknown>;

/** The one method we need, so a real DynamoDBClient (or a test double) fits. The signal cancels the HTTP request. */
export interface DynamoDBClientLike {
  send(command: GetItemCommand | PutItemCommand | DeleteItemCommand, options?: StoreCall): Promise<unknown>;
}

type Sdk = typeof DynamoDbSdk;

export interface DynamoDbAdapterOptions {
  tableName: string;
  /** Omitted: a DynamoDBClient is made with the adapter from the environment (region, credentials, endpoint). */
  client?: DynamoDBClientLike;
  /** Settings for the client the adapter makes, over STORE_CLIENT_SETTINGS (an endpoint, an HTTP agent). */
  clientConfig?: DynamoDBClientConfig;
  /** Where the SDK comes from; the runtime's @aws-sdk/client-dynamodb unless a test says otherwise. */
  loadSdk?: () => Promise<Sdk>;
  /** The table's HASH key, a string. Default 'id'. */
  partitionKeyName?: string;
  /** The string attribute holding the JSON. Default 'attributes'. */
  attributesName?: string;
}

/**
 * A store that has not connected within 200 ms, or answered within 500 ms (a whole request's budget), is
 * not going to help this answer, and without limits a hung store keeps every request open indefinitely.
 * Two attempts: the second one is for a connection that fails at once, like a kept-alive socket the
 * store closed while the Lambda was frozen. The request handler throws on its timeout instead of warning.
 */
export const STORE_CLIENT_SETTINGS = {
  maxAttempts: 2,
  requestHandler: { connectionTimeout: 200, requestTimeout: 500, throwOnRequestTimeout: true },
} as const satisfies DynamoDBClientConfig;

/** Settings over STORE_CLIENT_SETTINGS. Handler options merge with ours (an HTTP agent keeps the timeouts); a handler is used as given. */
function clientSettings(extra: DynamoDBClientConfig = {}): DynamoDBClientConfig {
  const given = extra.requestHandler;
  const isOptions = isRecord(given) && typeof given.handle !== 'function';
  const requestHandler = isOptions ? { ...STORE_CLIENT_SETTINGS.requestHandler, ...given } : (given ?? STORE_CLIENT_SETTINGS.requestHandler);
  return { ...STORE_CLIENT_SETTINGS, ...extra, requestHandler };
}

export function createDynamoDbPersistenceAdapter(options: DynamoDbAdapterOptions): PreferencesStore {
  const { tableName, partitionKeyName = 'id', attributesName = 'attributes', loadSdk = () => import('@aws-sdk/client-dynamodb') } = options;
  if (!tableName) throw new Error('a DynamoDB table name is required');
  // The same name for both would make every put overwrite its own key with the JSON.
  if (partitionKeyName === attributesName) throw new Error('partitionKeyName and attributesName must differ');

  // Loaded when the adapter is made, at init, never at module load: a skill with no table configured never
  // pays for loading it (the bundle leaves @aws-sdk/* to the Lambda runtime), and a request's time budget
  // covers only the call to the store, not loading the SDK (which alone can take longer than the budget).
  let ready: Promise<{ sdk: Sdk; client: DynamoDBClientLike }> | undefined;
  function connect(): Promise<{ sdk: Sdk; client: DynamoDBClientLike }> {
    if (!ready) {
      ready = loadSdk().then((sdk) => ({
        sdk,
        client: options.client ?? new sdk.DynamoDBClient(clientSettings(options.clientConfig)),
      }));
      // A failed load is not cached, so a later request can try again.
      ready.catch(() => {
        ready = undefined;
      });
    }
    return ready;
  }
  void connect();

  function key(requestEnvelope: RequestEnvelope): Record<string, { S: string }> {
    return { [partitionKeyName]: { S: userKey(requestEnvelope) } };
  }

  return {
    async getAttributes(requestEnvelope: RequestEnvelope, call: StoreCall = {}): Promise<Attributes> {
      const Key = key(requestEnvelope);
      const { sdk, client } = await connect();
      const output = await client.send(new sdk.GetItemCommand({ TableName: tableName, Key, ConsistentRead: true }), call);
      return parseStored(storedString(output, attributesName));
    },

    async saveAttributes(requestEnvelope: RequestEnvelope, attributes: Attributes, call: StoreCall = {}): Promise<void> {
      const Item = { ...key(requestEnvelope), [attributesName]: { S: JSON.stringify(attributes) } };
      const { sdk, client } = await connect();
      await client.send(new sdk.PutItemCommand({ TableName: tableName, Item }), call);
    },

    async deleteAttributes(requestEnvelope: RequestEnvelope): Promise<void> {
      const Key = key(requestEnvelope);
      const { sdk, client } = await connect();
      await client.send(new sdk.DeleteItemCommand({ TableName: tableName, Key }));
    },
  };
}

/** The JSON string from a GetItem output, or undefined (no item, or the attribute is missing or not a string). */
function storedString(output: unknown, attributesName: string): string | undefined {
  if (!isRecord(output) || !isRecord(output.Item)) return undefined;
  const attribute = output.Item[attributesName];
  return isRecord(attribute) && typeof attribute.S === 'string' ? attribute.S : undefined;
}

/** A corrupt record reads as a fresh listener rather than breaking the skill. */
function parseStored(text: string | undefined): Attributes {
  if (text === undefined) return {};
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : {};
  } catch {
    return {};
  }
}
