import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import { type Role, roleSatisfies } from '@convoy/contracts';
import { AuthStore } from './auth.store';

/**
 * Lets in only users whose role satisfies `required` (admin ⊃ dispatcher ⊃ viewer); anyone else
 * goes to the live map. The server enforces the same rule: this only keeps the UI honest.
 */
export function roleGuard(required: Role): CanActivateFn {
  return async () => {
    const router = inject(Router);
    const user = await inject(AuthStore).restore();
    return user !== null && roleSatisfies(user.role, required) ? true : router.createUrlTree(['/']);
  };
}
