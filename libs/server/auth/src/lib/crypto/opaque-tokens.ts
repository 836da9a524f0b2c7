import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomBytes } from 'node:crypto';
import { APP_SECRET } from './app-secret.provider';

export type TokenKind = 'session' | 'api';

const PREFIX: Record<TokenKind, string> = { session: 'cvs_', api: 'cvt_' };

/**
 * Bearer secrets: 256 random bits, base64url, with a prefix that says what they are (and lets secret
 * scanners find leaked ones). Only HMAC-SHA256(APP_SECRET, token) is stored, so a database dump holds
 * nothing usable.
 */
@Injectable()
export class OpaqueTokens {
  constructor(@Inject(APP_SECRET) private readonly secret: string) {}

  issue(kind: TokenKind): { token: string; hash: string } {
    const token = `${PREFIX[kind]}${randomBytes(32).toString('base64url')}`;
    return { token, hash: this.hash(token) };
  }

  kindOf(token: string): TokenKind | null {
    if (!/^cv[st]_[A-Za-z0-9_-]{43}$/.test(token)) return null;
    return token.startsWith(PREFIX.api) ? 'api' : 'session';
  }

  hash(token: string): string {
    return createHmac('sha256', this.secret).update(token).digest('hex');
  }
}
