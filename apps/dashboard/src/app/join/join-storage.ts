import type { JoinChannel, JoinResponse } from '@convoy/contracts';

const PREFIX = 'convoy.join.';

/** What this browser remembers about a link it redeemed: enough to resume without the server. */
export interface JoinBinding extends JoinResponse {
  channel: JoinChannel;
  /** Browser channel: the driver was sharing when the page was left (re-opening resumes). */
  sharing: boolean;
}

/**
 * The device key lives in localStorage, per link token, so re-opening the link on the same phone
 * resumes as the same driver (same key, no second driver). The token is in the address anyway; the
 * key is as secret as the link itself was. Storage refused (private mode, quota): sharing still works
 * for this visit.
 */
export class JoinStorage {
  constructor(private readonly storage: Storage | null) {}

  load(token: string): JoinBinding | null {
    try {
      const raw = this.storage?.getItem(PREFIX + token);
      if (!raw) return null;
      const value = JSON.parse(raw) as Partial<JoinBinding>;
      return isBinding(value) ? value : null;
    } catch {
      return null;
    }
  }

  save(token: string, binding: JoinBinding): void {
    try {
      this.storage?.setItem(PREFIX + token, JSON.stringify(binding));
    } catch {
      // private mode or full: keep going without it
    }
  }

  forget(token: string): void {
    try {
      this.storage?.removeItem(PREFIX + token);
    } catch {
      // nothing to forget
    }
  }
}

function isBinding(value: Partial<JoinBinding>): value is JoinBinding {
  return (
    typeof value.deviceKey === 'string' &&
    typeof value.driverId === 'string' &&
    typeof value.driverName === 'string' &&
    (value.channel === 'browser' || value.channel === 'app') &&
    typeof value.ingest?.trackUrl === 'string' &&
    typeof value.ingest.osmandUrl === 'string' &&
    typeof value.ingest.owntracksUrl === 'string'
  );
}
