import { EventEntity } from './entities/event.entity';
import { CreateEvents1795800000000 } from './migrations/1795800000000-CreateEvents';

export const EVENTS_ENTITIES = [EventEntity];
export const EVENTS_MIGRATIONS = [CreateEvents1795800000000];
