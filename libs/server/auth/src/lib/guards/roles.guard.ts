import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { roleSatisfies, type Role } from '@convoy/contracts';
import { forbidden } from '../auth.errors';
import { REQUIRED_ROLE } from '../decorators/roles.decorator';
import { PRINCIPAL_KEY, type RequestWithPrincipal } from '../principal';

/** Global, after authentication: checks @RequireRole(). */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const required = this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!required) return true;
    const principal = context.switchToHttp().getRequest<RequestWithPrincipal>()[PRINCIPAL_KEY];
    if (!principal || !roleSatisfies(principal.user.role, required)) throw forbidden(required);
    return true;
  }
}
