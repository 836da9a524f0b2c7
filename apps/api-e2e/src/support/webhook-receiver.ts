import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the receiver answers on one path. `hang` never answers (a dead endpoint). */
export type ReceiverMode = 'ok' | 'fail' | 'gone' | 'hang';

export interface ReceivedRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
  /** The status it was answered with; null for `hang`. */
  answered: number | null;
}

/** An integrator's endpoint: records every POST and answers per path as told. */
export class WebhookReceiver {
  readonly requests: ReceivedRequest[] = [];
  private readonly modes = new Map<string, ReceiverMode>();
  private readonly server: Server = createServer((request, response) => {
    void readBody(request).then((body) => {
      const path = request.url ?? '/';
      const mode = this.modes.get(path) ?? 'ok';
      const status = { ok: 200, fail: 500, gone: 410, hang: null }[mode];
      this.requests.push({ path, headers: flatHeaders(request), body, answered: status });
      if (status === null) return;
      response.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'thanks' : 'no');
    });
  });

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  set(path: string, mode: ReceiverMode): void {
    this.modes.set(path, mode);
  }

  on(path: string): ReceivedRequest[] {
    return this.requests.filter((request) => request.path === path);
  }

  /** How many times each webhook-id was accepted (answered 2xx) on `path`. */
  acceptedById(path: string): Map<string, number> {
    const counts = new Map<string, number>();
    for (const request of this.on(path)) {
      if (request.answered !== null && request.answered >= 200 && request.answered < 300) {
        counts.set(request.headers['webhook-id'], (counts.get(request.headers['webhook-id']) ?? 0) + 1);
      }
    }
    return counts;
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => resolve(body));
  });
}

function flatHeaders(request: IncomingMessage): Record<string, string> {
  return Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(',') : (value ?? '')]));
}

/** Polls `check` until it is true (or throws after `timeoutMs`, saying `what`). */
export async function waitUntil(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
