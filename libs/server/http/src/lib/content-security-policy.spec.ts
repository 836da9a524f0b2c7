import { connectSources, cspDirectives, withStyleNonce } from './content-security-policy';

const tiles = { url: 'https://{s}.tile.example.org/{z}/{x}/{y}.png', attribution: '' };

describe('cspDirectives', () => {
  it("allows connections to this origin only, and styles from self without 'unsafe-inline'", () => {
    const directives = cspDirectives({ publicUrl: null, tiles });
    expect(directives['connectSrc']).toEqual(["'self'"]);
    expect(directives['styleSrc']).toEqual(["'self'"]);
    expect(directives['imgSrc']).toContain('https://*.tile.example.org');
  });

  it('adds exactly the PUBLIC_URL origin and its websocket origin', () => {
    expect(connectSources('https://convoy.example.com/fleet')).toEqual(["'self'", 'https://convoy.example.com', 'wss://convoy.example.com']);
    expect(connectSources('http://10.0.0.5:8080')).toEqual(["'self'", 'http://10.0.0.5:8080', 'ws://10.0.0.5:8080']);
  });

  it("adds the page's style nonce without touching the shared directives", () => {
    const shared = cspDirectives({ publicUrl: null, tiles });
    expect(withStyleNonce(shared, 'abc')['styleSrc']).toEqual(["'self'", "'nonce-abc'"]);
    expect(shared['styleSrc']).toEqual(["'self'"]);
  });
});
