import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  LIVE_REVOCATION_REASONS,
  type LiveClientToServerEvents,
  type LiveRevocationReason,
  type LiveServerToClientEvents,
} from '@convoy/contracts';
import {
  AuthenticationService,
  CredentialEvents,
  revocationCovers,
  type CredentialRevocation,
  type Principal,
} from '@convoy/server/auth';
import type { Subscription } from 'rxjs';
import type { Namespace, Socket } from 'socket.io';
import { LiveRedis } from './live-redis';
import { handshakeToken } from './socket-authentication';

/** The server-side event that carries a revocation to the other instances (Redis adapter). */
export const REVOCATION_EVENT = 'convoy:credential-revoked';

/** Instance → instance events on `/live` (`serverSideEmit`). */
export interface LiveServerSideEvents {
  [REVOCATION_EVENT]: (revocation: CredentialRevocation) => void;
}

type LiveNamespace = Namespace<LiveClientToServerEvents, LiveServerToClientEvents, LiveServerSideEvents>;
type LiveSocket = Socket<LiveClientToServerEvents, LiveServerToClientEvents, LiveServerSideEvents>;
/** Safety net: every open socket's credential is checked again this often (missed events, other processes). */
export const REVALIDATE_EVERY_MS = 30_000;
/** setTimeout's longest delay (~24.8 days); longer expiries are re-armed. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Closes open `/live` sockets whose credential stopped being valid, telling them why (`revoked`) just
 * before the disconnect:
 * - sign-out, a disabled user, a changed or reset password, a revoked token: announced by the auth
 *   services ({@link CredentialEvents}), applied here and sent to every other instance through the
 *   Socket.IO Redis adapter's server-side events (REDIS_URL; without it there are no other instances);
 * - a session or token reaching its expiry while connected: a timer per socket;
 * - whatever an event could not carry (a change made by another process, a lost Redis message): each
 *   socket's credential is checked again every {@link REVALIDATE_EVERY_MS}.
 */
@Injectable()
export class LiveRevocations implements OnModuleDestroy {
  private readonly logger = new Logger(LiveRevocations.name);
  private namespace: LiveNamespace | null = null;
  private subscription: Subscription | null = null;
  private revalidation: NodeJS.Timeout | null = null;
  private revalidating = false;

  constructor(
    private readonly events: CredentialEvents,
    private readonly authentication: AuthenticationService,
    private readonly redis: LiveRedis,
  ) {}

  /** Starts listening: local announcements, other instances' revocations, the periodic check. */
  attach(namespace: LiveNamespace): void {
    this.namespace = namespace;
    // server-side events from the other instances (never from this one)
    namespace.on(REVOCATION_EVENT, (revocation) => void this.closeCovered(revocation));
    this.subscription = this.events.revoked$.subscribe((revocation) => {
      this.closeCovered(revocation);
      if (this.redis.enabled) namespace.serverSideEmit(REVOCATION_EVENT, revocation);
    });
    this.revalidation = setInterval(() => void this.revalidateAll(), REVALIDATE_EVERY_MS);
    this.revalidation.unref();
  }

  /** Arms the expiry of a newly connected socket's credential. */
  watch(socket: LiveSocket): void {
    const principal = socket.data.principal as Principal | undefined;
    if (!principal?.expiresAt) return;
    const reason = principal.via === 'session' ? LIVE_REVOCATION_REASONS.sessionExpired : LIVE_REVOCATION_REASONS.tokenExpired;
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      const left = principal.expiresAt!.getTime() - Date.now();
      if (left <= 0) return this.close(socket, reason);
      timer = setTimeout(arm, Math.min(left, MAX_TIMER_MS));
      timer.unref();
    };
    arm();
    socket.once('disconnect', () => clearTimeout(timer));
  }

  /** Closes this instance's sockets that `revocation` covers; returns how many. */
  closeCovered(revocation: CredentialRevocation): number {
    let closed = 0;
    for (const socket of this.namespace?.sockets.values() ?? []) {
      const principal = socket.data.principal as Principal | undefined;
      if (principal && revocationCovers(revocation, principal)) {
        this.close(socket, revocation.reason);
        closed++;
      }
    }
    return closed;
  }

  /** Checks every open socket's credential again, one at a time (keeps the database pool free). */
  async revalidateAll(): Promise<void> {
    if (this.revalidating || !this.namespace) return;
    this.revalidating = true;
    try {
      for (const socket of [...this.namespace.sockets.values()]) {
        if (!socket.connected) continue;
        const principal = socket.data.principal as Principal | undefined;
        let still: Principal | null;
        try {
          still = await this.authentication.authenticate(handshakeToken(socket));
        } catch {
          return; // cannot check now (database down): keep the feed, try at the next round
        }
        if (!still && principal) this.close(socket, fallbackReason(principal));
      }
    } finally {
      this.revalidating = false;
    }
  }

  private close(socket: LiveSocket, reason: LiveRevocationReason): void {
    if (!socket.connected) return;
    const principal = socket.data.principal as Principal | undefined;
    this.logger.log(`Closed a live feed of ${principal?.user.email ?? 'unknown'} (${principal?.via ?? '?'}): ${reason}`);
    socket.emit('revoked', { reason });
    // the packet above is flushed before the transport closes; the client does not reconnect by itself
    socket.disconnect(true);
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
    if (this.revalidation) clearInterval(this.revalidation);
  }
}

/** A credential found invalid without an announcement: expired if its time is up, else ended. */
function fallbackReason(principal: Principal): LiveRevocationReason {
  const expired = principal.expiresAt !== null && principal.expiresAt.getTime() <= Date.now();
  if (principal.via === 'session') return expired ? LIVE_REVOCATION_REASONS.sessionExpired : LIVE_REVOCATION_REASONS.signedOut;
  return expired ? LIVE_REVOCATION_REASONS.tokenExpired : LIVE_REVOCATION_REASONS.tokenRevoked;
}
