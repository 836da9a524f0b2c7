import { hashLinkToken, issueLinkToken, looksLikeLinkToken } from './link-token';

describe('link tokens', () => {
  it('fit a Telegram start parameter and carry 256 random bits', () => {
    const { token, hash } = issueLinkToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(looksLikeLinkToken(token)).toBe(true);
    expect(hash).toBe(hashLinkToken(token));
    expect(issueLinkToken().token).not.toBe(token);
  });

  it('refuses payloads that cannot be tokens before any lookup', () => {
    expect(looksLikeLinkToken('short')).toBe(false);
    expect(looksLikeLinkToken('x'.repeat(65))).toBe(false);
    expect(looksLikeLinkToken('has spaces in it and is long enough')).toBe(false);
  });
});
