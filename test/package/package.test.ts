/**
 * `npm run package` makes what the standard Alexa tools deploy, and the deployment files agree with it:
 *   - build/lambda.zip holds only `index.js`, which, unzipped where no node_modules can be found, answers a launch;
 *   - build/skill-package is the top-level skill package, file for file (ASK CLI v2 layout);
 *   - template.yaml (AWS SAM) runs that zip's `handler`, for one skill only, with exactly the DynamoDB access the
 *     preferences adapter uses, and sets the environment lambda/index.ts reads;
 *   - ask-resources.json (ASK CLI v2) deploys the same folders with the same handler and runtime.
 * Expectations come from the sources (the content, lambda/index.ts, the adapter), never from a pasted run.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AdmZip from 'adm-zip';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { LaunchRequestBuilder } from 'ask-sdk-test';
import { parse } from 'yaml';
import type { CollectionTag, ScalarTag, YAMLSeq } from 'yaml';
import { compiledContent as content } from '../../lambda/content/compiled';
import { createDynamoDbPersistenceAdapter, type DynamoDBClientLike } from '../../lambda/persistence/dynamodb-adapter';
import { ssmlToText } from '../support/alexa-ssml';

const root = path.resolve(__dirname, '../..');
const build = path.join(root, 'build');
const zipPath = path.join(build, 'lambda.zip');
const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');

// SDK v3 warns once per process that its 2027 releases will need Node 22; on Node 20 that is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// ---------------------------------------------------------------------------
// Reading JSON and YAML without `any`
// ---------------------------------------------------------------------------

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a path of keys, or undefined where the path leaves the objects. */
function at(value: unknown, ...keys: string[]): unknown {
  return keys.reduce<unknown>((v, k) => (isObject(v) ? v[k] : undefined), value);
}

function objectAt(value: unknown, ...keys: string[]): Json {
  const found = at(value, ...keys);
  if (!isObject(found)) throw new Error(`expected an object at ${keys.join('.')}`);
  return found;
}

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Every file under a folder, as paths relative to it with forward slashes, sorted. */
function filesUnder(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]))
    .sort();
}

/**
 * CloudFormation's short forms, read as their long forms so the template parses to plain data:
 * `!Ref X` → { Ref: X }, `!GetAtt A.B` or `!GetAtt [A, B]` → { 'Fn::GetAtt': [A, B] }, `!Sub s` or
 * `!Sub [s, vars]` → { 'Fn::Sub': … }.
 */
const cloudFormationTags: (ScalarTag | CollectionTag)[] = [
  { tag: '!Ref', resolve: (value: string) => ({ Ref: value }) },
  {
    tag: '!GetAtt',
    resolve: (value: string) => {
      const dot = value.indexOf('.');
      return { 'Fn::GetAtt': [value.slice(0, dot), value.slice(dot + 1)] };
    },
  },
  { tag: '!GetAtt', collection: 'seq', resolve: (value) => ({ 'Fn::GetAtt': (value as YAMLSeq).toJSON() }) },
  { tag: '!Sub', resolve: (value: string) => ({ 'Fn::Sub': value }) },
  { tag: '!Sub', collection: 'seq', resolve: (value) => ({ 'Fn::Sub': (value as YAMLSeq).toJSON() }) },
];

function readTemplate(): Json {
  const template: unknown = parse(fs.readFileSync(path.join(root, 'template.yaml'), 'utf8'), { customTags: cloudFormationTags });
  if (!isObject(template)) throw new Error('template.yaml is not a mapping');
  return template;
}

/** The one resource of a type, by logical id. */
function onlyResource(template: Json, type: string): { id: string; properties: Json } {
  const found = Object.entries(objectAt(template, 'Resources')).filter(([, resource]) => at(resource, 'Type') === type);
  expect(found).toHaveLength(1);
  const [id, resource] = found[0];
  return { id, properties: objectAt(resource, 'Properties') };
}

/** The first sentence of a text: up to the first full stop, question or exclamation mark that ends a word. */
function firstSentence(text: string): string {
  const match = /^.*?[.?!](?=\s|$)/s.exec(text);
  return match ? match[0] : text;
}

// ---------------------------------------------------------------------------

interface BundleRun {
  exports: string[];
  response: ResponseEnvelope;
}

/** Left in build/ as if by an older package: a removed locale, a stray source file. */
const STALE_FILES = ['skill-package/interactionModels/custom/xx-XX.json', 'lambda/old.js'];

