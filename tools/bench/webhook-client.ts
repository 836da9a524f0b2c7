import { Agent, request, type ClientRequest } from 'node:http';

export const WEBHOOK_PATH = '/telegram/webhook';
const REQUEST_TIMEOUT_MS = 10_000;

export interface WebhookResult {
  /** HTTP status; 0 = no answer (connection error or timeout) */
  status: number;
}

/**
 * Telegram's side of the webhook: POSTs updates with the secret header over a fixed keep-alive pool
 * (Telegram keeps 40–100 connections open). Requests beyond the pool wait in the agent's queue.
 */
export class WebhookClient {
  private readonly agent: Agent;
  private readonly headers: Record<string, string>;
  private readonly outstanding = new Set<ClientRequest>();

  constructor(
    private readonly port: number,
    secret: string,
    readonly connections: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections, scheduling: 'fifo' });
    this.headers = { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret };
  }

  /** Resolves (never rejects) once the answer is fully read. */
  post(body: Buffer): Promise<WebhookResult> {
    return new Promise((resolve) => {
      let settled = false;
      const done = (status: number) => {
        if (settled) return;
        settled = true;
        this.outstanding.delete(req);
        resolve({ status });
      };
      const req = request(
        {
          host: '127.0.0.1',
          port: this.port,
          path: WEBHOOK_PATH,
          method: 'POST',
          agent: this.agent,
          headers: { ...this.headers, 'content-length': String(body.length) },
        },
        (res) => {
          res.on('data', () => undefined);
          res.on('end', () => done(res.statusCode ?? 0));
          res.on('error', () => done(0));
        },
      );
      this.outstanding.add(req);
      req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error('timeout')));
      req.on('error', () => done(0));
      req.end(body);
    });
  }

  /** Requests sent or queued for a connection and not answered yet. */
  get pending(): number {
    return this.outstanding.size;
  }

  /** Gives up on every unanswered request (they resolve with status 0), so none leaks into the next phase. */
  abortAll(): void {
    for (const req of this.outstanding) req.destroy(new Error('aborted by the bench'));
  }

  close(): void {
    this.abortAll();
    this.agent.destroy();
  }
}
