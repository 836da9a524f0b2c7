import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LIVE_REVOCATION_REASONS, type LiveRevocationReason } from '@convoy/contracts';
import { AppConfig } from '@convoy/server/config';
import { LessThan, Not, Repository } from 'typeorm';
import { OpaqueTokens } from '../crypto/opaque-tokens';
import { SessionEntity } from '../entities/session.entity';
import { CredentialEvents } from '../revocation/credential-events.service';

@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    private readonly tokens: OpaqueTokens,
    private readonly config: AppConfig,
    private readonly events: CredentialEvents,
  ) {}

  /** Opens a session; the returned token is the only copy of the secret. */
  async open(userId: string, userAgent: string | undefined): Promise<{ token: string; expiresAt: Date }> {
    await this.sessions.delete({ expiresAt: LessThan(new Date()) });
    const { token, hash } = this.tokens.issue('session');
    const expiresAt = new Date(Date.now() + this.config.sessionTtlHours * 3_600_000);
    await this.sessions.insert({ userId, tokenHash: hash, expiresAt, userAgent: userAgent?.slice(0, 512) ?? null });
    return { token, expiresAt };
  }

  findActive(token: string): Promise<SessionEntity | null> {
    return this.sessions
      .createQueryBuilder('session')
      .innerJoinAndSelect('session.user', 'user')
      .where('session.token_hash = :hash', { hash: this.tokens.hash(token) })
      .andWhere('session.expires_at > now()')
      .andWhere('user.disabled = false')
      .getOne();
  }

  /** Ends one session (sign-out); its open live sockets are told why and closed. */
  async revoke(sessionId: string, reason: LiveRevocationReason = LIVE_REVOCATION_REASONS.signedOut): Promise<void> {
    await this.sessions.delete({ id: sessionId });
    this.events.revoked({ reason, credentialId: sessionId });
  }

  /** Ends every session of the user, except `exceptSessionId` when given. */
  async revokeAllFor(
    userId: string,
    exceptSessionId: string | null = null,
    reason: LiveRevocationReason = LIVE_REVOCATION_REASONS.passwordChanged,
  ): Promise<void> {
    await this.sessions.delete(exceptSessionId ? { userId, id: Not(exceptSessionId) } : { userId });
    this.events.revoked({ reason, userId, via: 'session', exceptCredentialId: exceptSessionId });
  }
}
