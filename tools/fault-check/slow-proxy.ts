/**
 * A TCP proxy in front of the store that holds back every chunk of the store's answers for `delay` ms (0:
 * passes them straight on): a slow store, which can be made slow and fast again mid-run.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface SlowProxy {
  endpoint: string;
  /** How long the store's answers are held back, ms. */
  delay: number;
  close(): Promise<void>;
}

export async function startSlowProxy(targetPort: number): Promise<SlowProxy> {
  const sockets = new Set<net.Socket>();
  const proxy: SlowProxy = { endpoint: '', delay: 0, close };
  const server = net.createServer((client) => {
    const store = net.connect(targetPort, '127.0.0.1');
    for (const socket of [client, store]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.pipe(store);
    // Each chunk goes on `delay` ms after it came, and chunks keep their order.
    let queue = Promise.resolve();
    store.on('data', (chunk: Buffer) => {
      const due = Date.now() + proxy.delay;
      queue = queue.then(() => sleep(Math.max(0, due - Date.now()))).then(() => void (client.destroyed || client.write(chunk)));
    });
    store.on('close', () => void queue.then(() => client.destroy()));
    client.on('close', () => store.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function close(): Promise<void> {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  return proxy;
}
