import { DeviceEntity } from './devices/device.entity';
import { CreateDriverDevices1795478900000 } from './migrations/1795478900000-CreateDriverDevices';

export const SHARING_ENTITIES = [DeviceEntity];
export const SHARING_MIGRATIONS = [CreateDriverDevices1795478900000];
