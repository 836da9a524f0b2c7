import { Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DriverDto, DriverErasedBy } from '@convoy/contracts';
import { appendEvents, DriverEventErasure, EventDispatcher } from '@convoy/server/events';
import { LinksService } from '@convoy/server/links';
import { VisitsService } from '@convoy/server/places';
import { MessagesService } from '@convoy/server/messages';
import { PreparedSummaries } from '@convoy/server/reports';
import { DevicesService, SharingService, sharingEnded } from '@convoy/server/sharing';
import { DriverEntity, DriversService } from '@convoy/server/tracking';
import type { DataSource } from 'typeorm';

/** Erasing a month of 1-second points deletes millions of rows: more than a request's statement_timeout. */
const ERASURE_STATEMENT_TIMEOUT = '10min';

/**
 * A driver leaves and is forgotten (GDPR art. 17), asked by the driver (bot `/delete`) or a
 * dispatcher: every position and visit, the Telegram identity, the name and the notes and names on their
 * links, the device key of the browser or GPS app, their events in the stream, their messages and their prepared report rows go in one transaction — all or nothing. What stays is an entry without personal data
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
    private readonly events: DriverEventErasure,
    private readonly messages: MessagesService,
    private readonly preparedSummaries: PreparedSummaries,
    @Optional() private readonly dispatcher: EventDispatcher | null = null,
  ) {}

  async erase(driverId: string, by: DriverErasedBy, at = new Date()): Promise<DriverDto> {
    let formerTelegramUserId: number | null = null;
    let announced = 0;
    const driver = await this.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL statement_timeout = '${ERASURE_STATEMENT_TIMEOUT}'`);
      const before = await manager.findOne(DriverEntity, { where: { id: driverId }, lock: { mode: 'pessimistic_write' } });
      formerTelegramUserId = before?.telegramUserId ?? null;
      const wasSharing = before !== null && before.sharingSince !== null && before.sharingEndedAt === null;
      const erased = await this.drivers.eraseWithin(manager, driverId, by, at);
      await this.links.eraseDriverWithin(manager, driverId, at);
      await this.devices.eraseDriverWithin(manager, driverId);
      await this.visits.eraseDriverWithin(manager, driverId);
      await this.messages.eraseDriverWithin(manager, driverId);
      await this.preparedSummaries.eraseDriverWithin(manager, driverId);
      // the stream forgets them too (names, places, messages); a session cut short says so, nameless
      await this.events.eraseWithin(manager, driverId);
      if (wasSharing) announced = (await appendEvents(manager, [sharingEnded({ ...erased, channel: before?.channel ?? null }, 'erased', at)])).length;
      return erased;
    });
    if (announced > 0) this.dispatcher?.nudge();
    this.logger.log(`Erased the data of driver ${driverId} (asked by the ${by})`);
    this.sharing.identitiesCleared([{ driverId, formerTelegramUserId }]);
    return this.drivers.announceErased(driver);
  }
}
