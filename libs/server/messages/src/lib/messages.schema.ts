import { MessageEntity } from './entities/message.entity';
import { CreateMessages1795860000000 } from './migrations/1795860000000-CreateMessages';

export const MESSAGES_ENTITIES = [MessageEntity];
export const MESSAGES_MIGRATIONS = [CreateMessages1795860000000];
