/**
 * The pace a listener chose is there on their next visit, kept in a real DynamoDB-compatible server:
 * through the skill in-process, and through the built Lambda bundle in a fresh process configured only
 * by environment, as on Lambda (where the runtime provides the AWS SDK v3).
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { RequestEnvelope } from 'ask-sdk-model';
import { IntentRequestBuilder, LaunchRequestBuilder } from 'ask-sdk-test';
import { createDynamoDbPersistenceAdapter } from '../../lambda/persistence/dynamodb-adapter';
import { userKey } from '../../lambda/persistence/user-key';
import { buildSkill } from '../../lambda/skill';
import { NORMAL_PACE, PACE_RATES } from '../../lambda/speech/pace';
import { conversation, TEST_SETTINGS, uiText } from '../support/conversation';
import { type LocalDynamo, startLocalDynamo } from '../support/dynalite';

const execFileAsync = promisify(execFile);
const TABLE = 'bone-guide-preferences';
const root = path.resolve(__dirname, '../..');
const slower = PACE_RATES[NORMAL_PACE - 1];
const rateIn = (ssml: string) => Number(/<prosody rate="(\d+)%">/.exec(ssml)?.[1] ?? 100);

let dynamo: LocalDynamo;
beforeAll(async () => {
  dynamo = await startLocalDynamo();
  await dynamo.createTable(TABLE);
});
afterAll(() => dynamo.stop());

function skillOnDynamo(tableName = TABLE) {
  const skill = buildSkill({ preferences: createDynamoDbPersistenceAdapter({ tableName, client: dynamo.client }), storeTimeoutMs: 2000 });
  return (event: RequestEnvelope) => skill.invoke(event);
}

describe('pace across sessions, on DynamoDB', () => {
  it('is kept for the same listener: session two starts slow, with the shorter welcome', async () => {
    const userId = 'amzn1.ask.account.ACROSS';
    const one = conversation({ handler: skillOnDynamo(), userId });
    expect((await one.launch()).text.startsWith(uiText('welcome'))).toBe(true);
    expect(rateIn((await one.intent('SpeakSlowerIntent')).ssml)).toBe(slower);
    await one.intent('AMAZON.StopIntent');

    const two = conversation({ handler: skillOnDynamo(), userId });
    const welcome = await two.launch();
    expect(welcome.text.startsWith(uiText('welcomeBack'))).toBe(true);
    expect(rateIn(welcome.ssml)).toBe(slower);
    expect(rateIn((await two.intent('SymptomsIntent')).ssml)).toBe(slower);
  });

  it('reads a corrupt stored record as no record', async () => {
    const userId = 'amzn1.ask.account.CORRUPT';
    const key = userKey(new LaunchRequestBuilder({ ...TEST_SETTINGS, userId }).build());
    await dynamo.client.send(new PutItemCommand({ TableName: TABLE, Item: { id: { S: key }, attributes: { S: '{"pace": "very slow", ' } } }));
    const welcome = await conversation({ handler: skillOnDynamo(), userId }).launch();
    expect(welcome.text.startsWith(uiText('welcome'))).toBe(true);
    expect(welcome.ssml).not.toContain('<prosody');
  });

  it('answers at the default pace when the table is not there', async () => {
    const c = conversation({ handler: skillOnDynamo('no-such-table'), userId: 'amzn1.ask.account.NOTABLE' });
    const welcome = await c.launch();
    expect(welcome.text.startsWith(uiText('welcome'))).toBe(true);
    expect(rateIn((await c.intent('SpeakSlowerIntent')).ssml)).toBe(slower);
  });
});

describe('the Lambda bundle, configured by environment', () => {
  const bundleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-dynamo-'));

  beforeAll(() => {
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'tools', 'build-lambda.ts')], { cwd: root, stdio: 'pipe' });
    fs.copyFileSync(path.join(root, 'dist', 'lambda', 'index.js'), path.join(bundleDir, 'index.js'));
  }, 60_000);

  /**
   * Runs a list of envelopes through the bundle in one fresh process, carrying the session attributes.
   * Asynchronously: dynalite lives in this process and must keep answering while the bundle runs.
   */
  async function runBundle(envelopes: RequestEnvelope[], env: Record<string, string>): Promise<{ ssml: string }[]> {
    const script = `
      const { handler } = require('./index.js');
      (async () => {
        const out = [];
        let attributes = {};
        for (const e of ${JSON.stringify(envelopes)}) {
          e.session.attributes = attributes;
          const r = await handler(e, {});
          attributes = r.sessionAttributes || {};
          out.push({ ssml: r.response.outputSpeech ? r.response.outputSpeech.ssml : '' });
        }
        // The SDK keeps its connections alive; a Lambda is frozen, a test process must exit.
        process.stdout.write(JSON.stringify(out), () => process.exit(0));
      })();`;
    const { stdout } = await execFileAsync(process.execPath, ['-e', script], { cwd: bundleDir, timeout: 30_000, env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env } });
    return JSON.parse(stdout) as { ssml: string }[];
  }

  it('remembers the pace between two runs of the bundle, loading the SDK from the runtime only because a table is set', async () => {
    const settings = { ...TEST_SETTINGS, userId: 'amzn1.ask.account.BUNDLE' };
    const env = {
      PREFERENCES_TABLE: TABLE,
      // What the Lambda runtime provides: the SDK on NODE_PATH, credentials and region in the environment.
      NODE_PATH: path.join(root, 'node_modules'),
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
    const intent = (name: string, isNew = false) => {
      const e = new IntentRequestBuilder(settings, name).build();
      e.session!.new = isNew;
      return e;
    };
    const launch = () => new LaunchRequestBuilder(settings).build();
    await runBundle([launch(), intent('SpeakSlowerIntent'), intent('AMAZON.StopIntent')], env);
    const [welcome] = await runBundle([launch()], env);
    expect(rateIn(welcome.ssml)).toBe(slower);
  }, 60_000);

  it('answers without a table and without any SDK to load', async () => {
    const [welcome] = await runBundle([new LaunchRequestBuilder(TEST_SETTINGS).build()], {});
    expect(welcome.ssml.startsWith('<speak>')).toBe(true);
    expect(welcome.ssml).not.toContain('<prosody');
  });
});
