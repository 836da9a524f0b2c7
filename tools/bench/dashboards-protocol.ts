/** Messages between the bench (parent) and the dashboards process (child), over the IPC channel. */
export type DashboardsRequest =
  | { type: 'connect'; url: string; token: string; count: number; originNs: string }
  | { type: 'reset-counters' }
  | { type: 'record'; fromSeq: number; length: number; phaseOriginMs: number }
  | { type: 'stats' }
  | { type: 'latency'; sendTimes: Float64Array; acked: Uint8Array }
  | { type: 'close' };

export interface DashboardStats {
  clients: number;
  /** positions received since the last reset, all clients together */
  positions: number;
  /** `positions` events (one array per commit) received since the last reset, all clients together */
  batches: number;
  /** in record mode: (client, update) pairs of the recorded range received so far */
  recorded: number;
  disconnects: number;
  /** CPU seconds the dashboards process used since the last reset */
  cpuSeconds: number;
}

export interface DeliveryLatency {
  /** dashboards measured (all of them) */
  clients: number;
  /** acknowledged updates in the recorded range */
  acked: number;
  /** (client, acknowledged update) pairs received ÷ (clients × acked) */
  deliveredShare: number;
  /** the worst client's share */
  minClientShare: number;
  count: number;
  p50: number | null;
  p99: number | null;
  max: number | null;
}

export type DashboardsReply = { id: number; ok: true; result?: unknown } | { id: number; ok: false; error: string };
