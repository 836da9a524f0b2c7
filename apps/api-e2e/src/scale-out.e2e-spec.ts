import type { CreatedLinkResponse, DriverDto, PositionDto } from '@convoy/contracts';
import {
  ApiClient,
  BotApiDouble,
  connectLive,
  createTestDatabase,
  freePort,
  LoadBalancer,
  startApi,
  TelegramUpdateFactory,
  telegramUser,
  testPostgresServerUrl,
  TEST_ADMIN,
  type ApiProcess,
  type LiveRecorder,
  type TestDatabase,
  withClient,
} from '@convoy/testing';
import type { LocationMessageUpdate, TelegramUserFixture } from '@convoy/testing';
import { CONVOY_MIGRATIONS } from '@convoy/server/schema';
import { positionRows } from './support/positions-in-db';
import { metricSum, scrapeUntilGone } from './support/prometheus-text';

/**
 * Convoy as Kubernetes runs it: two replicas of the production start command on one Postgres and one
 * Redis, behind a load balancer that routes by readiness (no sticky sessions), the bot in webhook
 * mode with Telegram (the Bot API double) posting to the balancer.
 */
const redisUrl = process.env['REDIS_URL'] ?? process.env['TEST_REDIS_URL'];
const DRIVERS = 20;
const DASHBOARDS = 6;
const EDIT_EVERY_MS = 200;