let unzipped: string;
let run: BundleRun;

beforeAll(() => {
  // `npm run package` without npm: the bundle (dist/lambda/index.js), then the package step, over a build/
  // holding files from an older package that must not ship again.
  execFileSync(process.execPath, [tsx, path.join(root, 'tools', 'build-lambda.ts')], { cwd: root, stdio: 'pipe' });
  for (const stale of STALE_FILES) {
    fs.mkdirSync(path.dirname(path.join(build, stale)), { recursive: true });
    fs.writeFileSync(path.join(build, stale), '{}');
  }
  execFileSync(process.execPath, [tsx, path.join(root, 'tools', 'package.ts')], { cwd: root, stdio: 'pipe' });

  // Unzip where nothing can be resolved from a node_modules folder, and run it in a fresh node process
  // configured only as the tests choose.
  unzipped = fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-zip-'));
  new AdmZip(zipPath).extractAllTo(unzipped, true);
  const launch: RequestEnvelope = new LaunchRequestBuilder({
    appId: 'amzn1.ask.skill.package-test',
    userId: 'amzn1.ask.account.package-test',
    deviceId: 'amzn1.ask.device.package-test',
    locale: 'en-GB',
  }).build();
  const script = `
    const bundle = require('./index.js');
    bundle.handler(${JSON.stringify(launch)}, {}).then((response) => {
      const exports = Object.keys(bundle).filter((name) => typeof bundle[name] === 'function');
      process.stdout.write(JSON.stringify({ exports, response }));
    });`;
  const out = execFileSync(process.execPath, ['-e', script], {
    cwd: unzipped,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent' },
    timeout: 30_000,
  }).toString();
  run = JSON.parse(out) as BundleRun;
}, 120_000);

describe('build/lambda.zip', () => {
  it('holds exactly one entry, index.js, at the root: the bundle, as in build/lambda/', () => {
    const entries = new AdmZip(zipPath).getEntries();
    expect(entries.map((e) => e.entryName)).toEqual(['index.js']);
    expect(entries[0].getData().equals(fs.readFileSync(path.join(build, 'lambda', 'index.js')))).toBe(true);
    expect(filesUnder(path.join(build, 'lambda'))).toEqual(['index.js']);
  });

  it('replaces everything an older package left in build/', () => {
    for (const stale of STALE_FILES) expect(fs.existsSync(path.join(build, stale))).toBe(false);
  });

  it('was unzipped where no node_modules folder can be found', () => {
    const above: string[] = [];
    for (let dir = unzipped; ; dir = path.dirname(dir)) {
      above.push(dir);
      if (dir === path.dirname(dir)) break;
    }
    expect(above.filter((dir) => fs.existsSync(path.join(dir, 'node_modules')))).toEqual([]);
  });

  it('answers a LaunchRequest there with the welcome, keeping the session open', () => {
    const speech = run.response.response.outputSpeech;
    expect(speech?.type).toBe('SSML');
    const ssml = speech && speech.type === 'SSML' ? speech.ssml : '';
    expect(ssmlToText(ssml).startsWith(firstSentence(content.ui.welcome))).toBe(true);
    expect(run.response.response.shouldEndSession).toBe(false);
  });
});

