import { LinkEntity } from './entities/link.entity';
import { CreateLinks1795478600000 } from './migrations/1795478600000-CreateLinks';
import { ReserveLinkDriver1795478700000 } from './migrations/1795478700000-ReserveLinkDriver';

export const LINKS_ENTITIES = [LinkEntity];
export const LINKS_MIGRATIONS = [CreateLinks1795478600000, ReserveLinkDriver1795478700000];
