/** HTTP/1.1 (RFC 9112 §3.2.2): a server must accept a request target in absolute form, as proxies send it. */
import { closeServers, launch, rawRequest, start } from './harness';

afterAll(closeServers);

const statusOf = (reply: string) => reply.split(' ')[1];

describe('request targets', () => {
  let port: number;
  beforeAll(async () => {
    ({ port } = await start());
  });

  it('POST http://host/ in absolute form reaches the skill', async () => {
    const body = launch();
    const reply = await rawRequest(port, `POST http://127.0.0.1:${port}/ HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    expect(statusOf(reply)).toBe('200');
    expect(reply).toContain('outputSpeech');
  });

  it('GET http://host/health in absolute form is the health check, and an unknown path is still 404', async () => {
    expect(statusOf(await rawRequest(port, `GET http://127.0.0.1:${port}/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`))).toBe('200');
    expect(statusOf(await rawRequest(port, `GET http://127.0.0.1:${port}/other HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`))).toBe('404');
  });

  it('the origin form still works, query and all; a path that only looks like a host is not the root', async () => {
    expect(statusOf(await rawRequest(port, 'GET /health?probe=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'))).toBe('200');
    expect(statusOf(await rawRequest(port, 'POST //health HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n'))).toBe('404');
  });
});
