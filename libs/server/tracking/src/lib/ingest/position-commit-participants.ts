import { Injectable } from '@nestjs/common';
import type { NewConvoyEvent } from '@convoy/contracts';
import type { PoolClient } from 'pg';
import type { PositionRow } from './position-row';

/** What a participant adds to a batch's commit. */
export interface PositionCommitContribution {
  /** Appended to the outbox in the batch's transaction (so they exist exactly when the positions do). */
  events?: NewConvoyEvent[];
  /** Called once the batch committed (e.g. push a socket event); must not throw. */
  afterCommit?: () => void;
}

/**
 * Work that must commit atomically with a batch of positions: visit detection (issue #9), quiet/back
 * and speeding (issue #10). Runs inside the group commit's transaction, after the positions and the
 * drivers' latest positions were written, on the same connection. A participant reads and writes its
 * own per-driver state through `tx`, locking it (`FOR UPDATE`, drivers in id order) so two replicas
 * handling one driver's consecutive points decide one after the other; throwing rolls the batch back
 * (every caller then gets the error).
 */
export interface PositionCommitParticipant {
  /** Stable, for logs. */
  readonly name: string;
  /** `rows`: the batch's accepted rows (stored or latest-only, not duplicates), in batch order. */
  withinCommit(rows: readonly PositionRow[], tx: PoolClient): Promise<PositionCommitContribution | void>;
}

/** The participants of this process; other libs register theirs in `onModuleInit`. */
@Injectable()
export class PositionCommitParticipants {
  private readonly participants: PositionCommitParticipant[] = [];

  register(participant: PositionCommitParticipant): void {
    if (this.participants.some((known) => known.name === participant.name))
      throw new Error(`position commit participant ${participant.name} registered twice`);
    this.participants.push(participant);
  }

  list(): readonly PositionCommitParticipant[] {
    return this.participants;
  }
}
