import type { DeliveryLatency } from './dashboards-protocol';
import type { Dashboards } from './dashboards-control';
import { monotonicMs, sleep } from './lifecycle';
import { CpuMeter, rssMiB, type CpuUse } from './process-stats';
import { perUpdate } from './saturation';
import { round2, Samples, type LatencySummary } from './samples';
import type { Ledger, Target } from './target';
import type { WebhookClient } from './webhook-client';

/** Responses still missing this long after the last send count as lost requests (the client times out at 10 s). */
const RESPONSE_GRACE_MS = 12_000;
/** After the last answer, deliveries to the dashboards may trail; wait until they stop growing, at most this long. */
const DELIVERY_SETTLE_MAX_MS = 5_000;

export interface PacedResult {
  rate: number;
  seconds: number;
  /** updates sent / 2xx / failed */
  sent: number;
  acked: number;
  errors: number;
  /** the rate actually achieved (sent ÷ time from first to last send) */
  achievedRate: number;
  /** worst delay of a send behind its schedule (the load generator's own lag) */
  maxScheduleLagMs: number;
  http: LatencySummary;
  /** webhook POST sent → a dashboard socket has the position, over all dashboards × acked updates */
  delivery: DeliveryLatency | null;
  /** average cores over the phase (sends and the wait for the last answers) */
  cpu: CpuUse;
  targetCpuUsPerUpdate: number | null;
  /** the target's RSS at the end of the paced window */
  rssMiB: number | null;
}

/**
 * Exactly `rate` live edits per second, spread evenly (update i is due at start + i / rate, drivers in
 * turn), for `seconds`: an open loop, like Telegram, so a target that falls behind sees a queue. Send
 * times are stamped on the machine's monotonic clock as each POST is issued (a wait for a free pooled
 * connection counts); the dashboards process stamps each position's arrival on the same clock.
 */
export async function runPaced(
  target: Target,
  client: WebhookClient,
  dashboards: Dashboards | null,
  ledger: Ledger,
  postmasterPid: number | null,
  rate: number,
  seconds: number,
  origin: bigint,
): Promise<PacedResult> {
  const total = Math.round(rate * seconds);
  const drivers = target.driverIds.length;
  const fromSeq = target.stream.sequencesIssued;
  const sendTimes = new Float64Array(total).fill(Number.NaN);
  const acked = new Uint8Array(total);
  const http = new Samples();
  const phaseOrigin = monotonicMs(origin);
  if (dashboards) {
    await dashboards.resetCounters();
    await dashboards.record(fromSeq, total, phaseOrigin);
  }

  let sent = 0;
  let answered = 0;
  let errors = 0;
  let maxLag = 0;
  let lastSendAt = 0;
  const meter = new CpuMeter(target.pid, postmasterPid);
  const start = performance.now();
  const intervalMs = 1000 / rate;

  const send = (i: number) => {
    const update = target.stream.edit(i % drivers);
    if (update.seq !== fromSeq + i) throw new Error(`sequence out of step: ${update.seq} ≠ ${fromSeq + i}`);
    const t0 = performance.now();
    sendTimes[i] = monotonicMs(origin) - phaseOrigin;
    void client.post(update.body).then(({ status }) => {
      answered += 1;
      ledger.record(update.updateId, status);
      if (status >= 200 && status < 300) {
        acked[i] = 1;
        http.add(performance.now() - t0);
      } else errors += 1;
    });
  };

  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      const due = Math.min(total, Math.floor((now - start) / intervalMs) + 1);
      while (sent < due) {
        maxLag = Math.max(maxLag, now - (start + sent * intervalMs));
        send(sent);
        sent += 1;
      }
      lastSendAt = now;
      if (sent < total) setTimeout(tick, 1);
      else resolve();
    };
    tick();
  });
  const sendSeconds = (lastSendAt - start) / 1000;
  const responsesBy = performance.now() + RESPONSE_GRACE_MS;
  while (answered < sent && performance.now() < responsesBy) await sleep(20);
  client.abortAll(); // a target that fell behind must not keep working on this phase during the next one
  const cpu = meter.stop();
  const phaseSeconds = (performance.now() - start) / 1000;
  const rss = rssMiB(target.pid);

  let delivery: DeliveryLatency | null = null;
  if (dashboards) {
    const settleBy = performance.now() + DELIVERY_SETTLE_MAX_MS;
    let previous = -1;
    for (;;) {
      const { recorded } = await dashboards.stats();
      if (recorded === previous || performance.now() > settleBy) break;
      previous = recorded;
      await sleep(250);
    }
    delivery = await dashboards.latency(sendTimes, acked);
  }

  let ackedCount = 0;
  for (const a of acked) ackedCount += a;
  return {
    rate,
    seconds,
    sent,
    acked: ackedCount,
    errors: errors + (sent - answered),
    achievedRate: Math.round(sendSeconds > 0 ? (sent - 1) / sendSeconds : sent),
    maxScheduleLagMs: round2(maxLag),
    http: http.summary(),
    delivery,
    cpu,
    targetCpuUsPerUpdate: perUpdate(cpu.targetCores, ackedCount / phaseSeconds),
    rssMiB: rss,
  };
}
