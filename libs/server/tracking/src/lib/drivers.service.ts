import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { liveWithinMs, type DriverChange, type DriverDto } from '@convoy/contracts';
import { AppConfig } from '@convoy/server/config';
import { Subject } from 'rxjs';
import { Repository } from 'typeorm';
import { toDriverDto } from './driver-mapper';
import { DriverEntity } from './entities/driver.entity';
import { driverNotFound } from './tracking.errors';
import { TrackingService } from './tracking.service';

/** Drivers as managers see them: list, read, rename, delete; every change goes to `changes$`. */
@Injectable()
export class DriversService {
  readonly changes$ = new Subject<DriverChange>();

  constructor(
    @InjectRepository(DriverEntity) private readonly drivers: Repository<DriverEntity>,
    private readonly tracking: TrackingService,
    private readonly config: AppConfig,
  ) {}

  async list(): Promise<DriverDto[]> {
    const rows = await this.drivers.find({ order: { name: 'ASC', createdAt: 'ASC' } });
    const now = new Date();
    return rows.map((row) => this.toDto(row, now));
  }

  /** The driver, or null when there is none with this id. */
  async find(id: string): Promise<DriverDto | null> {
    const driver = await this.drivers.findOneBy({ id });
    return driver ? this.toDto(driver, new Date()) : null;
  }

  async get(id: string): Promise<DriverDto> {
    return this.toDto(await this.entity(id), new Date());
  }

  async rename(id: string, name: string): Promise<DriverDto> {
    const driver = await this.entity(id);
    driver.name = name.trim();
    await this.drivers.update({ id }, { name: driver.name });
    return this.publish(driver);
  }

  /** Deletes the driver and, by cascade, every position: drivers own their data. */
  async remove(id: string): Promise<void> {
    const result = await this.drivers.delete({ id });
    if (!result.affected) throw driverNotFound();
    this.tracking.forget(id);
    this.changes$.next({ type: 'deleted', driverId: id });
  }

  /** The demo fleet's drivers ("Demo 01" …), created when missing; returns `count` of them in order. */
  async ensureDemoDrivers(count: number): Promise<DriverEntity[]> {
    const names = Array.from({ length: count }, (_, i) => `Demo ${String(i + 1).padStart(2, '0')}`);
    const existing = await this.drivers.find({ where: { demo: true } });
    const byName = new Map(existing.map((driver) => [driver.name, driver]));
    const missing = names.filter((name) => !byName.has(name)).map((name) => this.drivers.create({ name, demo: true }));
    for (const created of await this.drivers.save(missing)) {
      byName.set(created.name, created);
      this.publish(created);
    }
    return names.map((name) => byName.get(name) as DriverEntity);
  }

  async entity(id: string): Promise<DriverEntity> {
    const driver = await this.drivers.findOneBy({ id });
    if (!driver) throw driverNotFound();
    return driver;
  }

  /** Announces the driver's current state to live dashboards and returns it. */
  publish(driver: DriverEntity): DriverDto {
    const dto = this.toDto(driver, new Date());
    this.changes$.next({ type: 'upsert', driver: dto });
    return dto;
  }

  toDto(driver: DriverEntity, now: Date): DriverDto {
    return toDriverDto(driver, now, liveWithinMs(this.config.tracking.autoTrackIntervalSeconds));
  }

}
