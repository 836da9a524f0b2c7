import { originAllowed, socketOriginMiddleware } from './socket-origin';

const config = { publicUrl: 'https://convoy.example.com', corsOrigins: ['https://ops.example.org'] };

describe('originAllowed', () => {
  it("accepts the dashboard's own origin: the page was served by the host it connects to", () => {
    expect(originAllowed('http://127.0.0.1:3000', '127.0.0.1:3000', { publicUrl: null, corsOrigins: [] })).toBe(true);
    expect(originAllowed('http://Convoy.Local:8080', 'convoy.local:8080', { publicUrl: null, corsOrigins: [] })).toBe(true);
  });

  it('accepts PUBLIC_URL and CORS_ORIGINS, whatever path PUBLIC_URL carries', () => {
    expect(originAllowed('https://convoy.example.com', 'api-pod:3000', config)).toBe(true);
    expect(originAllowed('https://convoy.example.com', 'api-pod:3000', { ...config, publicUrl: 'https://convoy.example.com/fleet' })).toBe(true);
    expect(originAllowed('https://ops.example.org', 'api-pod:3000', config)).toBe(true);
  });

  it('refuses another site, another port or scheme of an allowed one, and "null"', () => {
    expect(originAllowed('https://evil.example', 'convoy.example.com', config)).toBe(false);
    expect(originAllowed('https://convoy.example.com:8443', 'api-pod:3000', config)).toBe(false);
    expect(originAllowed('http://convoy.example.com', 'api-pod:3000', config)).toBe(false);
    expect(originAllowed('null', 'convoy.example.com', config)).toBe(false);
  });

  it('lets a program without an Origin header through to the credential check', () => {
    expect(originAllowed(undefined, 'convoy.example.com', config)).toBe(true);
  });
});

describe('socketOriginMiddleware', () => {
  it('refuses a foreign origin with "forbidden-origin"', () => {
    const next = jest.fn();
    socketOriginMiddleware(config)({ handshake: { headers: { origin: 'https://evil.example', host: 'convoy.example.com' } } } as never, next);
    expect(next.mock.calls[0][0]).toEqual(new Error('forbidden-origin'));
  });
});
