import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { API, apiPath, isApiRequest } from '../http/api-paths';
import { AuthStore } from './auth.store';
import { safeReturnUrl } from './return-url';
import { SESSION_ENDED } from './session-ended';

/** These answer 401 as part of their normal job; the caller handles it. */
const OWN_401 = new Set<string>([API.login, API.me, API.logout]);

/**
 * The driver side (join page, browser channel) authenticates with a link token or device key, not
 * the session: its 401 says nothing about a dispatcher who happens to be signed in on the same phone.
 */
function isDriverRoute(path: string): boolean {
  return path === API.track || path.startsWith(`${API.join}/`);
}

/**
 * A 401 from any other `/api/*` call means the session ended (expired, revoked, signed out in another
 * tab): forget the user and go to `/login`, coming back here afterwards.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  const auth = inject(AuthStore);
  const router = inject(Router);
  return next(req).pipe(
    catchError((error: unknown) => {
      if (
        error instanceof HttpErrorResponse &&
        error.status === 401 &&
        isApiRequest(req.url) &&
        !OWN_401.has(apiPath(req.url)) &&
        !isDriverRoute(apiPath(req.url)) &&
        auth.signedIn()
      ) {
        auth.clear();
        const returnUrl = safeReturnUrl(router.url);
        void router.navigate(['/login'], {
          queryParams: { reason: SESSION_ENDED, ...(returnUrl === '/' ? {} : { returnUrl }) },
        });
      }
      return throwError(() => error);
    }),
  );
};
