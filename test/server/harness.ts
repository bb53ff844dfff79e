/**
 * What the server tests share: a server on loopback whose skill counts its runs (so a refusal can be shown
 * to run no skill code), Alexa-shaped bodies, signed headers, and a POST that reads the answer.
 */
import net, { type AddressInfo } from 'node:net';
import type http from 'node:http';
import type { RequestEnvelope } from 'ask-sdk-model';
import { LaunchRequestBuilder } from 'ask-sdk-test';
import { buildSkill } from '../../lambda/skill';
import { createSkillServer, type SkillServerOptions } from '../../tools/server/skill-server';
import { createRequestVerifier, type VerifierOptions } from '../../tools/server/verify-request';
import type { TestSigner } from './certificates';

export const SKILL_ID = 'amzn1.ask.skill.server-test';
export const CERT_URL = 'https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem';
export const settings = { appId: SKILL_ID, userId: 'amzn1.ask.account.SERVER', deviceId: 'amzn1.ask.device.SERVER', locale: 'en-GB' };

export const skillRuns = { count: 0 };
const servers: http.Server[] = [];

/** Closes every server `start` opened; call from afterAll. */
export async function closeServers(): Promise<void> {
  const closing = servers.splice(0).map((s) => new Promise((resolve) => (s.closeAllConnections(), s.close(resolve))));
  await Promise.all(closing);
}

export interface StartOptions {
  /** The signer whose root is trusted; no signer means verification off. */
  signer?: TestSigner;
  chainPem?: () => string;
  loads?: string[];
  verifier?: Partial<VerifierOptions>;
  server?: Partial<Omit<SkillServerOptions, 'skill' | 'verifier'>>;
}

/** Starts a server on loopback and answers its base URL. */
export async function start(options: StartOptions = {}): Promise<{ base: string; port: number; server: http.Server }> {
  const skill = buildSkill({ skillId: SKILL_ID });
  const counting = { invoke: (e: RequestEnvelope, c?: unknown) => (skillRuns.count++, skill.invoke(e, c)) } as typeof skill;
  const { signer } = options;
  const verifier = signer
    ? createRequestVerifier({
        trustedRoots: [signer.rootPem],
        loadCertificate: async (url) => (options.loads?.push(url), (options.chainPem ?? (() => signer.chainPem))()),
        ...options.verifier,
      })
    : undefined;
  const server = createSkillServer({ skill: counting, skillId: SKILL_ID, verifier, ...options.server });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, port, server };
}

export function signedHeaders(signer: TestSigner, body: string, overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const headers: Record<string, string | undefined> = { 'content-type': 'application/json', signaturecertchainurl: CERT_URL, 'signature-256': signer.sign(body), ...overrides };
  return Object.fromEntries(Object.entries(headers).filter((e): e is [string, string] => e[1] !== undefined));
}

export const launchEnvelope = (appId = SKILL_ID, timestamp = new Date().toISOString()): RequestEnvelope => {
  const envelope = new LaunchRequestBuilder({ ...settings, appId }).build();
  envelope.request.timestamp = timestamp;
  return envelope;
};

export const launch = (appId = SKILL_ID, timestamp = new Date().toISOString()): string => JSON.stringify(launchEnvelope(appId, timestamp));

export async function post(base: string, body: string | Buffer, headers: Record<string, string>): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${base}/`, { method: 'POST', body, headers });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** Starts capturing log lines at the info level, until `stop`; a test reads `lines` as they come. */
export function watchLogs(): { lines: { level: string; [field: string]: unknown }[]; stop: () => void } {
  const lines: { level: string }[] = [];
  const keep = (...args: unknown[]) => void lines.push(JSON.parse(String(args[0])) as { level: string });
  const spies = (['log', 'warn', 'error'] as const).map((method) => jest.spyOn(console, method).mockImplementation(keep));
  const level = process.env.LOG_LEVEL;
  process.env.LOG_LEVEL = 'info';
  const stop = () => {
    process.env.LOG_LEVEL = level;
    spies.forEach((spy) => spy.mockRestore());
  };
  return { lines, stop };
}

/** Sends `text` as it is over a fresh TCP connection and answers everything the server wrote back until it closed. */
export function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end(text));
    let reply = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (reply += chunk));
    socket.on('close', () => resolve(reply));
    socket.on('error', reject);
  });
}

/** Waits until `condition` holds or `deadlineMs` passes, and answers whether it held: tests assert outcomes, not durations. */
export async function until(condition: () => boolean, deadlineMs = 8000): Promise<boolean> {
  for (const end = Date.now() + deadlineMs; Date.now() < end; await new Promise((resolve) => setTimeout(resolve, 20))) if (condition()) return true;
  return condition();
}
