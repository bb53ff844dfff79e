/**
 * The DynamoDB client the adapter makes for itself: how it is configured and when it is loaded. The SDK is
 * replaced by a recording stand-in, so these tests need no server.
 */
import type * as DynamoDbSdk from '@aws-sdk/client-dynamodb';
import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { LaunchRequestBuilder } from 'ask-sdk-test';
import { createDynamoDbPersistenceAdapter } from '../../lambda/persistence/dynamodb-adapter';
import { TEST_SETTINGS } from '../support/conversation';

type Sdk = typeof DynamoDbSdk;
const envelope = () => new LaunchRequestBuilder(TEST_SETTINGS).build();

/** The real SDK's commands, with a client that records how it was made and answers every call with nothing. */
async function recordingSdk(configs: DynamoDBClientConfig[]): Promise<Sdk> {
  const real = await import('@aws-sdk/client-dynamodb');
  class RecordingClient {
    constructor(config: DynamoDBClientConfig) {
      configs.push(config);
    }
    async send(): Promise<unknown> {
      return {};
    }
  }
  return { ...real, DynamoDBClient: RecordingClient } as unknown as Sdk;
}

describe('the client the adapter makes', () => {
  it('gives up on a store that does not connect or answer, and tries at most twice', async () => {
    const configs: DynamoDBClientConfig[] = [];
    const adapter = createDynamoDbPersistenceAdapter({ tableName: 'any', loadSdk: () => recordingSdk(configs) });
    await adapter.getAttributes(envelope());
    expect(configs).toHaveLength(1);
    const [config] = configs;
    expect(config.maxAttempts).toBe(2);
    expect(config.requestHandler).toEqual({
      connectionTimeout: expect.any(Number),
      requestTimeout: expect.any(Number),
      // Without this, the handler only warns when the request timeout passes, and the request goes on.
      throwOnRequestTimeout: true,
    });
  });

  it("is loaded when the adapter is made, at init: a request's budget is only the network call", async () => {
    const configs: DynamoDBClientConfig[] = [];
    let loads = 0;
    const loadSdk = () => (loads++, recordingSdk(configs));
    const adapter = createDynamoDbPersistenceAdapter({ tableName: 'any', loadSdk });
    expect(loads).toBe(1);
    await adapter.getAttributes(envelope());
    await adapter.saveAttributes(envelope(), { pace: 2 });
    expect(loads).toBe(1);
    expect(configs).toHaveLength(1);
  });

  it('tries loading again on the next call after a failed load', async () => {
    let loads = 0;
    const loadSdk = () => (++loads === 1 ? Promise.reject(new Error('not there yet')) : recordingSdk([]));
    const adapter = createDynamoDbPersistenceAdapter({ tableName: 'any', loadSdk });
    // The load at init has failed by now.
    await new Promise((resolve) => setImmediate(resolve));
    await expect(adapter.getAttributes(envelope())).resolves.toEqual({});
    expect(loads).toBe(2);
  });
});
