/** A client that hangs up mid-upload is not our error: one quiet line, no stack, so no one can flood the error log. */
import net from 'node:net';
import { closeServers, start, until, watchLogs } from './harness';

afterAll(closeServers);


it('a client that hangs up mid-body is logged at info, without a stack', async () => {
  const { port } = await start();
  const logs = watchLogs();
  try {
    const socket = net.connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write('POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"version":"1.0",');
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
    await until(() => logs.lines.length > 0);
  } finally {
    logs.stop();
  }
  expect(logs.lines).toEqual([expect.objectContaining({ level: 'info', event: 'refused', outcome: 'client-aborted' })]);
  expect(logs.lines[0]).not.toHaveProperty('stack');
});
