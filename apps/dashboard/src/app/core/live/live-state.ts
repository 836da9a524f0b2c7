import { DEFAULT_LIVE_WITHIN_MS, type DriverChange, type DriverDto, type PositionDto } from '@convoy/contracts';
import { fromDto, type LiveDriver, statusAt, withPosition } from './live-driver';

/** Why a positions batch could not be applied in full. */
export interface PositionsOutcome {
  changed: boolean;
  /** Drivers the state does not know (joined while we were away): fetch them. */
  unknownDriverIds: string[];
}

/**
 * The fleet as the dashboard knows it, keyed by driver id. Plain TypeScript (no Angular), mutated in
 * place for speed with 10,000 drivers; every driver object it holds is immutable, so a consumer can
 * tell what changed by identity. LiveStore owns one and publishes it through a signal.
 */
export class LiveState {
  readonly drivers = new Map<string, LiveDriver>();
  /** The server's live window (`/api/config`); set it, then recompute the statuses. */
  liveWithinMs = DEFAULT_LIVE_WITHIN_MS;
  /** Deleted drivers, so a position that was already on its way does not bring them back. */
  private readonly deleted = new Set<string>();
  private touched = new Set<string>();
  private touchedAll = false;

  /** Ids changed since the last call; null when everything may have changed (a replace). */
  takeChanges(): ReadonlySet<string> | null {
    const changes = this.touchedAll ? null : this.touched;
    this.touched = new Set();
    this.touchedAll = false;
    return changes;
  }

  /** A full list (snapshot, REST): drivers not in it are gone; positions never go backwards. */
  replaceAll(dtos: readonly DriverDto[], nowMs: number): boolean {
    const incoming = new Set<string>();
    let changed = false;
    for (const dto of dtos) {
      incoming.add(dto.id);
      this.deleted.delete(dto.id);
      this.drivers.set(dto.id, fromDto(dto, this.drivers.get(dto.id), nowMs, this.liveWithinMs));
      changed = true;
    }
    for (const id of [...this.drivers.keys()]) {
      if (!incoming.has(id)) {
        this.drivers.delete(id);
        changed = true;
      }
    }
    this.touchedAll = true;
    return changed;
  }

  upsert(dto: DriverDto, nowMs: number): void {
    this.deleted.delete(dto.id);
    this.drivers.set(dto.id, fromDto(dto, this.drivers.get(dto.id), nowMs, this.liveWithinMs));
    this.touched.add(dto.id);
  }

  remove(driverId: string): boolean {
    this.deleted.add(driverId);
    this.touched.add(driverId);
    return this.drivers.delete(driverId);
  }

  applyChange(change: DriverChange, nowMs: number): boolean {
    if (change.type === 'deleted') return this.remove(change.driverId);
    this.upsert(change.driver, nowMs);
    return true;
  }

  /** Keeps the newest position per driver: an older or repeated point changes nothing. */
  applyPositions(batch: readonly PositionDto[], nowMs: number): PositionsOutcome {
    let changed = false;
    const unknown = new Set<string>();
    for (const position of batch) {
      const driver = this.drivers.get(position.driverId);
      if (!driver) {
        if (!this.deleted.has(position.driverId)) unknown.add(position.driverId);
        continue;
      }
      const moved = withPosition(driver, position, nowMs, this.liveWithinMs);
      if (moved) {
        this.drivers.set(driver.id, moved);
        this.touched.add(driver.id);
        changed = true;
      }
    }
    return { changed, unknownDriverIds: [...unknown] };
  }

  /** Time passed: live decays to stale, stale to offline, live locations run out. */
  recomputeStatuses(nowMs: number): boolean {
    let changed = false;
    for (const [id, driver] of this.drivers) {
      const status = statusAt(driver, nowMs, this.liveWithinMs);
      if (status !== driver.status) {
        this.drivers.set(id, { ...driver, status });
        this.touched.add(id);
        changed = true;
      }
    }
    return changed;
  }
}
