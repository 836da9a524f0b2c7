import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { PRINCIPAL_KEY, type Principal, type RequestWithPrincipal } from '../principal';

/** The authenticated caller, set by the authentication guard. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<RequestWithPrincipal>()[PRINCIPAL_KEY];
  if (!principal) throw new Error('CurrentPrincipal used on a public route');
  return principal;
});
