import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import { AuthStore } from './auth.store';
import { safeReturnUrl } from './return-url';

/** Signed-out visitors go to `/login`, remembering where they wanted to go. */
export const signedInGuard: CanActivateFn = async (_route, state) => {
  const auth = inject(AuthStore);
  const router = inject(Router);
  if (await auth.restore()) {
    return true;
  }
  const wanted = safeReturnUrl(state.url);
  return router.createUrlTree(['/login'], wanted === '/' ? {} : { queryParams: { returnUrl: wanted } });
};

/** Someone already signed in has nothing to do on `/login`: send them on. */
export const signedOutGuard: CanActivateFn = async (route) => {
  const auth = inject(AuthStore);
  const router = inject(Router);
  if (!(await auth.restore())) {
    return true;
  }
  return router.parseUrl(safeReturnUrl(route.queryParamMap.get('returnUrl')));
};
