import type { Dashboards } from './dashboards-control';
import { perUpdateActivity, type DbActivity, type DbCounters } from './postgres';
import { CpuMeter, rssMiB, type CpuUse } from './process-stats';
import { round2, Samples, type LatencySummary } from './samples';
import type { Ledger, Target } from './target';
import type { WebhookClient } from './webhook-client';

/** Hard cap on requests in one run, whatever the speed. */
const MAX_REQUESTS = 2_000_000;

export interface SaturationResult {
  seconds: number;
  /** 2xx answers that arrived inside the measured window, per second */
  updatesPerSecond: number;
  /** requests sent in the window that failed (non-2xx or no answer) */
  errors: number;
  http: LatencySummary;
  /** `positions` deliveries all dashboards got in the window, per second */
  dashboardPositionsPerSecond: number | null;
  /** positions per `positions` event: how large the group commits were */
  positionsPerEmit: number | null;
  /** average cores used in the window: target, Postgres, load generator, whole machine (busy share) */
  cpu: CpuUse & {
    /** the dashboards process (parsing every socket's traffic competes for the same cores) */
    dashboardsCores: number | null;
  };
  /** CPU time per acknowledged update, µs: the figure least disturbed by a noisy machine */
  targetCpuUsPerUpdate: number | null;
  postgresCpuUsPerUpdate: number | null;
  /** database transactions (each autocommit statement is one) and `drivers` scans (lookups + FK checks) per update, ≈ */
  transactionsPerUpdate: number | null;
  driverScansPerUpdate: number | null;
  rssMiB: number | null;
}

/**
 * Every driver streams live edits as fast as the pool allows: one lane per connection, each takes the
 * next idle driver (so a driver has at most one update in flight, in edit_date order, like Telegram),
 * posts its next edit and waits for the answer. A warm-up runs first, unmeasured but continuous with the
 * window, so the window starts at full load.
 */
export async function runSaturation(
  target: Target,
  client: WebhookClient,
  dashboards: Dashboards | null,
  ledger: Ledger,
  postmasterPid: number | null,
  db: DbActivity,
  warmupSeconds: number,
  seconds: number,
): Promise<SaturationResult> {
  const drivers = target.driverIds.length;
  const idle: number[] = Array.from({ length: drivers }, (_, i) => i);
  const http = new Samples();
  const begin = performance.now();
  const windowStart = begin + warmupSeconds * 1000;
  const windowEnd = windowStart + seconds * 1000;
  let sent = 0;
  let okInWindow = 0;
  let errors = 0;

  const lane = async () => {
    while (performance.now() < windowEnd && sent < MAX_REQUESTS) {
      const driver = idle.shift() as number;
      const update = target.stream.edit(driver);
      sent += 1;
      const t0 = performance.now();
      const { status } = await client.post(update.body);
      const t1 = performance.now();
      idle.push(driver);
      ledger.record(update.updateId, status);
      if (t0 < windowStart) continue;
      const ok = status >= 200 && status < 300;
      if (!ok) errors += 1;
      else if (t1 <= windowEnd) okInWindow += 1;
      if (ok) http.add(t1 - t0);
    }
  };

  let meter: CpuMeter | null = null;
  let dashboardsStart: Promise<unknown> | null = null;
  let dbStart: Promise<DbCounters> | null = null;
  const startWindow = setTimeout(() => {
    meter = new CpuMeter(target.pid, postmasterPid);
    dashboardsStart = dashboards?.resetCounters() ?? null;
    dbStart = db.read();
  }, windowStart - performance.now());
  const endWindow = new Promise<{
    cpu: ReturnType<CpuMeter['stop']> | null;
    dashboards: Awaited<ReturnType<Dashboards['stats']>> | null;
    db: ReturnType<typeof perUpdateActivity>;
  }>(
    (resolve, reject) =>
      setTimeout(async () => {
        try {
          const cpu = (meter as CpuMeter | null)?.stop() ?? null;
          const dbEnd = await db.read();
          const before = await (dbStart as Promise<DbCounters> | null);
          await dashboardsStart;
          resolve({
            cpu,
            dashboards: dashboards ? await dashboards.stats() : null,
            db: before ? perUpdateActivity(before, dbEnd, okInWindow) : { transactionsPerUpdate: null, driverScansPerUpdate: null },
          });
        } catch (error) {
          reject(error);
        }
      }, windowEnd - performance.now()),
  );

  endWindow.catch(() => undefined); // awaited below; this only keeps an early failure from being "unhandled"
  try {
    await Promise.all(Array.from({ length: Math.min(client.connections, drivers) }, lane));
  } finally {
    clearTimeout(startWindow);
  }
  const end = await endWindow;
  const dashboardStats = end.dashboards;
  return {
    seconds,
    updatesPerSecond: Math.round(okInWindow / seconds),
    errors,
    http: http.summary(),
    dashboardPositionsPerSecond: dashboardStats ? Math.round(dashboardStats.positions / seconds) : null,
    positionsPerEmit: dashboardStats && dashboardStats.batches > 0 ? round2(dashboardStats.positions / dashboardStats.batches) : null,
    cpu: {
      targetCores: end.cpu?.targetCores ?? null,
      postgresCores: end.cpu?.postgresCores ?? null,
      generatorCores: end.cpu?.generatorCores ?? 0,
      dashboardsCores: dashboardStats ? round2(dashboardStats.cpuSeconds / seconds) : null,
      machineBusyShare: end.cpu?.machineBusyShare ?? null,
    },
    targetCpuUsPerUpdate: perUpdate(end.cpu?.targetCores, okInWindow / seconds),
    postgresCpuUsPerUpdate: perUpdate(end.cpu?.postgresCores, okInWindow / seconds),
    ...end.db,
    rssMiB: rssMiB(target.pid),
  };
}

/** µs of CPU per update from average cores and updates per second. */
export function perUpdate(cores: number | null | undefined, updatesPerSecond: number): number | null {
  return cores === null || cores === undefined || updatesPerSecond <= 0 ? null : Math.round((cores * 1e6) / updatesPerSecond);
}
