import type { Socket } from 'socket.io';
import type { AuthenticationService } from '@convoy/server/auth';
import { handshakeToken, socketAuthMiddleware } from './socket-authentication';

const socket = (handshake: { auth?: Record<string, unknown>; headers?: Record<string, string> }) =>
  ({ handshake: { auth: handshake.auth ?? {}, headers: handshake.headers ?? {} } }) as unknown as Pick<Socket, 'handshake'>;

describe('handshakeToken', () => {
  it('takes auth.token first, then a Bearer header, then the session cookie', () => {
    expect(handshakeToken(socket({ auth: { token: 'cvs_a' }, headers: { cookie: 'convoy_session=cvs_c' } }))).toBe('cvs_a');
    expect(handshakeToken(socket({ headers: { authorization: 'Bearer cvt_b', cookie: 'convoy_session=cvs_c' } }))).toBe('cvt_b');
    expect(handshakeToken(socket({ headers: { cookie: 'theme=dark; convoy_session=cvs_c' } }))).toBe('cvs_c');
  });

  it('gives null without any credential', () => {
    expect(handshakeToken(socket({}))).toBeNull();
    expect(handshakeToken(socket({ auth: { token: 42 }, headers: { cookie: 'theme=dark' } }))).toBeNull();
  });
});

describe('socketAuthMiddleware', () => {
  const run = (authenticate: () => Promise<unknown>) =>
    new Promise<Error | undefined>((resolve) => {
      const service = { authenticate } as unknown as AuthenticationService;
      const handshaken = { ...socket({ auth: { token: 'cvs_a' } }), data: {} } as unknown as Socket;
      socketAuthMiddleware(service)(handshaken, resolve);
    });

  it('refuses an unknown credential as "unauthorized"', async () => {
    expect((await run(() => Promise.resolve(null)))?.message).toBe('unauthorized');
  });

  it('says "unavailable" when the credential cannot be checked, so the dashboard retries rather than signing out', async () => {
    expect((await run(() => Promise.reject(new Error('connect ECONNREFUSED'))))?.message).toBe('unavailable');
  });

  it('lets a valid credential through', async () => {
    expect(await run(() => Promise.resolve({ kind: 'session' }))).toBeUndefined();
  });
});
