import type { Socket } from 'socket.io';
import { handshakeToken } from './socket-authentication';

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
