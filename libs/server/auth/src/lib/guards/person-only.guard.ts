import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { personRequired } from '../auth.errors';
import { PERSON_ONLY } from '../decorators/person-only.decorator';
import { PRINCIPAL_KEY, type RequestWithPrincipal } from '../principal';

/** Global, after authentication: routes marked @PersonOnly() refuse API tokens. */
@Injectable()
export class PersonOnlyGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const personOnly = this.reflector.getAllAndOverride<boolean>(PERSON_ONLY, [context.getHandler(), context.getClass()]);
    if (!personOnly) return true;
    const principal = context.switchToHttp().getRequest<RequestWithPrincipal>()[PRINCIPAL_KEY];
    if (principal?.via !== 'session') throw personRequired();
    return true;
  }
}
