import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@convoy/server/config';
import { LIVE_PERIOD_INDEFINITE, SharingService } from '@convoy/server/sharing';
import { DriversService, TrackingService, UnknownDriverError } from '@convoy/server/tracking';
import type { DataSource, QueryRunner } from 'typeorm';
import { BERLIN_ROUTES } from './berlin-routes';
import { RouteWalker } from './route-walker';
import { ADVISORY_LOCK_KEYS } from '@convoy/server/database';

/** Each simulated driver reports about this often, staggered so the load is even. */
const REPORT_EVERY_MS = 3000;
const LOCK_KEY = ADVISORY_LOCK_KEYS.demoFleet;

interface SimulatedDriver {
  id: string;
  walker: RouteWalker;
  /** metres per second */
  speed: number;
  startOffset: number;
}

/**
 * DEMO_FLEET simulated drivers driving real Berlin streets, fed through TrackingService.ingest() —
 * the same path as Telegram — so a newcomer's first start shows a fleet moving. They are `demo`
 * drivers in the API and the dashboard. One instance drives them (advisory lock).
 */
@Injectable()
export class DemoFleetService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DemoFleetService.name);
  private readonly fleet: SimulatedDriver[] = [];
  private timer: NodeJS.Timeout | null = null;
  private lockHolder: QueryRunner | null = null;
  private startedAt = Date.now();
  private tick = 0;

  constructor(
    private readonly config: AppConfig,
    private readonly drivers: DriversService,
    private readonly sharing: SharingService,
    private readonly tracking: TrackingService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const size = this.config.demoFleet;
    if (size === 0 || !(await this.takeLock())) return;
    const existing = await this.drivers.ensureDemoDrivers(size);
    existing.forEach((driver, i) => {
      const route = BERLIN_ROUTES[i % BERLIN_ROUTES.length];
      const walker = new RouteWalker(route.waypoints);
      this.fleet.push({ id: driver.id, walker, speed: 7 + ((i * 37) % 9), startOffset: (walker.length * ((i * 0.37) % 1)) | 0 });
    });
    const now = new Date();
    for (const driver of this.fleet) await this.sharing.startLiveSharing(driver.id, 1, now, LIVE_PERIOD_INDEFINITE);
    this.startedAt = Date.now();
    const interval = Math.max(50, Math.floor(REPORT_EVERY_MS / this.fleet.length));
    this.timer = setInterval(() => void this.reportNext(), interval);
    this.logger.log(`Demo fleet: ${this.fleet.length} simulated drivers in Berlin (DEMO_FLEET=0 turns it off)`);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    const runner = this.lockHolder;
    this.lockHolder = null;
    await runner?.query(`SELECT pg_advisory_unlock(${LOCK_KEY})`).catch(() => undefined);
    await runner?.release().catch(() => undefined);
  }

  /** One driver per tick, round robin. */
  private async reportNext(): Promise<void> {
    if (this.fleet.length === 0) return;
    const driver = this.fleet[this.tick++ % this.fleet.length];
    const elapsed = (Date.now() - this.startedAt) / 1000;
    const point = driver.walker.at(driver.startOffset + driver.speed * elapsed);
    try {
      await this.tracking.ingest({
        driverId: driver.id,
        latitude: point.latitude,
        longitude: point.longitude,
        heading: point.heading,
        accuracy: 5 + (this.tick % 11),
        speed: driver.speed,
        recordedAt: new Date(),
        source: 'demo',
      });
    } catch (error) {
      if (error instanceof UnknownDriverError) {
        // a dispatcher deleted this demo driver: it stays gone until the next start
        this.fleet.splice(this.fleet.indexOf(driver), 1);
        if (this.fleet.length === 0 && this.timer) clearInterval(this.timer);
        return;
      }
      this.logger.warn(`Demo driver ${driver.id}: ${(error as Error).message}`);
    }
  }

  private async takeLock(): Promise<boolean> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock(${LOCK_KEY}) AS locked`);
    if (!locked) {
      await runner.release();
      this.logger.log('Another instance drives the demo fleet');
      return false;
    }
    this.lockHolder = runner;
    return true;
  }
}
