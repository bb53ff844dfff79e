/**
 * The web service refuses, before any skill code runs, every request that is not provably Alexa's and
 * for this skill, with the status a proxy and Alexa expect; and answers a real conversation over HTTP.
 */
import type { RequestEnvelope } from 'ask-sdk-model';
import { IntentRequestBuilder } from 'ask-sdk-test';
import { compiledContent as content } from '../../lambda/content/compiled';
import { MAX_BODY_BYTES } from '../../tools/server/skill-server';
import { canonicalCertificateUrl } from '../../tools/server/certificate-url';
import { VerificationError } from '../../tools/server/verify-request';
import { makeTestSigner, type TestSigner } from './certificates';
import { CERT_URL, closeServers, launch, post, settings, SKILL_ID, signedHeaders as signedBy, skillRuns, start as startServer, type StartOptions } from './harness';

let signer: TestSigner;

beforeAll(() => {
  signer = makeTestSigner();
});
afterAll(closeServers);

async function start(options: { verify?: boolean } & StartOptions = {}): Promise<string> {
  return (await startServer({ signer: options.verify === false ? undefined : signer, ...options })).base;
}
const signedHeaders = (body: string, overrides: Record<string, string | undefined> = {}) => signedBy(signer, body, overrides);

describe('refusals, before any skill code runs', () => {
  let base: string;
  beforeAll(async () => {
    base = await start();
  });
  beforeEach(() => {
    skillRuns.count = 0;
  });
  afterEach(() => {
    expect(skillRuns.count).toBe(0);
  });

  it('no signature: 401', async () => {
    const body = launch();
    expect((await post(base, body, { 'content-type': 'application/json' })).status).toBe(401);
  });

  it('a signature that does not match the body: 401', async () => {
    const body = launch();
    expect((await post(base, body, signedHeaders(launch(SKILL_ID, '2020-01-01T00:00:00Z')))).status).toBe(401);
    expect((await post(base, body, { ...signedHeaders(body), 'signature-256': Buffer.from('forged').toString('base64') })).status).toBe(401);
  });

  it.each([
    ['http', 'http://s3.amazonaws.com/echo.api/echo-api-cert.pem'],
    ['another host', 'https://evil.example.com/echo.api/echo-api-cert.pem'],
    ['another path', 'https://s3.amazonaws.com/EcHo.aPi/echo-api-cert.pem'],
    ['a path that climbs out', 'https://s3.amazonaws.com/echo.api/../invalid.pem'],
    ['another port', 'https://s3.amazonaws.com:563/echo.api/echo-api-cert.pem'],
    ['not a URL', 'not a url'],
  ])('a certificate URL with %s: 401', async (_what, url) => {
    const body = launch();
    expect((await post(base, body, signedHeaders(body, { signaturecertchainurl: url }))).status).toBe(401);
  });

  it('a timestamp more than 150 seconds old: 401', async () => {
    const body = launch(SKILL_ID, new Date(Date.now() - 151_000).toISOString());
    expect((await post(base, body, signedHeaders(body))).status).toBe(401);
  });

  it("another skill's id: 403", async () => {
    const body = launch('amzn1.ask.skill.someone-else');
    expect((await post(base, body, signedHeaders(body))).status).toBe(403);
  });

  it.each([
    ['not JSON', 'this is not json'],
    ['JSON that is not an Alexa request', '[1, 2, 3]'],
    ['empty', ''],
  ])('a body that is %s: 400', async (_what, body) => {
    expect((await post(base, body, signedHeaders(body))).status).toBe(400);
  });

  it('an oversized body: 413', async () => {
    const body = Buffer.alloc(MAX_BODY_BYTES + 1, 'a');
    expect((await post(base, body, { 'content-type': 'application/json' })).status).toBe(413);
  });

  it('never a 404 or a 5xx for any of them, and GET /health answers 200', async () => {
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
  });
});

describe('a signed request from Alexa', () => {
  it('is answered, and the certificate is fetched once for many requests', async () => {
    const loads: string[] = [];
    const base = await start({ loads });
    for (let i = 0; i < 3; i++) {
      const body = launch();
      const { status, json } = await post(base, body, signedHeaders(body));
      expect(status).toBe(200);
      const ssml = (json.response as { outputSpeech: { ssml: string } }).outputSpeech.ssml;
      expect(ssml.startsWith(`<speak>${content.ui.welcome.split('. ')[0]}`)).toBe(true);
    }
    expect(loads).toEqual([CERT_URL]);
  });

  it('is refused when the certificate is not for echo-api.amazon.com, or not from a trusted root', async () => {
    const wrongName = await start({ chainPem: () => signer.wrongNameChainPem });
    const body = launch();
    expect((await post(wrongName, body, signedHeaders(body))).status).toBe(401);
    const untrusted = await start({ chainPem: () => makeTestSigner().chainPem });
    expect((await post(untrusted, body, signedHeaders(body))).status).toBe(401);
  }, 30_000);
});

describe('with verification off (local development only)', () => {
  it('holds a real conversation over HTTP, session attributes and all', async () => {
    const base = await start({ verify: false });
    const first = JSON.parse(launch()) as RequestEnvelope;
    const welcome = await post(base, JSON.stringify(first), { 'content-type': 'application/json' });
    expect(welcome.status).toBe(200);
    const tests = new IntentRequestBuilder(settings, 'TestsIntent').build();
    tests.session!.new = false;
    tests.session!.attributes = welcome.json.sessionAttributes as Record<string, unknown>;
    const list = await post(base, JSON.stringify(tests), { 'content-type': 'application/json' });
    expect((list.json.response as { outputSpeech: { ssml: string } }).outputSpeech.ssml).toContain(content.entries.tests.kind === 'list' ? content.entries.tests.intro : '');
    const yes = new IntentRequestBuilder(settings, 'AMAZON.YesIntent').build();
    yes.session!.new = false;
    yes.session!.attributes = list.json.sessionAttributes as Record<string, unknown>;
    const next = await post(base, JSON.stringify(yes), { 'content-type': 'application/json' });
    expect(next.status).toBe(200);
    expect((next.json.response as { shouldEndSession: boolean }).shouldEndSession).toBe(false);
  });

  it("still refuses another skill's id", async () => {
    const base = await start({ verify: false });
    expect((await post(base, launch('amzn1.ask.skill.someone-else'), { 'content-type': 'application/json' })).status).toBe(403);
  });
});

describe('canonicalCertificateUrl', () => {
  it.each(['https://s3.amazonaws.com/echo.api/echo-api-cert.pem', 'HTTPS://s3.amazonaws.com/echo.api/echo-api-cert.pem', 'https://s3.amazonaws.com:443/echo.api/echo-api-cert.pem', 'https://S3.AMAZONAWS.COM/echo.api/echo-api-cert.pem?v=1#x'])(
    'accepts %s, as the one URL it names',
    (url) => {
      expect(canonicalCertificateUrl(url)).toBe('https://s3.amazonaws.com/echo.api/echo-api-cert.pem');
    },
  );
  it('refuses with a VerificationError', () => {
    expect(() => canonicalCertificateUrl('https://s3.amazonaws.com/other/c.pem')).toThrow(VerificationError);
  });
});
