import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { DriverChange, DriverDto } from '@convoy/contracts';
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
    return toDriverDto(driver, now, this.expectedIntervalMs);
  }

  /** A live stream updates about this often; `live` means a point within twice that. */
  get expectedIntervalMs(): number {
    return Math.max(this.config.tracking.autoTrackIntervalSeconds, 30) * 1000;
  }
}
