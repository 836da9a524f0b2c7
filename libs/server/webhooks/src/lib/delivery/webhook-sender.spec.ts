import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendWebhook } from './webhook-sender';

describe('sendWebhook', () => {
  let server: Server;
  let port: number;
  let hits = 0;

  beforeAll(async () => {
    server = createServer((request, response) => {
      hits += 1;
      request.resume();
      if (request.url === '/hang') return; // never answers
      if (request.url === '/redirect') return void response.writeHead(302, { location: 'http://127.0.0.1/' }).end();
      response.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const send = (url: string, allowPrivate: boolean, timeoutMs = 2000) => sendWebhook({ url, headers: {}, body: '{}', timeoutMs, allowPrivate });

  it('refuses a name that resolves to a loopback address at connect time (DNS rebinding), without sending', async () => {
    const before = hits;
    const outcome = await send(`http://localhost:${port}/hook`, false);
    expect(outcome).toEqual({ kind: 'error', error: expect.stringMatching(/^refused: localhost resolves to a non-public address/) });
    expect(hits).toBe(before);
  });

  it('refuses a literal private address without sending', async () => {
    const before = hits;
    expect(await send(`http://127.0.0.1:${port}/hook`, false)).toEqual({ kind: 'error', error: expect.stringMatching(/^refused:/) });
    expect(hits).toBe(before);
  });

  it('with WEBHOOK_ALLOW_PRIVATE, posts and reports the status; a redirect is not followed', async () => {
    expect(await send(`http://localhost:${port}/hook`, true)).toEqual({ kind: 'response', status: 204 });
    expect(await send(`http://127.0.0.1:${port}/redirect`, true)).toEqual({ kind: 'response', status: 302 });
  });

  it('gives up on an endpoint that never answers after the timeout', async () => {
    const started = Date.now();
    expect(await send(`http://127.0.0.1:${port}/hang`, true, 300)).toEqual({ kind: 'error', error: 'no answer within 0.3 s' });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
