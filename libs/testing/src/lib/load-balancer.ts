import { Agent, createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { freePort } from './free-port';

export interface LoadBalancerOptions {
  /** The route a backend must answer 2xx on to get traffic (Kubernetes' readiness probe). */
  readinessPath?: string;
  /** How often readiness is probed. */
  probeIntervalMs?: number;
}

interface Backend {
  url: URL;
  ready: boolean;
  requests: number;
  tunnels: Set<Duplex>;
}

/**
 * What a Kubernetes Service + Ingress (or nginx with health checks) does in front of API replicas,
 * for tests: one port; each HTTP request and each websocket upgrade goes round-robin to a backend
 * whose readiness probe last answered 2xx; no sticky sessions. A request a backend fails to answer
 * gets 502 and is not retried (as nginx does for a POST) — the caller retries, as Telegram does.
 * Upgraded connections are piped byte for byte, so a backend closing one is seen by the client.
 */
export class LoadBalancer {
  private readonly backends: Backend[];
  private readonly agent = new Agent({ keepAlive: true });
  private server: Server | null = null;
  private probeTimer: NodeJS.Timeout | null = null;
  private next = 0;
  private port = 0;

  constructor(
    backendUrls: string[],
    private readonly options: LoadBalancerOptions = {},
  ) {
    this.backends = backendUrls.map((url) => ({ url: new URL(url), ready: false, requests: 0, tunnels: new Set() }));
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Probes every backend once, then listens on `port` (default: a free one). */
  async start(port?: number): Promise<void> {
    await this.probe();
    this.schedule();
    this.port = port ?? (await freePort());
    this.server = createServer((req, res) => this.forward(req, res));
    this.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => this.tunnel(req, socket, head));
    await new Promise<void>((resolve) => this.server?.listen(this.port, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    if (this.probeTimer) clearTimeout(this.probeTimer);
    this.probeTimer = null;
    for (const backend of this.backends) for (const socket of backend.tunnels) socket.destroy();
    this.agent.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Open websocket (upgraded) connections per backend, by backend URL. */
  openTunnels(): Record<string, number> {
    return Object.fromEntries(this.backends.map((b) => [b.url.origin, b.tunnels.size]));
  }

  /** HTTP requests forwarded per backend, by backend URL. */
  requestCounts(): Record<string, number> {
    return Object.fromEntries(this.backends.map((b) => [b.url.origin, b.requests]));
  }

  isReady(backendUrl: string): boolean {
    return this.backends.some((b) => b.url.origin === new URL(backendUrl).origin && b.ready);
  }

  private schedule(): void {
    this.probeTimer = setTimeout(() => {
      void this.probe().finally(() => {
        if (this.probeTimer) this.schedule();
      });
    }, this.options.probeIntervalMs ?? 100);
  }

  private async probe(): Promise<void> {
    await Promise.all(
      this.backends.map(async (backend) => {
        try {
          const response = await fetch(new URL(this.options.readinessPath ?? '/health/ready', backend.url), {
            signal: AbortSignal.timeout(1_000),
          });
          await response.arrayBuffer();
          backend.ready = response.ok;
        } catch {
          backend.ready = false;
        }
      }),
    );
  }

  private pick(): Backend | null {
    for (let i = 0; i < this.backends.length; i++) {
      const backend = this.backends[(this.next + i) % this.backends.length];
      if (backend.ready) {
        this.next = (this.next + i + 1) % this.backends.length;
        return backend;
      }
    }
    return null;
  }

  private forward(req: IncomingMessage, res: ServerResponse): void {
    const backend = this.pick();
    if (!backend) {
      res.writeHead(503).end('no ready backend');
      return;
    }
    backend.requests += 1;
    const upstream = request(
      {
        host: backend.url.hostname,
        port: backend.url.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress ?? '' },
        agent: this.agent,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502).end('bad gateway');
      else res.destroy();
    });
    req.pipe(upstream);
  }

  private tunnel(req: IncomingMessage, client: Duplex, head: Buffer): void {
    const backend = this.pick();
    if (!backend) {
      client.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n');
      return;
    }
    const upstream: Socket = connect(Number(backend.url.port), backend.url.hostname, () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    backend.tunnels.add(client);
    const close = () => {
      backend.tunnels.delete(client);
      upstream.destroy();
      client.destroy();
    };
    upstream.on('error', close);
    upstream.on('close', close);
    client.on('error', close);
    client.on('close', close);
  }
}
