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

  /** The driver of a presented key, or null (unknown, revoked, the driver's data erased, or not shaped like a key). */
  async authenticate(key: unknown): Promise<DeviceDriver | null> {
    if (!looksLikeDeviceKey(key)) return null;
    const device = await this.devices
      .createQueryBuilder('device')
      .innerJoin(DriverEntity, 'driver', 'driver.id = device.driver_id AND driver.erased_at IS NULL')
      .select(['device.driverId', 'device.channel'])
      .where('device.key_hash = :hash', { hash: hashDeviceKey(key) })
      .getOne();
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

  /** Within an erasure's transaction: the driver's device key is forgotten (it stops working at once). */
  async eraseDriverWithin(manager: EntityManager, driverId: string): Promise<void> {
    await manager.getRepository(DeviceEntity).delete({ driverId });
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
    // the session ends first, so `driver.sharing_ended` names the channel that was disconnected
    const ended = await this.sharing.endSharing(driverId, new Date(), 'device-disconnected');
    if (driver.channel !== 'telegram') await this.drivers.update({ id: driverId }, { channel: null });
    this.tracking.forget(driverId);
    if (!ended || driver.channel !== 'telegram') this.driversService.publish(await this.driversService.entity(driverId));
  }
}
