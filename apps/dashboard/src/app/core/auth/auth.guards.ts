import { inject } from '@angular/core';
import { type CanActivateChildFn, type CanActivateFn, Router } from '@angular/router';
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

/** Where a user whose password was set by someone else chooses their own. */
export const PASSWORD_CHANGE_URL = '/account';

/**
 * A password set by someone else (first admin, an admin's reset, the CLI) is changed before
 * anything else: every page but the account page leads there until it is.
 */
export const passwordChangedGuard: CanActivateChildFn = (_route, state) => {
  const auth = inject(AuthStore);
  if (!auth.mustChangePassword() || state.url.split(/[?#]/)[0] === PASSWORD_CHANGE_URL) {
    return true;
  }
  return inject(Router).parseUrl(PASSWORD_CHANGE_URL);
};
