import { LIVE_REVOCATION_REASONS, type LiveRevocationReason } from '@convoy/contracts';
import { SESSION_ENDED } from '../core/auth/session-ended';

/**
 * Why the login page is shown, from `?reason=`: the server's `revoked` reason when it closed the live
 * feed, or `expired` after a 401. Unknown values show nothing (the query string is the user's).
 */
const NOTICES: Record<LiveRevocationReason | typeof SESSION_ENDED, { title: string; detail: string }> = {
  [SESSION_ENDED]: { title: 'Your session ended.', detail: 'Sign in again to continue.' },
  [LIVE_REVOCATION_REASONS.signedOut]: { title: 'Signed out.', detail: 'This session was ended, perhaps in another tab.' },
  [LIVE_REVOCATION_REASONS.accountDisabled]: {
    title: 'Your account was disabled.',
    detail: 'Ask an administrator if you still need access.',
  },
  [LIVE_REVOCATION_REASONS.passwordChanged]: {
    title: 'Your password was changed.',
    detail: 'Sign in with the new password to continue.',
  },
  [LIVE_REVOCATION_REASONS.sessionExpired]: { title: 'Session expired.', detail: 'Sign in again to continue.' },
  [LIVE_REVOCATION_REASONS.tokenRevoked]: { title: 'Token revoked.', detail: 'Sign in to continue.' },
  [LIVE_REVOCATION_REASONS.tokenExpired]: { title: 'Token expired.', detail: 'Sign in to continue.' },
};

export function signInNotice(reason: string | undefined): { title: string; detail: string } | null {
  return reason && Object.hasOwn(NOTICES, reason) ? NOTICES[reason as keyof typeof NOTICES] : null;
}
