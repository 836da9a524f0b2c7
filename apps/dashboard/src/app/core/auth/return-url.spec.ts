import { safeReturnUrl } from './return-url';

describe('safeReturnUrl', () => {
  it.each([
    ['/drivers?status=live', '/drivers?status=live'],
    ['/', '/'],
    [undefined, '/'],
    [null, '/'],
    ['', '/'],
    ['https://evil.example/', '/'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/login', '/'],
    ['/login?returnUrl=%2F', '/'],
    ['/drivers\n', '/'],
  ])('%p → %p', (input, expected) => {
    expect(safeReturnUrl(input)).toBe(expected);
  });
});
