// npm run bench:dashboard — the live map in real Chromium with 10,000 drivers and 1,000 position
// updates per second; frames per second and the longest frame from the browser's own performance APIs.
// Flags (or BENCH_DASHBOARD_<NAME>): --drivers=10000 --rate=1000 --batches=20 --duration=30
// --scenario=all|overview|driver --chromium=/usr/bin/chromium --profile=1 --screenshot=1
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type { PositionDto } from '@convoy/contracts';
import { chromium, type Browser, type Page } from '@playwright/test';
import { PageProfiler, topSelfTime } from './cpu-profile';
import { createFleet, random, step } from './fleet-data';
import { installFrameRecorder, type RecordedFrames } from './frame-recorder';
import { startBenchServer, type BenchServer } from './server';
import { frameStats, type FrameStats } from './stats';

const ROOT = resolve(__dirname, '../..');
const BROWSER_DIR = join(ROOT, 'dist/apps/dashboard/browser');
const RESULTS_DIR = join(ROOT, 'bench/results');
const TARGET = { medianFps: 30, maxFrameMs: 200 };

type Scenario = 'overview' | 'driver';

interface Options {
  drivers: number;
  rate: number;
  batches: number;
  duration: number;
  scenarios: Scenario[];
  chromium: string;
  /** Record a CPU profile of the page and print the top functions (slows the page a little). */
  profile: boolean;
  /** Save a screenshot of the page at the end of each scenario next to the results. */
  screenshot: boolean;
}

const log = (message: string) => console.log(`[bench:dashboard] ${message}`);

