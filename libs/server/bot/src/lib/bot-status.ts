import { Injectable } from '@nestjs/common';
import { ConvoyMetrics } from '@convoy/server/metrics';

export type BotMode = 'disabled' | 'webhook' | 'polling';
const MODES: BotMode[] = ['disabled', 'webhook', 'polling'];

/** What health checks, metrics and the dashboard need to know about the bot on this instance. */
@Injectable()
export class BotStatus {
  private currentMode: BotMode = 'disabled';
  private leader = false;
  /** The last Bot API error, cleared by the next success. */
  lastError: string | null = null;
  username: string | null = null;

  constructor(private readonly metrics: ConvoyMetrics) {
    this.mode = 'disabled';
  }

  get mode(): BotMode {
    return this.currentMode;
  }

  set mode(mode: BotMode) {
    this.currentMode = mode;
    for (const each of MODES) this.metrics.botMode.set({ mode: each }, each === mode ? 1 : 0);
  }

  /** Polling mode: whether this instance holds the polling lock. */
  get pollingLeader(): boolean {
    return this.leader;
  }

  set pollingLeader(leader: boolean) {
    this.leader = leader;
    this.metrics.pollingLeader.set(leader ? 1 : 0);
  }
}
