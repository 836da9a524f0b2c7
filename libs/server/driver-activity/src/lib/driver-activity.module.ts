import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@convoy/server/config';
import { PositionCommitParticipants, TrackingModule } from '@convoy/server/tracking';
import { DriverActivityParticipant } from './driver-activity.participant';
import { DRIVER_ACTIVITY_ENTITIES } from './driver-activity.schema';
import { QuietWatch } from './quiet/quiet-watch';

/**
 * What the positions say about a driver (issue #10): `driver.went_quiet` (QuietWatch, a job on
 * every replica), `driver.back` and `driver.speeding` (a participant of the position group commit).
 */
@Module({
  imports: [TypeOrmModule.forFeature(DRIVER_ACTIVITY_ENTITIES), TrackingModule],
  providers: [
    QuietWatch,
    {
      provide: DriverActivityParticipant,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new DriverActivityParticipant(config.activity.speedingKmh),
    },
  ],
})
export class DriverActivityModule implements OnModuleInit {
  constructor(
    private readonly participants: PositionCommitParticipants,
    private readonly participant: DriverActivityParticipant,
  ) {}

  onModuleInit(): void {
    this.participants.register(this.participant);
  }
}
