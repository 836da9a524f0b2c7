import type { OsmandResult } from './osmand-ingest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { BenchOptions } from './options';
import type { PacedResult } from './paced';
import type { StoredCheck } from './postgres';
import type { SaturationResult } from './saturation';

export interface TargetReport {
  /** headline figures, copied from the scenarios below */
  updatesPerSecond: number;
  httpP50Ms: number | null;
  httpP99Ms: number | null;
  pacedLatencyMs: { p50: number | null; p99: number | null; max: number | null };
  deliveredShare: number | null;
  rssMiB: number | null;
  saturation: SaturationResult;
  paced: PacedResult;
  stored: StoredCheck;
  /** every location update sent (joins excluded) by HTTP status; 0 = no answer */
  statuses: Record<string, number>;
}

export interface BenchReport {
  timestamp: string;
  wallSeconds: number;
  machine: { cores: number; cpuModel: string; node: string; memoryMiB: number; loadAverageAtStart: number[] };
  parameters: {
    drivers: number;
    dashboards: number;
    connections: number;
    warmupSeconds: number;
    saturationSeconds: number;
    pacedRate: number;
    pacedSeconds: number;
    latencyMeasuredOn: string;
    postgres: 'embedded' | 'DATABASE_URL';
    order: string[];
    /** places seeded into Convoy before the load (visit detection) */
    places: number;
  };
  convoy: TargetReport | null;
  minimal: TargetReport | null;
  /** The GPS-app channel: OsmAnd-protocol GETs into the same pipeline (Convoy only). */
  osmand: (OsmandResult & { ratioToWebhook: number | null }) | null;
  /** `--webhook=dead|off`: the stand-in event stream and what became of its deliveries (null without the flag). */
  webhooks: Record<string, unknown> | null;
  /** convoy ÷ minimal updates/s at saturation */
  ratio: number | null;
  /**
   * minimal ÷ convoy CPU per update at saturation (server process + Postgres): the same question as
   * `ratio`, answered by cost instead of speed, so less swayed by whatever else loads the machine
   */
  cpuRatio: number | null;
  targets: {
    ratio: { target: number; value: number | null; pass: boolean | null };
    /** convoy ÷ minimal CPU µs per update of the server process alone (API vs pipeline), at saturation */
    apiCpu: { targetAtMost: number; value: number | null; pass: boolean | null };
    pacedP99: { targetMs: number; value: number | null; pass: boolean | null };
    nothingLost: { pass: boolean; missing: Record<string, number> };
  };
  notes: string[];
}

export const TARGET_RATIO = 0.9;
/** issue #11: the API's CPU per update at most this multiple of the minimal pipeline's */
export const TARGET_API_CPU_MULTIPLE = 1.3;
export const TARGET_P99_MS = 50;

export function targetReport(saturation: SaturationResult, paced: PacedResult, stored: StoredCheck, statuses: Map<number, number>): TargetReport {
  return {
    updatesPerSecond: saturation.updatesPerSecond,
    httpP50Ms: saturation.http.p50,
    httpP99Ms: saturation.http.p99,
    pacedLatencyMs: { p50: paced.delivery?.p50 ?? null, p99: paced.delivery?.p99 ?? null, max: paced.delivery?.max ?? null },
    deliveredShare: paced.delivery?.deliveredShare ?? null,
    rssMiB: paced.rssMiB,
    saturation,
    paced,
    stored,
    statuses: Object.fromEntries([...statuses].sort(([a], [b]) => a - b).map(([status, n]) => [String(status), n])),
  };
}