function parseOptions(argv: string[]): Options {
  const flags = new Map(
    argv.map((arg) => {
      const match = arg.match(/^--([a-z]+)=(.+)$/);
      if (!match) throw new Error(`Unknown argument "${arg}" (use --name=value)`);
      return [match[1], match[2]] as const;
    }),
  );
  const value = (name: string, fallback: string) =>
    flags.get(name) ?? process.env[`BENCH_DASHBOARD_${name.toUpperCase()}`] ?? fallback;
  const number = (name: string, fallback: number, min: number, max: number) => {
    const n = Number(value(name, String(fallback)));
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be an integer in ${min}–${max}`);
    return n;
  };
  const scenario = value('scenario', 'all');
  if (!['overview', 'driver', 'all'].includes(scenario)) throw new Error('--scenario must be overview, driver or all');
  return {
    drivers: number('drivers', 10_000, 1, 100_000),
    rate: number('rate', 1_000, 1, 20_000),
    batches: number('batches', 20, 1, 100),
    duration: number('duration', 30, 3, 600),
    scenarios: scenario === 'all' ? ['overview', 'driver'] : [scenario as Scenario],
    chromium: value('chromium', process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'),
    profile: value('profile', '0') === '1',
    screenshot: value('screenshot', '0') === '1',
  };
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if (!existsSync(join(BROWSER_DIR, 'index.html'))) {
    throw new Error(`${BROWSER_DIR}/index.html is missing: run "npx nx build dashboard" first`);
  }
  mkdirSync(RESULTS_DIR, { recursive: true });
  const startedAt = new Date();
  const fleet = createFleet(options.drivers);
  const server = await startBenchServer(BROWSER_DIR, fleet);
  const browser = await chromium.launch({
    executablePath: options.chromium,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const results: Record<string, unknown> = {};
  try {
    for (const scenario of options.scenarios) {
      log(`${scenario}: ${options.drivers} drivers, ${options.rate} positions/s in ${options.batches} batches/s, ${options.duration} s`);
      const stats = await runScenario(browser, server, fleet, options, scenario, join(RESULTS_DIR, `dashboard-${stamp}-${scenario}.png`));
      results[scenario] = stats;
      log(
        `${scenario}: median ${stats.frames.fps.median} fps, p5 ${stats.frames.fps.p5} fps, longest frame ` +
          `${stats.frames.longestFrameMs} ms (${stats.frames.framesOver200ms} frames > 200 ms); ` +
          `${stats.frames.appWork['cv:live-apply']?.count ?? 0} store updates applied; ${stats.pageErrors.length} page errors`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const report = {
    benchmark: 'dashboard',
    startedAt: startedAt.toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', loadAverageAtEnd: loadavg().map((n) => Math.round(n * 100) / 100) },
    browser: { executable: options.chromium, version: browser.version(), headless: true, gpu: false, viewport: '1280x800' },
    load: { drivers: options.drivers, positionsPerSecond: options.rate, batchesPerSecond: options.batches, seconds: options.duration },
    target: TARGET,
    scenarios: results,
  };
  const file = join(RESULTS_DIR, `dashboard-${stamp}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(JSON.stringify(report, null, 2));
  log(`written to ${file}`);
  return 0;
}

interface ScenarioResult {
  frames: FrameStats;
  positionsSent: number;
  batchesSent: number;
  /** Drivers the page listed when the run ended (should equal the fleet). */
  driversListed: string | null;
  /** Uncaught errors in the page: any makes the figures worthless. */
  pageErrors: string[];
  meetsTarget: boolean;
}

async function runScenario(
  browser: Browser,
  server: BenchServer,
  fleet: ReturnType<typeof createFleet>,
  options: Options,
  scenario: Scenario,
  screenshot: string,
): Promise<ScenarioResult> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => {
    pageErrors.push(error.message);
    log(`page error: ${error.message}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.addInitScript(installFrameRecorder);
  try {
    await page.goto(`${server.baseUrl}/`);
    await page.getByTestId('driver-total').filter({ hasText: String(options.drivers) }).waitFor({ timeout: 60_000 });
    await waitFor(() => server.clients() > 0, 'the dashboard on /live', 30_000);
    if (scenario === 'driver') {
      await page.getByTestId('driver-row').first().click();
      await page.getByTestId('driver-panel').waitFor();
    }
    await page.waitForTimeout(3_000); // chunked marker loading and first paint settle

    const profiler = options.profile ? new PageProfiler() : null;
    await profiler?.start(page);
    await page.evaluate(() => (window as unknown as { __frameRecorder: { start(): void } }).__frameRecorder.start());
    const sent = await stream(server, fleet, options);
    if (profiler) {
      const profile = await profiler.stop();
      writeFileSync(screenshot.replace(/\.png$/, '.cpuprofile'), JSON.stringify(profile));
      log(`top self time (${scenario}):\n  ${topSelfTime(profile).join('\n  ')}`);
    }
    const recorded = await page.evaluate(() => {
      const recorder = (window as unknown as { __frameRecorder: RecordedFrames & { stop(): void } }).__frameRecorder;
      recorder.stop();
      return {
        frames: recorder.frames,
        longFrames: recorder.longFrames,
        longTasks: recorder.longTasks,
        measures: recorder.measures,
        loafSupported: recorder.loafSupported,
      };
    });
    if (options.screenshot) await page.screenshot({ path: screenshot });
    const frames = frameStats(recorded);
    return {
      frames,
      ...sent,
      driversListed: await page.getByTestId('driver-total').textContent(),
      pageErrors,
      meetsTarget: pageErrors.length === 0 && frames.fps.median >= TARGET.medianFps && frames.longestFrameMs <= TARGET.maxFrameMs,
    };
  } finally {
    await context.close();
  }
}

/** `rate` positions per second as `batches` arrays per second (one per simulated commit). */
async function stream(server: BenchServer, fleet: ReturnType<typeof createFleet>, options: Options): Promise<{ positionsSent: number; batchesSent: number }> {
  const next = random(7);
  const perBatch = Math.max(1, Math.round(options.rate / options.batches));
  const intervalMs = 1000 / options.batches;
  const total = options.batches * options.duration;
  let batchesSent = 0;
  let positionsSent = 0;
  const started = Date.now();
  while (batchesSent < total) {
    const now = Date.now();
    const batch: PositionDto[] = [];
    for (let i = 0; i < perBatch; i++) {
      const driver = fleet[Math.floor(next() * fleet.length)];
      batch.push(step(driver, next, now));
    }
    server.live.emit('positions', batch);
    batchesSent++;
    positionsSent += batch.length;
    const due = started + batchesSent * intervalMs;
    await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
  }
  return { positionsSent, batchesSent };
}

async function waitFor(condition: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[bench:dashboard] ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  },
);
