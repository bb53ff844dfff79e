/**
 * The Lambda bundle stands alone: built by `npm run build`, copied where no node_modules can be found,
 * it answers a LaunchRequest. It carries no aws-sdk and stays small.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compiledContent as content } from '../../lambda/content/compiled';

const root = path.resolve(__dirname, '../..');
const bundle = path.join(root, 'dist', 'lambda', 'index.js');
/** The ceiling for the bundle. */
const MAX_BUNDLE_BYTES = 300 * 1024;

describe('the Lambda bundle', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'tools', 'build-lambda.ts')], { cwd: root, stdio: 'pipe' });
  }, 60_000);

  it('is one file under 300 KB with no AWS SDK inside: v2 never, v3 only loaded lazily from the runtime', () => {
    const code = fs.readFileSync(bundle, 'utf8');
    expect(fs.statSync(bundle).size).toBeLessThan(MAX_BUNDLE_BYTES);
    expect(code).not.toMatch(/require\(["']aws-sdk["']\)/);
    // The only mention of the v3 SDK is the one lazy import; none of its code (smithy) is bundled.
    expect(code.match(/@aws-sdk\//g)).toEqual(['@aws-sdk/']);
    expect(code).not.toMatch(/smithy/i);
  });

  it('carries none of the Alexa service API clients, which no handler calls (tools/lambda-bundle.ts): under 150 KB', () => {
    const code = fs.readFileSync(bundle, 'utf8');
    expect(code).not.toMatch(/DirectiveServiceClient|ReminderManagementServiceClient|UpsServiceClient/);
    expect(fs.statSync(bundle).size).toBeLessThan(150 * 1024);
    // Left out safely only while no code of the skill asks for a service client.
    const sources = fs.readdirSync(path.join(root, 'lambda'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const callers = sources.filter((f) => /serviceClientFactory|withApiClient|DefaultApiClient/.test(fs.readFileSync(path.join(root, 'lambda', f), 'utf8')));
    expect(callers).toEqual([]);
  });

  it('answers a LaunchRequest from a folder with no node_modules anywhere above it', () => {
    const alone = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-'));
    fs.copyFileSync(bundle, path.join(alone, 'index.js'));
    const envelope = {
      version: '1.0',
      session: { new: true, sessionId: 's', application: { applicationId: 'amzn1.ask.skill.x' }, user: { userId: 'u' }, attributes: {} },
      context: { System: { application: { applicationId: 'amzn1.ask.skill.x' }, user: { userId: 'u' }, device: { deviceId: 'd', supportedInterfaces: {} }, apiEndpoint: 'https://api.eu.amazonalexa.com' } },
      request: { type: 'LaunchRequest', requestId: 'r', timestamp: new Date().toISOString(), locale: 'en-GB' },
    };
    const script = `require('./index.js').handler(${JSON.stringify(envelope)}, {}).then((r) => process.stdout.write(JSON.stringify(r)))`;
    const out = execFileSync(process.execPath, ['-e', script], { cwd: alone, env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', NODE_PATH: '' } }).toString();
    const response = JSON.parse(out) as { response: { outputSpeech: { ssml: string }; shouldEndSession: boolean } };
    expect(response.response.outputSpeech.ssml.startsWith(`<speak>${content.ui.welcome.split('. ')[0]}`)).toBe(true);
    expect(response.response.shouldEndSession).toBe(false);
  });
});
