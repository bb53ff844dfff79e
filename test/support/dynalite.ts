/**
 * A real DynamoDB-compatible server for tests: dynalite, in memory, on loopback, with a preferences table.
 * In this process (startLocalDynamo), or in a child process of its own (startDynaliteProcess) that can be
 * stopped (SIGSTOP: a hung store), continued and killed mid-run. Stopped by the test that started it.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';

// dynalite ships no type declarations.
type Dynalite = (options: { createTableMs?: number }) => Server;
const dynalitePath = createRequire(__filename).resolve('dynalite');

// SDK v3 warns on Node 20 that its 2027 releases will need Node 22: noise in tests, and only that is silenced.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** What a client needs besides the endpoint to talk to dynalite (which checks neither). */
export const LOCAL_CLIENT_CONFIG = { region: 'eu-west-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } as const;

export interface LocalDynamo {
  endpoint: string;
  client: DynamoDBClient;
  createTable(name: string, keyName?: string): Promise<void>;
  stop(): Promise<void>;
}

export interface DynaliteProcess extends LocalDynamo {
  pid: number;
  /** SIGSTOP: the store hangs, connections open but nothing answers. */
  pause(): void;
  /** SIGCONT. */
  resume(): void;
  /** SIGKILL: the store is gone, connections are refused. */
  kill(): Promise<void>;
}

function localDynamo(port: number, stopServer: () => Promise<void>): LocalDynamo {
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, ...LOCAL_CLIENT_CONFIG });
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
      await stopServer();
    },
  };
}

export async function startLocalDynamo(): Promise<LocalDynamo> {
  const dynalite: Dynalite = createRequire(__filename)(dynalitePath);
  const server = dynalite({ createTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return localDynamo((server.address() as AddressInfo).port, () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))));
}

/**
 * `path`: keep the tables in that folder rather than in memory, and `port`: listen there, so that a killed
 * store can be started again where it was, with what it held.
 */
export async function startDynaliteProcess({ path, port: wanted = 0 }: { path?: string; port?: number } = {}): Promise<DynaliteProcess> {
  const options = JSON.stringify({ createTableMs: 0, path });
  const script = `const server = require(${JSON.stringify(dynalitePath)})(${options});
    server.listen(${wanted}, '127.0.0.1', () => console.log(server.address().port));`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = once(child, 'exit');
  const [firstLine] = (await Promise.race([once(child.stdout, 'data'), exited.then(() => [''])])) as [Buffer | string];
  const port = Number(String(firstLine).trim());
  if (!port) throw new Error('dynalite did not start');
  const signal = (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
  };
  const end = async (name: NodeJS.Signals) => {
    signal('SIGCONT');
    signal(name);
    await exited;
  };
  const dynamo = localDynamo(port, () => end('SIGTERM'));
  return {
    ...dynamo,
    pid: child.pid as number,
    pause: () => signal('SIGSTOP'),
    resume: () => signal('SIGCONT'),
    kill: () => end('SIGKILL'),
  };
}
