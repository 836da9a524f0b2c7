import type { Principal } from '../principal';
import { revocationCovers } from './credential-revocation';

const session: Principal = { user: { id: 'u1', email: 'a@x.test', role: 'admin' }, via: 'session', credentialId: 's1', expiresAt: null };
const token: Principal = { ...session, via: 'api-token', credentialId: 't1' };

describe('revocationCovers', () => {
  it('matches one credential by its id, whatever its kind', () => {
    expect(revocationCovers({ reason: 'signed-out', credentialId: 's1' }, session)).toBe(true);
    expect(revocationCovers({ reason: 'token-revoked', credentialId: 't1' }, token)).toBe(true);
    expect(revocationCovers({ reason: 'signed-out', credentialId: 's2' }, session)).toBe(false);
  });

  it("matches a user's credentials of one kind only", () => {
    expect(revocationCovers({ reason: 'account-disabled', userId: 'u1', via: 'session' }, session)).toBe(true);
    expect(revocationCovers({ reason: 'account-disabled', userId: 'u1', via: 'session' }, token)).toBe(false);
    expect(revocationCovers({ reason: 'account-disabled', userId: 'u2', via: 'session' }, session)).toBe(false);
  });

  it('spares the session that changed the password', () => {
    const change = { reason: 'password-changed', userId: 'u1', via: 'session', exceptCredentialId: 's1' } as const;
    expect(revocationCovers(change, session)).toBe(false);
    expect(revocationCovers(change, { ...session, credentialId: 's9' })).toBe(true);
  });
});
