import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { DashboardsReply, DashboardsRequest, DashboardStats, DeliveryLatency } from './dashboards-protocol';
import { withTimeout } from './lifecycle';

/** The bench's handle on a dashboards process (see dashboards.ts). */
export class Dashboards {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly exited: Promise<void>;

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (reply: DashboardsReply) => {
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      this.pending.delete(reply.id);
      if (reply.ok) waiter.resolve(reply.result);
      else waiter.reject(new Error(reply.error));
    });
    this.exited = new Promise((resolveExit) =>
      child.once('exit', (code) => {
        for (const waiter of this.pending.values()) waiter.reject(new Error(`dashboards process exited (${code})`));
        this.pending.clear();
        resolveExit();
      }),
    );
  }

  /** Forks the process and connects `count` clients to `baseUrl` + /live; each must receive its snapshot. */
  static async start(baseUrl: string, token: string, count: number, originNs: bigint): Promise<Dashboards> {
    const child = fork(resolve(__dirname, 'dashboards.ts'), [], {
      execArgv: ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register'],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const dashboards = new Dashboards(child);
    try {
      await dashboards.call({ type: 'connect', url: `${baseUrl}/live`, token, count, originNs: originNs.toString() }, 60_000);
    } catch (error) {
      await dashboards.stop();
      throw error;
    }
    return dashboards;
  }

  resetCounters(): Promise<DashboardStats> {
    return this.call({ type: 'reset-counters' }) as Promise<DashboardStats>;
  }

  record(fromSeq: number, length: number, phaseOriginMs: number): Promise<DashboardStats> {
    return this.call({ type: 'record', fromSeq, length, phaseOriginMs }) as Promise<DashboardStats>;
  }

  stats(): Promise<DashboardStats> {
    return this.call({ type: 'stats' }) as Promise<DashboardStats>;
  }

  latency(sendTimes: Float64Array, acked: Uint8Array): Promise<DeliveryLatency> {
    return this.call({ type: 'latency', sendTimes, acked }, 60_000) as Promise<DeliveryLatency>;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    try {
      await this.call({ type: 'close' }, 5_000);
      await withTimeout(this.exited, 5_000, 'dashboards exit');
    } catch {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }

  private call(request: DashboardsRequest, timeoutMs = 15_000): Promise<unknown> {
    const id = this.nextId++;
    const reply = new Promise<unknown>((resolveReply, reject) => {
      this.pending.set(id, { resolve: resolveReply, reject });
      this.child.send({ id, request }, (error) => {
        if (error) {
          this.pending.delete(id);
          reject(error);
        }
      });
    });
    return withTimeout(reply, timeoutMs, `dashboards "${request.type}"`).finally(() => this.pending.delete(id));
  }
}
