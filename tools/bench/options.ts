/** Bench parameters: CLI flags (`--duration=20`) win over environment variables (`BENCH_DURATION=20`). */
export interface BenchOptions {
  /** simulated Telegram drivers joined to each target */
  drivers: number;
  /** Socket.IO dashboard clients listening to each target */
  dashboards: number;
  /** keep-alive webhook connections of the load generator (Telegram opens 40–100) */
  connections: number;
  /** seconds of unmeasured load before the saturation window */
  warmupSeconds: number;
  /** seconds of the saturation window and of the paced window */
  durationSeconds: number;
  /** updates per second in the paced scenario */
  rate: number;
  /** which targets to run (both by default; the ratio needs both) */
  targets: Array<'convoy' | 'minimal'>;
  /** write V8 CPU profiles of the API and of the minimal pipeline under bench/results/profiles/ */
  cpuProfile: boolean;
  /** the whole run is aborted (and everything stopped) after this many seconds */
  maxWallSeconds: number;
  /** places seeded into Convoy (CSV import) over the fleet's area before the load, for visit detection's cost */
  places: number;
  /**
   * `dead`: Convoy gets a webhook for every event type at a server that never answers, and a stand-in
   * producer appends `webhookEvents` events/s to the outbox; `off`: the same events, no webhook (the
   * baseline to compare with); `none` (default): neither.
   */
  webhook: 'none' | 'off' | 'dead';
  webhookEvents: number;
}

interface Spec {
  env: string;
  flag: string;
  min: number;
  max: number;
  fallback: number;
}

const NUMBERS: Record<'drivers' | 'dashboards' | 'connections' | 'warmupSeconds' | 'durationSeconds' | 'rate' | 'maxWallSeconds' | 'webhookEvents' | 'places', Spec> = {
  drivers: { env: 'BENCH_DRIVERS', flag: 'drivers', min: 1, max: 5000, fallback: 200 },
  dashboards: { env: 'BENCH_DASHBOARDS', flag: 'dashboards', min: 0, max: 500, fallback: 50 },
  connections: { env: 'BENCH_CONNECTIONS', flag: 'connections', min: 1, max: 100, fallback: 40 },
  warmupSeconds: { env: 'BENCH_WARMUP', flag: 'warmup', min: 0, max: 30, fallback: 3 },
  durationSeconds: { env: 'BENCH_DURATION', flag: 'duration', min: 1, max: 120, fallback: 20 },
  rate: { env: 'BENCH_RATE', flag: 'rate', min: 1, max: 10_000, fallback: 1000 },
  maxWallSeconds: { env: 'BENCH_MAX_WALL', flag: 'max-wall', min: 30, max: 1800, fallback: 300 },
  webhookEvents: { env: 'BENCH_WEBHOOK_EVENTS', flag: 'webhook-events', min: 1, max: 5000, fallback: 100 },
  places: { env: 'BENCH_PLACES', flag: 'places', min: 0, max: 50_000, fallback: 0 },
};

export const USAGE = `Usage: npm run bench -- [--drivers=200] [--dashboards=50] [--connections=40] [--warmup=3]
       [--duration=20] [--rate=1000] [--targets=convoy,minimal] [--cpu-prof] [--max-wall=300]
       [--webhook=dead|off] [--webhook-events=100] [--places=0]
Each flag also reads from BENCH_<NAME> (BENCH_DRIVERS, BENCH_DURATION, BENCH_CPU_PROF=1, ...).
DATABASE_URL: use that Postgres server (fresh databases are created and dropped); else an embedded one.`;

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions {
  const flags = new Map<string, string>();
  for (const arg of argv) {
    const match = arg.match(/^--([a-z-]+)(?:=(.*))?$/);
    if (!match) throw new Error(`Unknown argument "${arg}"\n${USAGE}`);
    flags.set(match[1], match[2] ?? 'true');
  }
  const known = new Set([...Object.values(NUMBERS).map((s) => s.flag), 'targets', 'cpu-prof', 'webhook', 'help']);
  for (const name of flags.keys()) if (!known.has(name)) throw new Error(`Unknown flag --${name}\n${USAGE}`);
  if (flags.has('help')) throw new Error(USAGE);

  const number = (spec: Spec): number => {
    const raw = flags.get(spec.flag) ?? env[spec.env];
    if (raw === undefined || raw === '') return spec.fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < spec.min || value > spec.max) {
      throw new Error(`--${spec.flag} / ${spec.env} must be a number from ${spec.min} to ${spec.max} (got "${raw}")`);
    }
    return value;
  };
  const targetsRaw = flags.get('targets') ?? env['BENCH_TARGETS'] ?? 'convoy,minimal';
  const targets = [...new Set(targetsRaw.split(',').map((t) => t.trim()).filter(Boolean))];
  for (const target of targets) {
    if (target !== 'convoy' && target !== 'minimal') throw new Error(`--targets: unknown target "${target}" (convoy, minimal)`);
  }
  if (targets.length === 0) throw new Error('--targets: name at least one of convoy, minimal');
  const webhook = flags.get('webhook') ?? env['BENCH_WEBHOOK'] ?? 'none';
  if (webhook !== 'none' && webhook !== 'off' && webhook !== 'dead') throw new Error(`--webhook: dead, off or none (got "${webhook}")`);
  const cpuProfileRaw = flags.get('cpu-prof') ?? env['BENCH_CPU_PROF'] ?? '';
  const options: BenchOptions = {
    drivers: Math.round(number(NUMBERS.drivers)),
    dashboards: Math.round(number(NUMBERS.dashboards)),
    connections: Math.round(number(NUMBERS.connections)),
    warmupSeconds: number(NUMBERS.warmupSeconds),
    durationSeconds: number(NUMBERS.durationSeconds),
    rate: number(NUMBERS.rate),
    targets: targets as BenchOptions['targets'],
    cpuProfile: ['1', 'true', 'yes'].includes(cpuProfileRaw.toLowerCase()),
    maxWallSeconds: number(NUMBERS.maxWallSeconds),
    places: Math.round(number(NUMBERS.places)),
    webhook,
    webhookEvents: Math.round(number(NUMBERS.webhookEvents)),
  };
  if (options.rate * options.durationSeconds > 300_000) {
    throw new Error('--rate × --duration is capped at 300,000 paced updates (latency samples are kept per dashboard)');
  }
  return options;
}
