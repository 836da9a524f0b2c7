// npm run bench — Convoy's hot path under load, next to the minimal pipeline, in the same run.
// See bench/README.md. Exit codes: 0 ran (targets are informational), 1 could not run, 2 data lost.
import { existsSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { startConvoy } from './convoy-target';
import { Dashboards } from './dashboards-control';
import { createFleetUsers } from './fleet';
import { Cleanup } from './lifecycle';
import { startLiveLocations } from './live-start';
import { startMinimal } from './minimal-target';
import { runOsmandSaturation, type OsmandResult } from './osmand-ingest';
import { findPostmaster } from './process-stats';
import { parseOptions, type BenchOptions } from './options';
import { runPaced, type PacedResult } from './paced';
import { checkStored, DbActivity, openPostgresServer } from './postgres';
import { profileText, summarizeProfile } from './profile-summary';
import { buildReport, summaryText, targetReport, writeReport, type TargetReport } from './report';
import { runSaturation, type SaturationResult } from './saturation';
import { Ledger, webhookClientFor, type Target } from './target';
import type { WebhookClient } from './webhook-client';
import { startWebhookLoad, type WebhookLoad } from './webhook-load';

const RESULTS_DIR = resolve(__dirname, '../../bench/results');

interface Running {
  target: Target;
  client: WebhookClient;
  dashboards: Dashboards | null;
  ledger: Ledger;
  db: DbActivity;
  saturation?: SaturationResult;
  paced?: PacedResult;
}

const log = (message: string) => console.log(`[bench] ${message}`);

async function bench(options: BenchOptions, cleanup: Cleanup, startedAt: Date): Promise<number> {
  const origin = process.hrtime.bigint();
  const loadAverageAtStart = loadavg();
  const profileDir = options.cpuProfile ? join(RESULTS_DIR, 'profiles', startedAt.toISOString().replace(/:/g, '-')) : null;

  const postgres = await openPostgresServer();
  cleanup.add('Postgres', () => postgres.stop());
  log(`Postgres: ${postgres.embedded ? 'embedded (throwaway)' : 'DATABASE_URL'}`);
  const postmasterPid = findPostmaster(Number(new URL(postgres.url).port || 5432));

  const users = createFleetUsers(options.drivers);
  log(`starting ${options.targets.join(' + ')} and joining ${options.drivers} drivers to each`);
  const started = await Promise.allSettled(
    options.targets.map((name, i) => {
      const setup = {
        serverUrl: postgres.url,
        users,
        firstUpdateId: 500_000_000 + i * 100_000_000,
        cpuProfileDir: profileDir,
        places: options.places,
        env: (options.webhook === 'none' ? {} : { WEBHOOK_ALLOW_PRIVATE: '1' }) as Record<string, string>,
      };
      return name === 'convoy' ? startConvoy(setup, cleanup) : startMinimal(setup, cleanup);
    }),
  );
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
  const targets = started.map((s) => (s as PromiseFulfilledResult<Target>).value);

  const running: Running[] = [];
  for (const target of targets) {
    const client = webhookClientFor(target, options.connections);
    cleanup.add(`${target.name} webhook client`, () => client.close());
    let dashboards: Dashboards | null = null;
    if (options.dashboards > 0) {
      dashboards = await Dashboards.start(target.baseUrl, target.dashboardToken, options.dashboards, origin);
      const d = dashboards;
      cleanup.add(`${target.name} dashboards`, () => d.stop());
    }
    const db = await DbActivity.open(target.databaseUrl);
    cleanup.add(`${target.name} activity reader`, () => db.close());
    const ledger = new Ledger();
    await startLiveLocations(target, client, ledger);
    running.push({ target, client, dashboards, ledger, db });
  }
  log(`${options.dashboards} dashboards connected to each target; every driver shares a live location`);

  let webhookLoad: WebhookLoad | null = null;
  const convoyTarget = running.find((r) => r.target.name === 'convoy');
  if (options.webhook !== 'none' && convoyTarget) {
    webhookLoad = await startWebhookLoad(convoyTarget.target, options.webhook, options.webhookEvents);
    const load = webhookLoad;
    cleanup.add('webhook load', () => load.stop());
    log(`convoy: ${options.webhookEvents} events/s into the outbox, ${options.webhook === 'dead' ? 'a webhook for every event at a server that never answers' : 'no webhook'}`);
  }

  for (const r of running) {
    log(`${r.target.name}: saturation (${options.warmupSeconds} s warm-up + ${options.durationSeconds} s)`);
    r.saturation = await runSaturation(r.target, r.client, r.dashboards, r.ledger, postmasterPid, r.db, options.warmupSeconds, options.durationSeconds);
    log(`${r.target.name}: ${r.saturation.updatesPerSecond} updates/s, HTTP p99 ${r.saturation.http.p99} ms, ${r.saturation.errors} errors`);
  }
  for (const r of running) {
    log(`${r.target.name}: paced ${options.rate}/s for ${options.durationSeconds} s`);
    r.paced = await runPaced(r.target, r.client, r.dashboards, r.ledger, postmasterPid, options.rate, options.durationSeconds, origin);
    log(`${r.target.name}: POST→socket p50 ${r.paced.delivery?.p50 ?? 'n/a'} ms, p99 ${r.paced.delivery?.p99 ?? 'n/a'} ms`);
  }

  // the GPS-app channel (OsmAnd protocol, as Traccar Client sends it) through the same pipeline
  let osmand: OsmandResult | null = null;
  const convoyRun = running.find((r) => r.target.name === 'convoy');
  if (convoyRun) {
    log(`convoy: OsmAnd ingest saturation (${options.drivers} devices, ${options.warmupSeconds} s warm-up + ${options.durationSeconds} s)`);
    osmand = await runOsmandSaturation(convoyRun.target, options.drivers, options.connections, options.warmupSeconds, options.durationSeconds);
    log(`convoy: OsmAnd ${osmand.updatesPerSecond} points/s, HTTP p99 ${osmand.httpP99Ms} ms, ${osmand.errors} errors, ${osmand.rateLimited} × 429`);
  }

  let webhookSummary: Record<string, unknown> | null = null;
  if (webhookLoad) {
    await webhookLoad.stop();
    webhookSummary = {
      scenario: options.webhook,
      eventsPerSecond: options.webhookEvents,
      eventsAppended: webhookLoad.eventsAppended,
      connectionsHeldByDeadEndpoint: webhookLoad.connectionsAccepted,
      deliveriesByStatus: webhookLoad.deliveries,
    };
    log(`convoy: webhook load ${JSON.stringify(webhookSummary)}`);
  }

  const reports: Record<string, TargetReport> = {};
  for (const r of running) {
    await r.dashboards?.stop();
    r.client.close();
    const stored = await checkStored(r.target.databaseUrl, r.ledger.acked);
    reports[r.target.name] = targetReport(r.saturation as SaturationResult, r.paced as PacedResult, stored, r.ledger.statuses);
  }

  const notes = [
    ...(options.places > 0 ? [`${options.places} places seeded over the fleet's area (visit detection in every batch)`] : []),
    'load generator, dashboards, Postgres and the target share the same cores: every figure is a floor',
    'ratio = convoy ÷ minimal saturation updates/s, measured in this run (the machine is shared and noisy)',
  ];
  await cleanup.run(); // stops the API / pipeline, so their CPU profiles are written
  if (profileDir && existsSync(profileDir)) {
    for (const file of readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile'))) {
      const text = profileText(summarizeProfile(join(profileDir, file)));
      console.log(text);
      notes.push(`CPU profile: ${join(profileDir, file)}`);
    }
  }
  const report = buildReport({
    options,
    startedAt,
    loadAverageAtStart,
    embeddedPostgres: postgres.embedded,
    order: [
      ...running.map((r) => `saturation:${r.target.name}`),
      ...running.map((r) => `paced:${r.target.name}`),
      ...(convoyRun ? ['osmand:convoy'] : []),
    ],
    convoy: reports['convoy'] ?? null,
    minimal: reports['minimal'] ?? null,
    osmand,
    webhooks: webhookSummary,
    notes,
  });
  const file = writeReport(report, RESULTS_DIR);
  console.log(`\n${summaryText(report)}\n\nwritten: ${file} and bench/results/latest.json`);
  return report.targets.nothingLost.pass ? 0 : 2;
}

async function main(): Promise<void> {
  let options: BenchOptions;
  try {
    options = parseOptions(process.argv.slice(2), process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const startedAt = new Date();
  const cleanup = new Cleanup();
  const abort = (why: string, code: number) => {
    console.error(`[bench] ${why}: stopping everything`);
    void cleanup.run().finally(() => process.exit(code));
  };
  const watchdog = setTimeout(() => abort(`over the ${options.maxWallSeconds} s wall-clock limit`, 1), options.maxWallSeconds * 1000);
  watchdog.unref();
  process.once('SIGINT', () => abort('interrupted', 130));
  process.once('SIGTERM', () => abort('terminated', 143));
  process.on('uncaughtException', (error) => abort(`crashed: ${error.stack ?? error}`, 1));
  process.on('unhandledRejection', (error) => abort(`crashed: ${(error as Error)?.stack ?? error}`, 1));

  let code = 1;
  try {
    code = await bench(options, cleanup, startedAt);
  } catch (error) {
    console.error(`[bench] could not run: ${(error as Error).stack ?? error}`);
  } finally {
    await cleanup.run();
    clearTimeout(watchdog);
  }
  process.exit(code);
}

void main();
