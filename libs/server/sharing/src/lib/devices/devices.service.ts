import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { JoinChannel } from '@convoy/contracts';
import { DriverEntity, DriversService, driverNotFound, TrackingService } from '@convoy/server/tracking';
import { type EntityManager, Repository } from 'typeorm';
import { SharingService } from '../sharing.service';
import { DeviceEntity } from './device.entity';
import { hashDeviceKey, issueDeviceKey, looksLikeDeviceKey } from './device-key';

/** The driver a device key belongs to. */
export interface DeviceDriver {
  driverId: string;
  channel: JoinChannel;
}

/**
 * Device keys of the browser and GPS-app channels. No cache: every request reads the key's row (one
 * indexed lookup), so a revoked key stops at once on every replica.
 */
@Injectable()
export class DevicesService {
  constructor(
    @InjectRepository(DeviceEntity) private readonly devices: Repository<DeviceEntity>,
    @InjectRepository(DriverEntity) private readonly drivers: Repository<DriverEntity>,
    private readonly driversService: DriversService,
    private readonly sharing: SharingService,
    private readonly tracking: TrackingService,
  ) {}

  /** The driver of a presented key, or null (unknown, revoked, or not shaped like a key). */
  async authenticate(key: unknown): Promise<DeviceDriver | null> {
    if (!looksLikeDeviceKey(key)) return null;
    const device = await this.devices.findOne({ where: { keyHash: hashDeviceKey(key) }, select: { driverId: true, channel: true } });
    return device ? { driverId: device.driverId, channel: device.channel } : null;
  }

  /** Within the enrolment's transaction: a new key for the driver (any earlier device is replaced). */
  async issue(manager: EntityManager, driverId: string, channel: JoinChannel): Promise<string> {
    const { key, hash } = issueDeviceKey();
    const repository = manager.getRepository(DeviceEntity);
    await repository.delete({ driverId });
    await repository.insert({ driverId, channel, keyHash: hash });
    return key;
  }

  /**
   * A dispatcher disconnects the driver's device: its key stops working at once, the session ends,
   * the history stays. 404 for an unknown driver; a driver without a device is left as it is.
   */
  async revoke(driverId: string): Promise<void> {
    const driver = await this.drivers.findOneBy({ id: driverId });
    if (!driver) throw driverNotFound();
    const { affected } = await this.devices.delete({ driverId });
    if (!affected) return;
    if (driver.channel !== 'telegram') await this.drivers.update({ id: driverId }, { channel: null });
    this.tracking.forget(driverId);
    if (!(await this.sharing.endSharing(driverId, new Date()))) {
      this.driversService.publish(await this.driversService.entity(driverId));
    }
  }
}
