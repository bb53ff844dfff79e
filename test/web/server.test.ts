/**
 * The web console's server over HTTP, without a browser: what it serves and under which headers, and a sentence
 * (never a stack) for each kind of bad request. What was asked never reaches its output.
 */
import http from 'node:http';
import { CONSOLE_LIMITS, SECURITY_HEADERS, startConsole } from '../../tools/web/console-server';

let server: http.Server;
let url: string;
const logged: string[] = [];

beforeAll(async () => {
  ({ server, url } = await startConsole({ store: 'memory' }));
  for (const method of ['log', 'error', 'warn', 'info'] as const) {
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
  }
});
afterAll(async () => {
  jest.restoreAllMocks();
  await new Promise((resolve) => server.close(resolve));
});

const client = 'server-test-0001';
const post = (route: string, body: string) => fetch(new URL(route, url), { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });
const postJson = (route: string, value: unknown) => post(route, JSON.stringify(value));

/** A refusal: its status, and a sentence with no trace of code in it. */
async function expectRefusal(response: Response, status: number, sentence: RegExp): Promise<void> {
  expect(response.status).toBe(status);
  const { error } = (await response.json()) as { error: string };
  expect(error).toMatch(sentence);
  expect(error).not.toMatch(/\bat \S+:\d+|Error\b|\.ts\b|undefined|\{|\}/);
}

/** A request with the headers given as they are (fetch will not send a Host of our choosing). */
function rawPost(route: string, body: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(new URL(route, url), { method: 'POST', headers: { 'Content-Length': String(Buffer.byteLength(body)), ...headers } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

// Found by a review: any web page the developer visited could drive the console (a cross-site form post, or a fetch
// after DNS rebinding) and change the pace saved for npm start.
describe('the web console answers only its own page', () => {
  const say = JSON.stringify({ client: 'cross-site-0001', text: 'speak slower' });

  it('refuses a post from another origin', async () => {
    const { status, body } = await rawPost('/api/say', say, { 'Content-Type': 'application/json', Origin: 'https://evil.example' });
    expect(status).toBe(403);
    expect(body).not.toContain('slowly');
  });

  it('refuses a post that is not JSON by its type (what a cross-site form or simple request sends)', async () => {
    expect((await rawPost('/api/say', say, { 'Content-Type': 'text/plain' })).status).toBe(415);
  });

  it('refuses a request for another host name (DNS rebinding)', async () => {
    expect((await rawPost('/api/say', say, { 'Content-Type': 'application/json', Host: 'attacker.example' })).status).toBe(403);
  });

  it('answers its own page: same origin, JSON, a loopback host', async () => {
    const own = new URL(url);
    const question = JSON.stringify({ client: 'own-page-0001', text: 'what is myeloma' });
    expect((await rawPost('/api/say', question, { 'Content-Type': 'application/json; charset=utf-8', Origin: own.origin })).status).toBe(200);
  });
});

describe('the web console server', () => {
  it.each([
    ['/', 'text/html'],
    ['/console.js', 'text/javascript'],
    ['/style.css', 'text/css'],
    ['/icon.svg', 'image/svg+xml'],
  ])('serves %s as %s, with the security headers', async (route, type) => {
    const response = await fetch(new URL(route, url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain(type);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(response.headers.get(name)).toBe(value);
  });

  it('allows nothing but its own origin', () => {
    const policy = SECURITY_HEADERS['Content-Security-Policy'];
    expect(policy).toMatch(/(^|; )default-src 'self'(;|$)/);
    for (const directive of policy.split('; ')) expect(directive).toMatch(/ ('self'|'none')$/);
  });

  it('listens on 127.0.0.1 unless told otherwise', () => {
    expect(new URL(url).hostname).toBe('127.0.0.1');
  });

  it('answers a question with the turn and what to say at which pace', async () => {
    const response = await postJson('/api/say', { client, text: 'what is myeloma', locale: 'en-GB' });
    expect(response.status).toBe(200);
    const turn = (await response.json()) as { request: { intent: string }; text: string; speech: { text: string; rate: number } };
    expect(turn.request.intent).toBe('MyelomaIntent');
    expect(turn.speech.rate).toBe(100);
    expect(turn.speech.text).not.toMatch(/[<>]/);
  });

  it('refuses, with a sentence, an empty text, a long one and markup', async () => {
    await expectRefusal(await postJson('/api/say', { client, text: '   ' }), 400, /^Type what you would say/);
    await expectRefusal(await postJson('/api/say', { client, text: 'a'.repeat(CONSOLE_LIMITS.maxTextLength + 1) }), 400, /characters: say it in under/);
    await expectRefusal(await postJson('/api/say', { client, text: 'what is <b>myeloma</b>' }), 400, /plain words/);
  });

  it('refuses a body that is too big, not JSON, or not a request', async () => {
    await expectRefusal(await post('/api/say', JSON.stringify({ client, text: 'x'.repeat(CONSOLE_LIMITS.maxBodyBytes) })), 413, /too much/);
    await expectRefusal(await post('/api/say', 'what is myeloma'), 400, /not JSON/);
    await expectRefusal(await post('/api/say', '[1, 2]'), 400, /not a request/);
  });

  it('refuses a missing conversation id, an unknown locale, and a touch with no item or no session', async () => {
    await expectRefusal(await postJson('/api/say', { text: 'what is myeloma' }), 400, /conversation id/);
    await expectRefusal(await postJson('/api/say', { client, text: 'what is myeloma', locale: 'de-DE' }), 400, /no interaction model for de-DE/);
    await expectRefusal(await postJson('/api/touch', { client, locale: 'en-GB' }), 400, /without an item/);
    await expectRefusal(await postJson('/api/touch', { client: 'server-test-0002', id: 'bone-scan', label: 'Bone scan' }), 409, /session has ended/);
  });

  it('has nothing at other addresses or methods', async () => {
    await expectRefusal(await fetch(new URL('/package.json', url)), 404, /nothing here/);
    await expectRefusal(await fetch(new URL('/api/say', url)), 404, /nothing here/);
  });

  it('writes nothing of what was asked to its output', () => {
    expect(logged.filter((line) => /myeloma/i.test(line))).toEqual([]);
  });
});
