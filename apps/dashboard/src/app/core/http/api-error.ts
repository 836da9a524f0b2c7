import { HttpErrorResponse } from '@angular/common/http';
import type { ErrorResponse } from '@convoy/contracts';

/** HTTP status of a failed request; 0 when the server could not be reached at all. */
export function errorStatus(error: unknown): number | null {
  return error instanceof HttpErrorResponse ? error.status : null;
}

/** The API's own `message` (`ErrorResponse`), which the server promises is safe to show. */
export function serverMessage(error: unknown): string | null {
  if (!(error instanceof HttpErrorResponse)) {
    return null;
  }
  const body = error.error as Partial<ErrorResponse> | null;
  if (!body || typeof body !== 'object') {
    return null;
  }
  const message = body.message;
  if (Array.isArray(message)) {
    return message.filter((m) => typeof m === 'string').join('; ') || null;
  }
  return typeof message === 'string' && message.length > 0 ? message : null;
}

export const UNREACHABLE_MESSAGE = 'Cannot reach the Convoy server. Check your connection and try again.';

/** What to tell someone whose sign-in failed. */
export function loginErrorMessage(error: unknown): string {
  switch (errorStatus(error)) {
    case 401:
      return 'Wrong email or password';
    case 429:
      return 'Too many attempts, try again in a minute';
    case 400:
      return serverMessage(error) ?? 'Enter a valid email address and password.';
    case 0:
      return UNREACHABLE_MESSAGE;
    case 403:
      return serverMessage(error) ?? 'This account cannot sign in. Ask an administrator.';
    default: {
      const status = errorStatus(error);
      return status === null
        ? 'Sign-in failed. Try again.'
        : `Sign-in failed: the server answered ${status}. Try again in a moment.`;
    }
  }
}

/**
 * What to tell someone whose action failed (`what` says which, e.g. "Could not revoke the link"):
 * the server's own message when it sent one (409 "At least one active admin must remain"), else why.
 */
export function actionErrorMessage(error: unknown, what: string): string {
  const status = errorStatus(error);
  if (status === 0) {
    return UNREACHABLE_MESSAGE;
  }
  const message = serverMessage(error);
  if (message) {
    return `${what}: ${message}`;
  }
  if (status === 403) {
    return `${what}: your role does not allow this.`;
  }
  return status === null ? `${what}.` : `${what}: the server answered ${status}. Try again in a moment.`;
}