export function buildReport(input: {
  options: BenchOptions;
  startedAt: Date;
  loadAverageAtStart: number[];
  embeddedPostgres: boolean;
  order: string[];
  convoy: TargetReport | null;
  minimal: TargetReport | null;
  osmand?: OsmandResult | null;
  webhooks?: Record<string, unknown> | null;
  notes: string[];
}): BenchReport {
  const { options, convoy, minimal } = input;
  const ratio = convoy && minimal && minimal.updatesPerSecond > 0 ? Math.round((convoy.updatesPerSecond / minimal.updatesPerSecond) * 1000) / 1000 : null;
  const cost = (t: TargetReport | null) =>
    t && t.saturation.targetCpuUsPerUpdate !== null ? t.saturation.targetCpuUsPerUpdate + (t.saturation.postgresCpuUsPerUpdate ?? 0) : null;
  const convoyCost = cost(convoy);
  const minimalCost = cost(minimal);
  const cpuRatio = convoyCost && minimalCost ? Math.round((minimalCost / convoyCost) * 1000) / 1000 : null;
  const convoyApiUs = convoy?.saturation.targetCpuUsPerUpdate ?? null;
  const minimalApiUs = minimal?.saturation.targetCpuUsPerUpdate ?? null;
  const apiCpu = convoyApiUs && minimalApiUs ? Math.round((convoyApiUs / minimalApiUs) * 100) / 100 : null;
  const p99 = convoy?.pacedLatencyMs.p99 ?? null;
  const missing: Record<string, number> = {};
  if (convoy) missing['convoy'] = convoy.stored.missing;
  if (minimal) missing['minimal'] = minimal.stored.missing;
  return {
    timestamp: input.startedAt.toISOString(),
    wallSeconds: Math.round((Date.now() - input.startedAt.getTime()) / 100) / 10,
    machine: {
      cores: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      node: process.version,
      memoryMiB: Math.round(totalmem() / 1024 / 1024),
      loadAverageAtStart: input.loadAverageAtStart.map((l) => Math.round(l * 100) / 100),
    },
    parameters: {
      drivers: options.drivers,
      dashboards: options.dashboards,
      connections: options.connections,
      warmupSeconds: options.warmupSeconds,
      saturationSeconds: options.durationSeconds,
      pacedRate: options.rate,
      pacedSeconds: options.durationSeconds,
      latencyMeasuredOn: `every position on all ${options.dashboards} dashboards (first receipt per dashboard)`,
      postgres: input.embeddedPostgres ? 'embedded' : 'DATABASE_URL',
      order: input.order,
      places: options.places,
    },
    convoy,
    minimal,
    osmand: input.osmand
      ? {
          ...input.osmand,
          ratioToWebhook:
            convoy && convoy.updatesPerSecond > 0 ? Math.round((input.osmand.updatesPerSecond / convoy.updatesPerSecond) * 1000) / 1000 : null,
        }
      : null,
    webhooks: input.webhooks ?? null,
    ratio,
    cpuRatio,
    targets: {
      ratio: { target: TARGET_RATIO, value: ratio, pass: ratio === null ? null : ratio >= TARGET_RATIO },
      apiCpu: { targetAtMost: TARGET_API_CPU_MULTIPLE, value: apiCpu, pass: apiCpu === null ? null : apiCpu <= TARGET_API_CPU_MULTIPLE },
      pacedP99: { targetMs: TARGET_P99_MS, value: p99, pass: p99 === null ? null : p99 < TARGET_P99_MS },
      nothingLost: { pass: Object.values(missing).every((n) => n === 0), missing },
    },
    notes: input.notes,
  };
}

const fmt = (value: number | null | undefined, unit = '') => (value === null || value === undefined ? 'n/a' : `${value.toLocaleString('en-US')}${unit}`);
const pct = (share: number | null | undefined) => (share === null || share === undefined ? 'n/a' : `${(share * 100).toFixed(2)} %`);
const flag = (pass: boolean | null) => (pass === null ? 'n/a' : pass ? 'PASS' : 'MISS');

