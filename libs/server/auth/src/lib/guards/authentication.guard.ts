import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { SESSION_COOKIE } from '@convoy/contracts';
import { notAuthenticated } from '../auth.errors';
import { IS_PUBLIC } from '../decorators/public.decorator';
import { PRINCIPAL_KEY, type RequestWithPrincipal } from '../principal';
import { AuthenticationService } from '../services/authentication.service';

interface HttpRequestLike extends RequestWithPrincipal {
  headers: Record<string, string | string[] | undefined>;
  cookies?: Record<string, string | undefined>;
}

/** Global: every HTTP route needs a session cookie or a Bearer token unless marked @Public(). */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authentication: AuthenticationService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<HttpRequestLike>();
    const principal = await this.authentication.authenticate(bearerToken(request) ?? request.cookies?.[SESSION_COOKIE]);
    if (!principal) throw notAuthenticated();
    request[PRINCIPAL_KEY] = principal;
    return true;
  }
}

export function bearerToken(request: { headers: Record<string, string | string[] | undefined> }): string | null {
  const header = request.headers['authorization'];
  const value = Array.isArray(header) ? header[0] : header;
  const match = value?.match(/^Bearer\s+(\S+)$/i);
  return match ? match[1] : null;
}
