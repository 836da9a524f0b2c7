import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DriverDto, DriverErasedBy } from '@convoy/contracts';
import { LinksService } from '@convoy/server/links';
import { VisitsService } from '@convoy/server/places';
import { DevicesService, SharingService } from '@convoy/server/sharing';
import { DriversService } from '@convoy/server/tracking';
import type { DataSource } from 'typeorm';

/** Erasing a month of 1-second points deletes millions of rows: more than a request's statement_timeout. */
const ERASURE_STATEMENT_TIMEOUT = '10min';

/**
 * A driver leaves and is forgotten (GDPR art. 17), asked by the driver (bot `/delete`) or a
 * dispatcher: every position and visit, the Telegram identity, the name and the notes and names on their
 * links, the device key of the browser or GPS app go in one transaction — all or nothing. What stays is an entry without personal data
 * ("driver left and erased their data", when, by whom), so the fleet list explains the gap.
 */
@Injectable()
export class DriverErasureService {
  private readonly logger = new Logger(DriverErasureService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly drivers: DriversService,
    private readonly links: LinksService,
    private readonly devices: DevicesService,
    private readonly sharing: SharingService,
    private readonly visits: VisitsService,
  ) {}

  async erase(driverId: string, by: DriverErasedBy, at = new Date()): Promise<DriverDto> {
    let formerTelegramUserId: number | null = null;
    const driver = await this.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL statement_timeout = '${ERASURE_STATEMENT_TIMEOUT}'`);
      formerTelegramUserId = (await this.drivers.entity(driverId)).telegramUserId;
      const erased = await this.drivers.eraseWithin(manager, driverId, by, at);
      await this.links.eraseDriverWithin(manager, driverId, at);
      await this.devices.eraseDriverWithin(manager, driverId);
      await this.visits.eraseDriverWithin(manager, driverId);
      return erased;
    });
    this.logger.log(`Erased the data of driver ${driverId} (asked by the ${by})`);
    this.sharing.identitiesCleared([{ driverId, formerTelegramUserId }]);
    return this.drivers.announceErased(driver);
  }
}
