import { LIVE_REFUSALS } from '@convoy/contracts';
import type { AppConfig } from '@convoy/server/config';
import type { Socket } from 'socket.io';

/**
 * Whether a handshake's `Origin` may open `/live`. Browsers always send `Origin` on a WebSocket
 * (and on cross-origin requests), and a page cannot forge it: a page on another site that tries to
 * ride the manager's session cookie is refused here — CORS does not cover WebSockets. Allowed: the
 * dashboard's own origin (the handshake's Host), `PUBLIC_URL` and `CORS_ORIGINS`. No `Origin` at all
 * means a program, not a page: it still needs a valid credential (the next middleware).
 */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  config: Pick<AppConfig, 'publicUrl' | 'corsOrigins'>,
): boolean {
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null" (sandboxed frames, file://) or garbage
  }
  if (host && url.host === host.toLowerCase()) return true;
  const allowed = [config.publicUrl, ...config.corsOrigins].filter((o): o is string => !!o).map(originOf);
  return allowed.includes(url.origin);
}

/** Socket.IO middleware: a foreign `Origin` gets `connect_error` "forbidden-origin". */
export function socketOriginMiddleware(config: Pick<AppConfig, 'publicUrl' | 'corsOrigins'>) {
  return (socket: Pick<Socket, 'handshake'>, next: (error?: Error) => void) => {
    const { origin, host } = socket.handshake.headers;
    if (originAllowed(typeof origin === 'string' ? origin : undefined, host, config)) return next();
    next(new Error(LIVE_REFUSALS.forbiddenOrigin));
  };
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
