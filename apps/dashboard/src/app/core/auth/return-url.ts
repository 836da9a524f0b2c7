/**
 * Only same-app paths are followed after sign-in: `/drivers?x=1` yes; `https://evil`, `//evil`,
 * `/\evil` and `/login` loops no.
 */
export function safeReturnUrl(candidate: unknown): string {
  if (typeof candidate !== 'string' || !candidate.startsWith('/') || candidate.startsWith('//')) {
    return '/';
  }
  if (candidate.includes('\\') || hasControlCharacter(candidate)) {
    return '/';
  }
  if (candidate === '/login' || candidate.startsWith('/login?') || candidate.startsWith('/login/')) {
    return '/';
  }
  return candidate;
}

function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) {
      return true;
    }
  }
  return false;
}