describe('build/skill-package', () => {
  const skillPackage = path.join(build, 'skill-package');
  const modelsDir = path.join(root, 'interactionModels', 'custom');
  const models = fs.readdirSync(modelsDir).filter((name) => name.endsWith('.json'));

  it('holds skill.json, every interaction model and the icons skill.json names, nothing missing and nothing else', () => {
    expect(models.length).toBeGreaterThan(0);
    const icons = new Set(iconUris().map(({ uri }) => uri.replace(/^file:\/\//, '')));
    const expected = ['skill.json', ...models.map((name) => `interactionModels/custom/${name}`), ...icons].sort();
    expect(filesUnder(skillPackage)).toEqual(expected);
  });

  it('has a skill.json equal to the top-level skill.json', () => {
    expect(readJson(path.join(skillPackage, 'skill.json'))).toEqual(readJson(path.join(root, 'skill.json')));
  });

  it.each(models)('has interaction model %s equal to its twin in interactionModels/custom', (name) => {
    expect(readJson(path.join(skillPackage, 'interactionModels', 'custom', name))).toEqual(readJson(path.join(modelsDir, name)));
  });
});

/** Each locale's icon fields in the top-level skill.json. */
function iconUris(): { locale: string; field: string; uri: string }[] {
  const locales = objectAt(readJson(path.join(root, 'skill.json')), 'manifest', 'publishingInformation', 'locales');
  return Object.entries(locales).flatMap(([locale, info]) =>
    ['smallIconUri', 'largeIconUri'].map((field) => ({ locale, field, uri: String(at(info, field)) })),
  );
}

/** A PNG's width and height, read from its header (the IHDR chunk), not from the library that wrote it. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('the icons (certification: a 108 × 108 and a 512 × 512 PNG for each locale)', () => {
  const locales = fs.readdirSync(path.join(root, 'interactionModels', 'custom')).filter((name) => name.endsWith('.json')).map((name) => name.replace(/\.json$/, ''));

  it('skill.json gives every locale the skill serves a small and a large icon, as files of the skill package', () => {
    const uris = iconUris();
    expect([...new Set(uris.map((u) => u.locale))].sort()).toEqual([...locales].sort());
    for (const { uri } of uris) expect(uri).toMatch(/^file:\/\/assets\/images\/[\w.-]+\.png$/);
  });

  it('npm run package renders each of them at its size', () => {
    const sizes: Record<string, number> = { smallIconUri: 108, largeIconUri: 512 };
    for (const { field, uri } of iconUris()) {
      const size = sizes[field];
      expect({ uri, ...pngSize(path.join(build, 'skill-package', uri.replace(/^file:\/\//, ''))) }).toEqual({ uri, width: size, height: size });
    }
  });
});

describe('template.yaml (AWS SAM)', () => {
  const template = readTemplate();
  const fn = onlyResource(template, 'AWS::Serverless::Function');
  const table = onlyResource(template, 'AWS::DynamoDB::Table');

  it('runs the zip the package step writes, calling the handler the bundle exports from index.js', () => {
    expect(fn.properties.CodeUri).toBe('build/lambda.zip');
    expect(path.resolve(root, String(fn.properties.CodeUri))).toBe(zipPath);
    const [file, exported] = String(fn.properties.Handler).split('.');
    expect(fn.properties.Handler).toBe('index.handler');
    expect(new AdmZip(zipPath).getEntries().map((e) => e.entryName)).toEqual([`${file}.js`]);
    expect(run.exports).toContain(exported);
  });

  it('uses a Node.js 22 or later runtime on arm64', () => {
    const runtime = /^nodejs(\d+)\.x$/.exec(String(fn.properties.Runtime));
    expect(runtime).not.toBeNull();
    expect(Number(runtime?.[1])).toBeGreaterThanOrEqual(22);
    expect(fn.properties.Architectures).toEqual(['arm64']);
  });

  it('can be invoked only by the skill named in the required SkillId parameter', () => {
    const events = Object.values(objectAt(fn.properties, 'Events')).filter((event) => at(event, 'Type') === 'AlexaSkill');
    expect(events).toHaveLength(1);
    expect(at(events[0], 'Properties', 'SkillId')).toEqual({ Ref: 'SkillId' });
    const parameter = objectAt(template, 'Parameters', 'SkillId');
    expect(parameter.Type).toBe('String');
    expect(parameter).not.toHaveProperty('Default');
    const pattern = new RegExp(`^(?:${String(parameter.AllowedPattern)})$`);
    expect(pattern.test('amzn1.ask.skill.0a1b2c3d-4e5f-6789-abcd-ef0123456789')).toBe(true);
    expect(pattern.test('arn:aws:lambda:eu-west-1:123456789012:function:x')).toBe(false);
  });

  it('sets exactly the environment variables lambda/index.ts reads: the skill id and the table', () => {
    const variables = objectAt(fn.properties, 'Environment', 'Variables');
    expect(Object.keys(variables).sort()).toEqual(['PREFERENCES_TABLE', 'SKILL_ID']);
    const entry = fs.readFileSync(path.join(root, 'lambda', 'index.ts'), 'utf8');
    const read = [...entry.matchAll(/process\.env\.([A-Z_]+)/g)].map((m) => m[1]).sort();
    expect(read).toEqual(Object.keys(variables).sort());
    expect(variables.SKILL_ID).toEqual({ Ref: 'SkillId' });
    expect(variables.PREFERENCES_TABLE).toEqual({ Ref: table.id });
  });

  it('grants only GetItem, PutItem and DeleteItem, on the table alone: the calls the preferences adapter makes', async () => {
    const policies = fn.properties.Policies;
    expect(Array.isArray(policies)).toBe(true);
    const statements = (policies as unknown[]).flatMap((policy) => {
      // Every policy is an inline document: no managed policy names, no SAM policy templates with broader rights.
      expect(isObject(policy) && Array.isArray(policy.Statement)).toBe(true);
      return at(policy, 'Statement') as unknown[];
    });
    expect(statements).toHaveLength(1);
    const [statement] = statements;
    expect(at(statement, 'Effect')).toBe('Allow');
    const actions = [at(statement, 'Action')].flat();
    expect([...actions].sort()).toEqual(['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem']);
    expect(at(statement, 'Resource')).toEqual({ 'Fn::GetAtt': [table.id, 'Arn'] });

    // The adapter, driven through all three of its operations, sends exactly these commands to this key shape.
    const sent: { action: string; key: string[] }[] = [];
    const client: DynamoDBClientLike = {
      send: async (command) => {
        const input = command.input as { Key?: Json; Item?: Json };
        sent.push({ action: `dynamodb:${command.constructor.name.replace(/Command$/, '')}`, key: Object.keys(input.Key ?? {}) });
        return {};
      },
    };
    const adapter = createDynamoDbPersistenceAdapter({ tableName: 'any', client });
    const envelope = new LaunchRequestBuilder({ appId: 'a', userId: 'u', deviceId: 'd', locale: 'en-GB' }).build();
    await adapter.getAttributes(envelope);
    await adapter.saveAttributes(envelope, { pace: 2 });
    await adapter.deleteAttributes?.(envelope);
    expect(sent.map((s) => s.action).sort()).toEqual([...actions].sort());
    const keyNames = [...new Set(sent.flatMap((s) => s.key))];
    expect(table.properties.KeySchema).toEqual(keyNames.map((name) => ({ AttributeName: name, KeyType: 'HASH' })));
    expect(table.properties.AttributeDefinitions).toEqual(keyNames.map((name) => ({ AttributeName: name, AttributeType: 'S' })));
  });

  it('keeps a table that needs no capacity planning and is encrypted with a KMS key', () => {
    expect(table.properties.BillingMode).toBe('PAY_PER_REQUEST');
    expect(at(table.properties, 'SSESpecification', 'SSEEnabled')).toBe(true);
    expect(table.properties.TableName).toEqual({ Ref: 'TableName' });
    expect(at(template, 'Parameters', 'TableName', 'Default')).toBe('bone-secondaries-guide-preferences');
  });

  it('keeps the function logs for 30 days', () => {
    const logs = onlyResource(template, 'AWS::Logs::LogGroup');
    expect(logs.properties.LogGroupName).toEqual({ 'Fn::Sub': `/aws/lambda/\${${fn.id}}` });
    expect(logs.properties.RetentionInDays).toBe(30);
  });

  it('outputs the function ARN (for skill.json) and the table name', () => {
    const values = Object.values(objectAt(template, 'Outputs')).map((output) => at(output, 'Value'));
    expect(values).toContainEqual({ 'Fn::GetAtt': [fn.id, 'Arn'] });
    expect(values).toContainEqual({ Ref: table.id });
  });
});

describe('ask-resources.json (ASK CLI v2)', () => {
  const resources = readJson(path.join(root, 'ask-resources.json'));
  const profile = objectAt(resources, 'profiles', 'default');
  const fn = onlyResource(readTemplate(), 'AWS::Serverless::Function');

  it('deploys the folders the package step writes', () => {
    expect(at(resources, 'askcliResourcesVersion')).toBe('2020-03-31');
    const metadata = path.resolve(root, String(at(profile, 'skillMetadata', 'src')));
    const code = path.resolve(root, String(at(profile, 'code', 'default', 'src')));
    expect(metadata).toBe(path.join(build, 'skill-package'));
    expect(code).toBe(path.join(build, 'lambda'));
    expect(fs.existsSync(path.join(metadata, 'skill.json'))).toBe(true);
    expect(fs.existsSync(path.join(code, 'index.js'))).toBe(true);
  });

  it('deploys to Lambda with the same handler and runtime as the SAM template', () => {
    expect(at(profile, 'skillInfrastructure', 'type')).toBe('@ask-cli/lambda-deployer');
    const userConfig = objectAt(profile, 'skillInfrastructure', 'userConfig');
    expect(userConfig.handler).toBe(fn.properties.Handler);
    expect(userConfig.runtime).toBe(fn.properties.Runtime);
    expect(userConfig.awsRegion).toBe('eu-west-1');
  });
});
