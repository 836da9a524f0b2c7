import { LIVE_REFUSALS, SESSION_COOKIE } from '@convoy/contracts';
import type { AuthenticationService, Principal } from '@convoy/server/auth';
import fastifyCookie from '@fastify/cookie';
import type { Socket } from 'socket.io';

/** The handshake's credential: `auth: {token}` (access or API token), else the session cookie. */
export function handshakeToken(socket: Pick<Socket, 'handshake'>): string | null {
  const auth = socket.handshake.auth as { token?: unknown } | undefined;
  if (typeof auth?.token === 'string' && auth.token) return auth.token;
  const header = socket.handshake.headers.authorization;
  const bearer = typeof header === 'string' ? header.match(/^Bearer\s+(\S+)$/i)?.[1] : undefined;
  if (bearer) return bearer;
  const cookie = socket.handshake.headers.cookie;
  return cookie ? (fastifyCookie.parse(cookie)[SESSION_COOKIE] ?? null) : null;
}

/**
 * Socket.IO middleware: no valid credential → the client gets `connect_error` "unauthorized"; the
 * credential could not be checked (database down) → "unavailable", so the dashboard retries instead
 * of signing the manager out.
 */
export function socketAuthMiddleware(authentication: AuthenticationService) {
  return (socket: Socket, next: (error?: Error) => void) => {
    authentication
      .authenticate(handshakeToken(socket))
      .then((principal: Principal | null) => {
        if (!principal) return next(new Error(LIVE_REFUSALS.unauthorized));
        socket.data.principal = principal;
        next();
      })
      .catch(() => next(new Error(LIVE_REFUSALS.unavailable)));
  };
}
