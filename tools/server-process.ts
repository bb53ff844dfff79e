/**
 * The web service in a process of its own, as the load check and the soak drive it: started on loopback,
 * ready once it says it is listening. tsx is loaded as a loader rather than run as a CLI, so the process
 * started is the server itself (the CLI would run it in a child, whose memory /proc would not show).
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { type Caller, intentRequest, launchRequest } from './simulator/envelopes';

const root = path.resolve(__dirname, '..');

/** A caller for scripted traffic; the ids are obviously not a person's. */
export const scriptedCaller = (name: string): Caller => ({
  skillId: `amzn1.ask.skill.${name}`,
  userId: `amzn1.ask.account.${name.toUpperCase()}`,
  deviceId: `amzn1.ask.device.${name.toUpperCase()}`,
  locale: 'en-GB',
  sessionId: `amzn1.echo-api.session.${name.toUpperCase()}`,
});

/** Real skill requests, the Alexa service's shape: a launch, a list, a drill-down and help. */
export const conversationBodies = (caller: Caller): string[] =>
  [
    launchRequest(caller),
    intentRequest(caller, false, {}, 'TestsIntent'),
    intentRequest(caller, false, {}, 'TreatmentDetailIntent', [{ name: 'treatment', value: 'chemo', type: 'TreatmentType', id: 'chemotherapy' }]),
    intentRequest(caller, false, {}, 'AMAZON.HelpIntent'),
  ].map((envelope) => JSON.stringify(envelope));

export function startServerProcess(options: { port: number; skillId: string; args: string[]; logLevel: string }): Promise<ChildProcessWithoutNullStreams> {
  const main = path.join(root, 'tools', 'server', 'main.ts');
  const server = spawn(process.execPath, ['--import', 'tsx', main, '--host', '127.0.0.1', ...options.args], {
    cwd: root,
    env: { ...process.env, PORT: String(options.port), SKILL_ID: options.skillId, LOG_LEVEL: options.logLevel },
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not start within 20 s')), 20_000);
    server.stdout.on('data', (chunk: Buffer) => {
      if (!chunk.toString().includes('listening on')) return;
      clearTimeout(timer);
      // From here on only the process matters, not its per-request lines.
      server.stdout.removeAllListeners('data');
      server.stdout.resume();
      resolve(server);
    });
    server.stderr.resume();
    server.on('exit', (code) => reject(new Error(`the server exited (${code})`)));
  });
}

/** What one request of a load carries beyond the URL and method: its body, headers, or both. */
type LoadRequest = { body?: string; headers?: Record<string, string> };

/**
 * Drives the server on `port` with POSTs from `connections` connections for `seconds`; `next` gives each request,
 * in the order sent.
 */
export function postLoad(port: number, connections: number, seconds: number, next: () => LoadRequest): Promise<autocannon.Result> {
  return autocannon({
    url: `http://127.0.0.1:${port}/`,
    connections,
    duration: seconds,
    method: 'POST',
    requests: [{ setupRequest: (request) => ({ ...request, ...next() }) }],
  });
}