describe('scale-out: two replicas behind a load balancer', () => {
  let database: TestDatabase;
  let telegram: BotApiDouble;
  let balancer: LoadBalancer;
  let a: ApiProcess;
  let b: ApiProcess;
  let admin: ApiClient;
  let adminToken: string;

  beforeAll(async () => {
    if (!redisUrl) {
      throw new Error('This test needs Redis: set REDIS_URL (e.g. redis://127.0.0.1:6379); .ci/run does when one answers.');
    }
    database = await createTestDatabase(testPostgresServerUrl(), 'scale_out');
    telegram = new BotApiDouble();
    await telegram.start();
    const [portA, portB] = [await freePort(), await freePort()];
    balancer = new LoadBalancer([`http://127.0.0.1:${portA}`, `http://127.0.0.1:${portB}`]);
    const balancerPort = await freePort();
    const env = (port: number) => ({
      // as the image runs it (docker/Dockerfile sets NODE_ENV=production)
      NODE_ENV: 'production',
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_BOT_USERNAME: telegram.botInfo.username,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${balancerPort}/telegram/webhook`,
      AUTO_TRACK_INTERVAL: '0',
      SHUTDOWN_DRAIN_SECONDS: '2',
      REDIS_URL: redisUrl,
      // other test runs may use the same Redis at the same time: their broadcasts must not reach these dashboards
      REDIS_PREFIX: `scale-out-${database.name}`,
      PORT: String(port),
    });
    // both at once on an empty database: the migrations race
    [a, b] = await Promise.all([
      startApi({ databaseUrl: database.url, port: portA, env: env(portA) }),
      startApi({ databaseUrl: database.url, port: portB, env: env(portB) }),
    ]);
    await balancer.start(balancerPort);
    adminToken = (await new ApiClient(balancer.url).post<{ accessToken: string }>('/api/auth/login', TEST_ADMIN)).body.accessToken;
    admin = new ApiClient(balancer.url, adminToken);
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await balancer?.stop();
    await telegram?.stop();
    await database?.drop();
  });

  it('applies the schema once when both replicas start together on an empty database', async () => {
    expect((await new ApiClient(a.baseUrl).get('/health/ready')).status).toBe(200);
    expect((await new ApiClient(b.baseUrl).get('/health/ready')).status).toBe(200);
    expect(await appliedMigrations(database.url)).toEqual(CONVOY_MIGRATIONS.map((migration) => migration.name));
  });

  it('shows on a dashboard connected to replica B what Telegram posted to replica A', async () => {
    const liveOnB = await connectLive(b.baseUrl, adminToken);
    try {
      const link = await admin.post<CreatedLinkResponse>('/api/links', { driverName: 'Across replicas' });
      const updates = new TelegramUpdateFactory({ messageIds: telegram });
      const driver = telegramUser();
      await telegram.waitForDelivered(telegram.pushUpdate(updates.command(driver, '/start', link.body.token)), 10_000);
      const check = updates.location(driver, { latitude: 52.52, longitude: 13.405 });
      const response = await telegram.deliverRaw(JSON.stringify({ ...check, update_id: 1 }), {}, { url: `${a.baseUrl}/telegram/webhook` });
      expect(response.status).toBe(200);

      await liveOnB.waitFor((r) => r.positions.some((p) => p.latitude === 52.52), 'the position on replica B');
      const joined = (await admin.get<DriverDto[]>('/api/drivers')).body.find((d) => d.name === 'Across replicas');
      expect(liveOnB.positions.find((p) => p.latitude === 52.52)?.driverId).toBe(joined?.id);
      const ready = await new ApiClient(b.baseUrl, adminToken).get<{ details: Record<string, unknown> }>('/health/ready');
      expect(ready.body.details['socketAdapter']).toEqual({ status: 'up', adapter: 'redis' });
    } finally {
      liveOnB.close();
    }
  });

  it('survives a replica being stopped (SIGTERM) mid-stream: dashboards move over, nothing acknowledged is lost or doubled', async () => {
    const storedBefore = (await storedUpdateIds(database.url)).length;
    const deliveredBefore = telegram.deliveries.filter((d) => d.outcome === 'delivered').length;
    const stream = new DriverStream(telegram, admin);
    await stream.joinDrivers(DRIVERS);

    // dashboards through the balancer, round-robin: some land on A, some on B
    const dashboards: LiveRecorder[] = [];
    for (let i = 0; i < DASHBOARDS; i++) dashboards.push(await connectLive(balancer.url, adminToken, { reconnect: true }));
    const tunnels = balancer.openTunnels();
    expect(tunnels[a.baseUrl]).toBeGreaterThan(0);
    expect(tunnels[b.baseUrl]).toBeGreaterThan(0);

    try {
      stream.start(EDIT_EVERY_MS);
      await waitUntil(() => stream.ticks >= 5, 'five moves of every driver');

      // Kubernetes stops a pod: SIGTERM; Prometheus keeps scraping it until it is gone
      a.process.kill('SIGTERM');
      const lastScrapeOfA = scrapeUntilGone(`${a.baseUrl}/metrics`);
      expect(await a.exited).toBe(0);
      const metricsOfA = await lastScrapeOfA;

      // A's dashboards reconnected — through the balancer, so to B — and keep receiving
      await waitUntil(() => dashboards.every((d) => d.socket.connected), 'every dashboard connected again');
      expect(balancer.openTunnels()).toEqual({ [a.baseUrl]: 0, [b.baseUrl]: DASHBOARDS });
      const moved = dashboards.filter((d) => d.connects === 2);
      expect(moved).toHaveLength(tunnels[a.baseUrl]);
      for (const dashboard of moved) expect(dashboard.disconnects).toEqual(['transport close']);

      const ticksAtMove = stream.ticks;
      await waitUntil(() => stream.ticks >= ticksAtMove + 5, 'five more moves of every driver');
      stream.stop();
      const afterMove = stream.pushed.filter((u) => u.tick > ticksAtMove);
      await telegram.waitForDelivered({ count: deliveredBefore + DRIVERS + stream.pushed.length }, 30_000);
      for (const dashboard of dashboards) {
        await dashboard.waitFor((d) => afterMove.every((u) => receivedPosition(d.positions, u)), 'every move after the replica left');
      }

      // every update Telegram got a 2xx for is in Postgres exactly once; none was given up
      expect(telegram.deliveries.filter((d) => d.outcome === 'dropped')).toEqual([]);
      const acknowledged = new Set(telegram.deliveries.filter((d) => d.outcome === 'delivered').map((d) => d.update_id));
      const streamed = stream.pushed.map((u) => u.update_id).sort((x, y) => x - y);
      expect(streamed.filter((id) => !acknowledged.has(id))).toEqual([]);
      const stored = (await storedUpdateIds(database.url)).filter((id) => id >= streamed[0]).sort((x, y) => x - y);
      expect(stored).toEqual(streamed);

      // the replicas' own counts add up to what Postgres holds
      const metricsOfB = await (await fetch(`${b.baseUrl}/metrics`)).text();
      const total = storedBefore + stored.length;
      const storedBy = (text: string) => metricSum(text, 'convoy_positions_ingested_total', { outcome: 'stored' });
      const broadcastBy = (text: string) => metricSum(text, 'convoy_ingest_to_broadcast_seconds_count');
      expect(storedBy(metricsOfA)).toBeGreaterThan(0);
      expect(storedBy(metricsOfA) + storedBy(metricsOfB)).toBe(total);
      expect(broadcastBy(metricsOfA) + broadcastBy(metricsOfB)).toBe(total);
      expect(metricSum(metricsOfB, 'convoy_socket_clients')).toBe(DASHBOARDS);
    } finally {
      stream.stop();
      for (const dashboard of dashboards) dashboard.close();
    }
  });
});

interface PushedLocation {
  update_id: number;
  tick: number;
  latitude: number;
  longitude: number;
}

/** Phones sharing their live location: each driver joins through their own link, then moves every tick. */
class DriverStream {
  private readonly updates: TelegramUpdateFactory;
  private readonly drivers: Array<{ user: TelegramUserFixture; start: LocationMessageUpdate }> = [];
  private timer: NodeJS.Timeout | null = null;
  readonly pushed: PushedLocation[] = [];
  ticks = 0;

  constructor(
    private readonly telegram: BotApiDouble,
    private readonly admin: ApiClient,
  ) {
    this.updates = new TelegramUpdateFactory({ messageIds: telegram });
  }

  async joinDrivers(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      const link = await this.admin.post<CreatedLinkResponse>('/api/links', { driverName: `Truck ${i + 1}` });
      const user = telegramUser();
      await this.telegram.waitForDelivered(this.telegram.pushUpdate(this.updates.command(user, '/start', link.body.token)), 10_000);
      const point = this.pointOf(i);
      const start = this.telegram.pushUpdate(this.updates.liveLocationStart(user, { ...point, live_period: 3600 }));
      this.pushed.push({ update_id: start.update_id, tick: 0, ...point });
      this.drivers.push({ user, start });
    }
  }

  /** Every driver moves once per `everyMs` (one edited_message each). */
  start(everyMs: number): void {
    this.timer = setInterval(() => {
      this.ticks += 1;
      this.drivers.forEach((driver, i) => {
        const point = this.pointOf(i);
        const edit = this.telegram.pushUpdate(
          this.updates.liveLocationEdit(driver.user, driver.start, { ...point, edit_date: driver.start.message.date + this.ticks }),
        );
        this.pushed.push({ update_id: edit.update_id, tick: this.ticks, ...point });
      });
    }, everyMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Driver i drives north along its own meridian, a little further each tick: every point is unique. */
  private pointOf(driver: number): { latitude: number; longitude: number } {
    return { latitude: 52.4 + this.ticks / 10_000, longitude: 13 + driver / 100 };
  }
}

function receivedPosition(positions: PositionDto[], update: { latitude: number; longitude: number }): boolean {
  return positions.some((p) => Math.abs(p.latitude - update.latitude) < 1e-9 && Math.abs(p.longitude - update.longitude) < 1e-9);
}

async function waitUntil(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Telegram update ids of the positions Postgres holds. */
async function storedUpdateIds(url: string): Promise<number[]> {
  return (await positionRows(url)).filter((row) => row.telegram_update_id !== null).map((row) => Number(row.telegram_update_id));
}

async function appliedMigrations(url: string): Promise<string[]> {
  return withClient(url, async (client) => (await client.query('SELECT name FROM migrations ORDER BY id')).rows.map((row) => row.name));
}
