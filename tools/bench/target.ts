import type { FleetStream } from './fleet';
import { WebhookClient } from './webhook-client';

/** A running server under test (Convoy's API, or the minimal pipeline), with its fleet joined. */
export interface Target {
  name: 'convoy' | 'minimal';
  baseUrl: string;
  port: number;
  /** the process whose RSS and CPU are reported */
  pid: number;
  /** X-Telegram-Bot-Api-Secret-Token */
  secret: string;
  /** auth.token for the /live handshake */
  dashboardToken: string;
  databaseUrl: string;
  /** the Telegram side of this target's fleet */
  stream: FleetStream;
  /** driver ids in the target's database, by fleet index */
  driverIds: string[];
}

/** Every location update sent to a target and how it was answered, for the no-loss check. */
export class Ledger {
  readonly acked: number[] = [];
  readonly statuses = new Map<number, number>();

  record(updateId: number, status: number): void {
    if (status >= 200 && status < 300) this.acked.push(updateId);
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
  }

  get failed(): number {
    let n = 0;
    for (const [status, count] of this.statuses) if (status < 200 || status >= 300) n += count;
    return n;
  }
}

export function webhookClientFor(target: Target, connections: number): WebhookClient {
  return new WebhookClient(target.port, target.secret, connections);
}
