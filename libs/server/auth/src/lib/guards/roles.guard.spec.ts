import { ForbiddenException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@convoy/contracts';
import { PRINCIPAL_KEY } from '../principal';
import { RolesGuard } from './roles.guard';

function contextFor(required: Role | undefined, role: Role): ExecutionContext {
  const reflector = { getAllAndOverride: () => required } as unknown as Reflector;
  const request = { [PRINCIPAL_KEY]: { user: { id: 'u1', email: 'u@x.test', role }, via: 'session', credentialId: 's1', expiresAt: null } };
  const context = {
    getType: () => 'http',
    getHandler: () => undefined,
    getClass: () => undefined,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  (context as unknown as { reflector: Reflector }).reflector = reflector;
  return context;
}

describe('RolesGuard', () => {
  const check = (required: Role | undefined, role: Role) => {
    const context = contextFor(required, role);
    return new RolesGuard((context as unknown as { reflector: Reflector }).reflector).canActivate(context);
  };

  it('lets any signed-in role through routes without a required role', () => {
    expect(check(undefined, 'viewer')).toBe(true);
  });

  it('ranks admin above dispatcher above viewer', () => {
    expect(check('dispatcher', 'admin')).toBe(true);
    expect(check('dispatcher', 'dispatcher')).toBe(true);
    expect(() => check('dispatcher', 'viewer')).toThrow(ForbiddenException);
    expect(() => check('admin', 'dispatcher')).toThrow(ForbiddenException);
  });
});
