import { Injectable } from '@nestjs/common';
import { roleSatisfies, type Role } from '@convoy/contracts';
import { OpaqueTokens } from '../crypto/opaque-tokens';
import type { Principal } from '../principal';
import { ApiTokensService } from './api-tokens.service';
import { SessionsService } from './sessions.service';
import { toSessionUser } from './users.service';

/** Turns a bearer secret (cookie, Authorization header, socket handshake) into a principal. */
@Injectable()
export class AuthenticationService {
  constructor(
    private readonly tokens: OpaqueTokens,
    private readonly sessions: SessionsService,
    private readonly apiTokens: ApiTokensService,
  ) {}

  async authenticate(token: string | undefined | null): Promise<Principal | null> {
    const kind = token ? this.tokens.kindOf(token) : null;
    if (!token || !kind) return null;
    if (kind === 'session') {
      const session = await this.sessions.findActive(token);
      if (!session?.user) return null;
      return { user: toSessionUser(session.user), via: 'session', credentialId: session.id, expiresAt: session.expiresAt };
    }
    const apiToken = await this.apiTokens.findActive(token);
    if (!apiToken?.createdBy) return null;
    const { id, email, role: creatorRole } = apiToken.createdBy;
    return {
      // a token acts for an integrator: the creator's pending password change is theirs, not its
      user: { id, email, role: lowerOf(apiToken.role, creatorRole), mustChangePassword: false },
      via: 'api-token',
      credentialId: apiToken.id,
      expiresAt: apiToken.expiresAt,
    };
  }
}

/** A token never outranks the current role of the user who created it. */
function lowerOf(a: Role, b: Role): Role {
  return roleSatisfies(a, b) ? b : a;
}
