import { randomPassword } from './random-password';

describe('randomPassword', () => {
  it('is long enough for the server (≥ 12) and has no look-alike characters', () => {
    const password = randomPassword();
    expect(password).toHaveLength(18);
    expect(password).toMatch(/^[a-zA-Z2-9]+$/);
    expect(password).not.toMatch(/[01lIO]/);
  });

  it('differs every time', () => {
    expect(new Set(Array.from({ length: 20 }, () => randomPassword())).size).toBe(20);
  });

  it('skips bytes that would bias the choice', () => {
    const bytes = [255, 254, 0, 1];
    const password = randomPassword(2, (buffer) => buffer.map((_, i) => bytes[i % bytes.length]));
    expect(password).toBe('ab');
  });
});
