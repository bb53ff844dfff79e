/**
 * A store that hangs mid-run (dynalite in its own process, stopped with SIGSTOP): every listener is still
 * answered, and no call to the store is left running once the answers have gone: a request that gives up
 * on the store cancels its call, so nothing piles up while the store is hung.
 */
import type { RequestEnvelope } from 'ask-sdk-model';
import { LaunchRequestBuilder } from 'ask-sdk-test';
import { createDynamoDbPersistenceAdapter } from '../../lambda/persistence/dynamodb-adapter';
import { buildSkill } from '../../lambda/skill';
import { countingStore } from '../../tools/fault-check/counting-store';
import { conversation, TEST_SETTINGS, uiText } from '../support/conversation';
import { type DynaliteProcess, LOCAL_CLIENT_CONFIG, startDynaliteProcess } from '../support/dynalite';

const TABLE = 'hung-store-preferences';
const LISTENERS = 300;

let dynamo: DynaliteProcess;
beforeAll(async () => {
  dynamo = await startDynaliteProcess();
  await dynamo.createTable(TABLE);
}, 20_000);

afterAll(() => dynamo?.stop());

/** The skill on the store, and a count of its calls to the store that are still open. */
function skill() {
  const counting = countingStore(createDynamoDbPersistenceAdapter({ tableName: TABLE, clientConfig: { endpoint: dynamo.endpoint, ...LOCAL_CLIENT_CONFIG } }));
  const built = buildSkill({ preferences: counting.store });
  return { open: counting.open, handler: (event: RequestEnvelope) => built.invoke(event) };
}

it('answers every listener at the default pace while the store hangs, and leaves no call to it running', async () => {
  const { open, handler } = skill();
  // Connections are open and kept alive when the store hangs.
  const before = await conversation({ handler, userId: 'amzn1.ask.account.BEFORE' }).launch();
  expect(before.text.startsWith(uiText('welcome'))).toBe(true);

  dynamo.pause();
  const welcomes = await Promise.all(
    Array.from({ length: LISTENERS }, (_, i) => conversation({ handler, userId: `amzn1.ask.account.HUNG-${i}` }).launch()),
  );
  // A cancelled call fails as its request's time runs out; its failure reaches us a few promise steps later.
  await new Promise((resolve) => setImmediate(resolve));
  const left = open();
  dynamo.resume();

  expect(welcomes).toHaveLength(LISTENERS);
  for (const welcome of welcomes) {
    expect(welcome.text.startsWith(uiText('welcome'))).toBe(true);
    expect(welcome.ssml).not.toContain('<prosody');
  }
  expect(left).toBe(0);
}, 30_000);

it('gives up by itself on a call with no time limit of its own (the client has timeouts)', async () => {
  const store = createDynamoDbPersistenceAdapter({ tableName: TABLE, clientConfig: { endpoint: dynamo.endpoint, ...LOCAL_CLIENT_CONFIG } });
  const envelope = new LaunchRequestBuilder({ ...TEST_SETTINGS, userId: 'amzn1.ask.account.NO-LIMIT' }).build();
  await store.getAttributes(envelope);
  dynamo.pause();
  try {
    await expect(store.deleteAttributes?.(envelope)).rejects.toMatchObject({ name: 'TimeoutError' });
  } finally {
    dynamo.resume();
  }
}, 30_000);
