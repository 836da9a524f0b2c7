import { Injectable } from '@nestjs/common';

export type BotMode = 'disabled' | 'webhook' | 'polling';

/** What health checks and the dashboard need to know about the bot on this instance. */
@Injectable()
export class BotStatus {
  mode: BotMode = 'disabled';
  /** Polling mode: whether this instance holds the polling lock. */
  pollingLeader = false;
  /** The last Bot API error, cleared by the next success. */
  lastError: string | null = null;
  username: string | null = null;
}
