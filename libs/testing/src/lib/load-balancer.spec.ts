import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { connect } from 'node:net';
import { LoadBalancer } from './load-balancer';

/** A replica stand-in: answers its name, reports readiness as told, accepts websocket upgrades. */
async function replica(name: string): Promise<{ url: string; ready: boolean; server: Server; upgrades: Socket[] }> {
  const state = { url: '', ready: true, server: createServer(), upgrades: [] as Socket[] };
  state.server.on('request', (req, res) => {
    if (req.url === '/health/ready') res.writeHead(state.ready ? 200 : 503).end();
    else res.writeHead(200).end(name);
  });
  state.server.on('upgrade', (_req, socket: Socket) => {
    state.upgrades.push(socket);
    socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n');
    socket.on('data', (data) => socket.write(`${name}:${data.toString()}`));
  });
  await new Promise<void>((resolve) => state.server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(state.server.address() as AddressInfo).port}`;
  return state;
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 10));
}

async function get(url: string): Promise<{ status: number; body: string }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.text() };
}

function openTunnel(balancerUrl: string): Promise<{ socket: Socket; next(): Promise<string> }> {
  const { port } = new URL(balancerUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => {
      socket.write('GET /live HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n');
    });
    socket.once('error', reject);
    socket.once('data', (head) => {
      expect(head.toString()).toContain('101 Switching Protocols');
      resolve({ socket, next: () => new Promise((r) => socket.once('data', (d) => r(d.toString()))) });
    });
  });
}

describe('LoadBalancer', () => {
  const servers: Server[] = [];
  let balancer: LoadBalancer | undefined;
  afterEach(async () => {
    await balancer?.stop();
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });

  it('spreads requests round-robin over ready replicas and stops sending to one that turns unready', async () => {
    const [a, b] = [await replica('a'), await replica('b')];
    servers.push(a.server, b.server);
    balancer = new LoadBalancer([a.url, b.url], { probeIntervalMs: 20 });
    await balancer.start();
    const bodies = [];
    for (let i = 0; i < 4; i++) bodies.push((await get(`${balancer.url}/x`)).body);
    expect(bodies.sort()).toEqual(['a', 'a', 'b', 'b']);

    a.ready = false;
    await until(() => !balancer?.isReady(a.url));
    for (let i = 0; i < 3; i++) expect((await get(`${balancer.url}/x`)).body).toBe('b');

    b.ready = false;
    await until(() => !balancer?.isReady(b.url));
    expect((await get(`${balancer.url}/x`)).status).toBe(503);
  });

  it('answers 502 when the chosen replica drops the request', async () => {
    const a = await replica('a');
    servers.push(a.server);
    a.server.removeAllListeners('request');
    a.server.on('request', (req, res) => (req.url === '/health/ready' ? res.writeHead(200).end() : req.socket.destroy()));
    balancer = new LoadBalancer([a.url]);
    await balancer.start();
    expect((await get(`${balancer.url}/x`)).status).toBe(502);
  });

  it('pipes websocket upgrades both ways and shows the client when the replica closes them', async () => {
    const [a, b] = [await replica('a'), await replica('b')];
    servers.push(a.server, b.server);
    balancer = new LoadBalancer([a.url, b.url]);
    await balancer.start();
    const first = await openTunnel(balancer.url);
    const second = await openTunnel(balancer.url);
    expect(balancer.openTunnels()).toEqual({ [a.url]: 1, [b.url]: 1 });

    const echoed = first.next();
    first.socket.write('ping');
    expect(['a:ping', 'b:ping']).toContain(await echoed);

    const closed = new Promise((r) => first.socket.once('close', r));
    for (const socket of [...a.upgrades, ...b.upgrades]) socket.destroy();
    await closed;
    second.socket.destroy();
    await until(() => Object.values(balancer?.openTunnels() ?? {}).every((n) => n === 0));
  });
});
