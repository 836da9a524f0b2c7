import { OpaqueTokens } from './opaque-tokens';

describe('OpaqueTokens', () => {
  const tokens = new OpaqueTokens('a-test-secret-that-is-long-enough-0123456789');

  it('issues prefixed 256-bit secrets and stores only a keyed hash', () => {
    const session = tokens.issue('session');
    const api = tokens.issue('api');
    expect(session.token).toMatch(/^cvs_[A-Za-z0-9_-]{43}$/);
    expect(api.token).toMatch(/^cvt_[A-Za-z0-9_-]{43}$/);
    expect(session.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(session.hash).not.toContain(session.token.slice(4, 20));
    expect(tokens.hash(session.token)).toBe(session.hash);
  });

  it('depends on APP_SECRET: another secret gives another hash', () => {
    const { token, hash } = tokens.issue('session');
    expect(new OpaqueTokens('another-secret-another-secret-another-secret').hash(token)).not.toBe(hash);
  });

  it('tells the kind of a well-formed token and rejects anything else', () => {
    expect(tokens.kindOf(tokens.issue('api').token)).toBe('api');
    expect(tokens.kindOf(tokens.issue('session').token)).toBe('session');
    expect(tokens.kindOf('cvs_short')).toBeNull();
    expect(tokens.kindOf('Bearer xyz')).toBeNull();
  });
});