export function summaryText(report: BenchReport): string {
  const p = report.parameters;
  const lines = [
    `Convoy bench — ${report.timestamp} — ${report.machine.cores} cores, Node ${report.machine.node}, load avg at start ${report.machine.loadAverageAtStart.join(' ')}`,
    `${p.drivers} drivers, ${p.dashboards} dashboards, ${p.connections} webhook connections; saturation ${p.warmupSeconds}+${p.saturationSeconds} s, paced ${p.pacedRate}/s × ${p.pacedSeconds} s; Postgres ${p.postgres}`,
    '',
    `${''.padEnd(31)}${'convoy'.padStart(18)} ${'minimal'.padStart(18)}`,
  ];
  const row = (label: string, get: (t: TargetReport) => string) =>
    lines.push(`${label.padEnd(31)}${(report.convoy ? get(report.convoy) : '-').padStart(18)} ${(report.minimal ? get(report.minimal) : '-').padStart(18)}`);
  row('saturation updates/s', (t) => fmt(t.updatesPerSecond));
  row('  errors', (t) => fmt(t.saturation.errors));
  row('  HTTP p50 / p99 (ms)', (t) => `${fmt(t.httpP50Ms)} / ${fmt(t.httpP99Ms)}`);
  row('  positions per emit', (t) => fmt(t.saturation.positionsPerEmit));
  row('  CPU µs/update target / pg', (t) => `${fmt(t.saturation.targetCpuUsPerUpdate)} / ${fmt(t.saturation.postgresCpuUsPerUpdate)}`);
  row('  db xacts / drivers scans per upd', (t) => `${fmt(t.saturation.transactionsPerUpdate)} / ${fmt(t.saturation.driverScansPerUpdate)}`);
  row('  cores target / pg', (t) => `${fmt(t.saturation.cpu.targetCores)} / ${fmt(t.saturation.cpu.postgresCores)}`);
  row('  cores generator / dashboards', (t) => `${fmt(t.saturation.cpu.generatorCores)} / ${fmt(t.saturation.cpu.dashboardsCores)}`);
  row('  machine busy', (t) => pct(t.saturation.cpu.machineBusyShare));
  row(`paced ${p.pacedRate}/s achieved`, (t) => fmt(t.paced.achievedRate));
  row('  generator lag max (ms)', (t) => fmt(t.paced.maxScheduleLagMs));
  row('  POST→socket p50 (ms)', (t) => fmt(t.pacedLatencyMs.p50));
  row('  POST→socket p99 (ms)', (t) => fmt(t.pacedLatencyMs.p99));
  row('  POST→socket max (ms)', (t) => fmt(t.pacedLatencyMs.max));
  row('  delivered to sockets', (t) => pct(t.deliveredShare));
  row('  HTTP p50 / p99 (ms)', (t) => `${fmt(t.paced.http.p50)} / ${fmt(t.paced.http.p99)}`);
  row('  errors', (t) => fmt(t.paced.errors));
  row('  cores target / pg', (t) => `${fmt(t.paced.cpu.targetCores)} / ${fmt(t.paced.cpu.postgresCores)}`);
  row('  machine busy', (t) => pct(t.paced.cpu.machineBusyShare));
  row('RSS at end (MiB)', (t) => fmt(t.rssMiB));
  row('rows stored / acked', (t) => `${t.stored.rows}/${t.stored.acked}`);
  row('acked but missing', (t) => fmt(t.stored.missing));
  lines.push('');
  const { targets } = report;
  lines.push(`ratio convoy ÷ minimal: ${fmt(report.ratio)}  (target ≥ ${targets.ratio.target}: ${flag(targets.ratio.pass)})`);
  lines.push(
    `API CPU per update, convoy ÷ minimal: ${fmt(targets.apiCpu.value, '×')}  (target ≤ ${targets.apiCpu.targetAtMost}×: ${flag(targets.apiCpu.pass)})`,
  );
  lines.push(`CPU per update, minimal ÷ convoy (server + Postgres): ${fmt(report.cpuRatio)}  (the same comparison by cost, steadier on a busy box)`);
  lines.push(`convoy POST→socket p99 at ${p.pacedRate}/s: ${fmt(targets.pacedP99.value, ' ms')}  (target < ${targets.pacedP99.targetMs} ms: ${flag(targets.pacedP99.pass)})`);
  lines.push(`nothing lost: ${flag(targets.nothingLost.pass)}`);
  const o = report.osmand;
  if (o) {
    lines.push(
      `OsmAnd ingest (GPS apps, ${o.devices} devices, ${o.connections} connections): ${fmt(o.updatesPerSecond)} points/s = ${fmt(o.ratioToWebhook)} × the webhook's; HTTP p50 / p99 ${fmt(o.httpP50Ms)} / ${fmt(o.httpP99Ms)} ms; ${fmt(o.errors)} errors, ${fmt(o.rateLimited)} × 429; stored ${fmt(o.stored.found)} of ${fmt(o.stored.acked)} answered 200`,
    );
  }
  for (const note of report.notes) lines.push(`note: ${note}`);
  return lines.join('\n');
}

/** bench/results/<timestamp>.json and bench/results/latest.json; returns the first path. */
export function writeReport(report: BenchReport, resultsDir: string): string {
  mkdirSync(resultsDir, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const file = join(resultsDir, `${report.timestamp.replace(/:/g, '-')}.json`);
  writeFileSync(file, json);
  writeFileSync(join(resultsDir, 'latest.json'), json);
  return file;
}
