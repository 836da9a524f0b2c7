import { DriverActivityEntity } from './entities/driver-activity.entity';
import { CreateDriverActivity1795830000000 } from './migrations/1795830000000-CreateDriverActivity';

export const DRIVER_ACTIVITY_ENTITIES = [DriverActivityEntity];
export const DRIVER_ACTIVITY_MIGRATIONS = [CreateDriverActivity1795830000000];
