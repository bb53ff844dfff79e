/**
 * A real DynamoDB-compatible server for tests: dynalite, in memory, on loopback, with a preferences table.
 * Stopped by the test that started it.
 */
import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';

// dynalite ships no type declarations.
type Dynalite = (options: { createTableMs?: number }) => Server;
const dynalite: Dynalite = createRequire(__filename)('dynalite');

// SDK v3 warns on Node 20 that its 2027 releases will need Node 22: noise in tests, and only that is silenced.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export interface LocalDynamo {
  endpoint: string;
  client: DynamoDBClient;
  createTable(name: string, keyName?: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startLocalDynamo(): Promise<LocalDynamo> {
  const server = dynalite({ createTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = new DynamoDBClient({ endpoint, region: 'eu-west-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  return {
    endpoint,
    client,
    async createTable(TableName, keyName = 'id') {
      await client.send(
        new CreateTableCommand({
          TableName,
          AttributeDefinitions: [{ AttributeName: keyName, AttributeType: 'S' }],
          KeySchema: [{ AttributeName: keyName, KeyType: 'HASH' }],
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
    },
    async stop() {
      client.destroy();
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    },
  };
}
