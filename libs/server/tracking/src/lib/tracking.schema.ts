import { DriverEntity } from './entities/driver.entity';
import { PositionEntity } from './entities/position.entity';
import { PositionLateWriteEntity } from './entities/position-late-write.entity';
import { CreateTracking1795478500000 } from './migrations/1795478500000-CreateTracking';
import { DeviceChannels1795478800000 } from './migrations/1795478800000-DeviceChannels';
import { DriverErasure1795700000000 } from './migrations/1795700000000-DriverErasure';
import { PartitionPositions1795820000000 } from './migrations/1795820000000-PartitionPositions';
import { DriverUnreadMessages1795860000001 } from './migrations/1795860000001-DriverUnreadMessages';
import { ExportNumberText1795900000000 } from './migrations/1795900000000-ExportNumberText';
import { PositionLateWrites1796200000000 } from './migrations/1796200000000-PositionLateWrites';

export const TRACKING_ENTITIES = [DriverEntity, PositionEntity, PositionLateWriteEntity];
export const TRACKING_MIGRATIONS = [
  CreateTracking1795478500000,
  DeviceChannels1795478800000,
  DriverErasure1795700000000,
  PartitionPositions1795820000000,
  DriverUnreadMessages1795860000001,
  ExportNumberText1795900000000,
  PositionLateWrites1796200000000,
];
