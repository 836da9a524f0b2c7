import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { JoinLinkInfo, JoinResponse } from '@convoy/contracts';
import { authInterceptor } from '../core/auth/auth.interceptor';
import { JoinPage } from './join-page';

const TOKEN = 'Zq3x8wKkT0aD9Xb1mVh8cPqL5sNf4eRj';
const INFO: JoinLinkInfo = {
  driverName: 'Jan Novák',
  telegramUrl: `https://t.me/convoy_test_bot?start=${TOKEN}`,
  expiresAt: '2026-12-04T10:00:00.000Z',
  state: 'pending',
};
const JOINED: JoinResponse = {
  driverId: 'driver-1',
  driverName: 'Jan Novák',
  deviceKey: 'dk_4f8a0c2e9b7d1f3a5c6e8b0d2f4a6c8e',
  ingest: {
    osmandUrl: 'http://localhost/ingest/osmand',
    owntracksUrl: 'http://localhost/ingest/owntracks',
    trackUrl: 'http://localhost/api/track',
  },
};

/** navigator.geolocation as the page sees it; `move` plays a new fix. */
const geo = {
  watching: false,
  success: null as PositionCallback | null,
  watchPosition(success: PositionCallback): number {
    this.watching = true;
    this.success = success;
    return 1;
  },
  clearWatch(): void {
    this.watching = false;
    this.success = null;
  },
  move(lat: number, lon: number): void {
    this.success?.({ timestamp: Date.now(), coords: { latitude: lat, longitude: lon, accuracy: 8, heading: null, speed: null, altitude: null } } as unknown as GeolocationPosition);
  },
};

function setBrowser(languages: string[]): void {
  Object.defineProperty(window.navigator, 'languages', { configurable: true, get: () => languages });
  Object.defineProperty(window.navigator, 'geolocation', { configurable: true, get: () => geo });
  Object.defineProperty(window, 'isSecureContext', { configurable: true, get: () => true });
}

describe('JoinPage', () => {
  let fixture: ComponentFixture<JoinPage>;
  let backend: HttpTestingController;
  let el: HTMLElement;

  beforeEach(() => {
    localStorage.clear();
    geo.clearWatch();
    setBrowser(['en-GB']);
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting(), provideRouter([])],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    fixture?.destroy();
    // the messages panel asks once when a browser binding shows (its own spec covers what it does)
    for (const poll of backend.match((r) => r.url === '/api/track/messages')) poll.flush([]);
    backend.verify();
  });

  async function render(): Promise<void> {
    fixture = TestBed.createComponent(JoinPage);
    fixture.componentRef.setInput('token', TOKEN);
    el = fixture.nativeElement as HTMLElement;
    await settle();
  }

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  const q = <T extends Element = HTMLElement>(testId: string): T | null => el.querySelector<T>(`[data-testid="${testId}"]`);

  function stored(): Record<string, unknown> | null {
    const raw = localStorage.getItem(`convoy.join.${TOKEN}`);
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : null;
  }

  it("greets the driver in the browser's language and offers Telegram, this browser and a GPS app", async () => {
    setBrowser(['de-DE', 'en']);
    await render();
    backend.expectOne({ method: 'GET', url: `/api/join/${TOKEN}` }).flush(INFO);
    await settle();

    expect(q('join-driver-name')?.textContent).toContain('Hallo, Jan Novák');
    expect(q<HTMLAnchorElement>('join-telegram')?.href).toBe(INFO.telegramUrl);
    expect(q('join-telegram')?.textContent).toContain('In Telegram öffnen');
    expect(q('join-browser')?.textContent).toContain('Aus diesem Browser teilen');
    expect(q('join-app')?.textContent).toContain('GPS-App einrichten');
    expect(document.documentElement.lang).toBe('de');
  });

  it('offers no Telegram button when the server has no bot', async () => {
    await render();
    backend.expectOne(`/api/join/${TOKEN}`).flush({ ...INFO, telegramUrl: null });
    await settle();
    expect(q('join-telegram')).toBeNull();
    expect(q('join-browser')).not.toBeNull();
  });

  it('says plainly that an expired, used or unknown link does not work', async () => {
    await render();
    backend.expectOne(`/api/join/${TOKEN}`).flush({ statusCode: 410, error: 'Gone', message: 'expired' }, { status: 410, statusText: 'Gone' });
    await settle();
    expect(q('join-invalid')?.textContent).toContain('Ask your dispatcher for a new link');
    expect(q('join-browser')).toBeNull();
  });

  it('"This browser": redeems the link, keeps the key, shares positions with it, and Stop ends sharing', async () => {
    await render();
    backend.expectOne(`/api/join/${TOKEN}`).flush(INFO);
    await settle();

    q<HTMLButtonElement>('join-browser')?.click();
    const redeem = backend.expectOne({ method: 'POST', url: `/api/join/${TOKEN}` });
    expect(redeem.request.body).toEqual({ channel: 'browser' });
    expect(redeem.request.headers.has('Authorization')).toBe(false);
    redeem.flush(JOINED);
    await settle();

    expect(stored()).toEqual(expect.objectContaining({ deviceKey: JOINED.deviceKey, channel: 'browser', sharing: true }));
    expect(geo.watching).toBe(true);
    expect(q('sharing-keep-open')?.textContent).toContain('Closing it (or the browser) stops sharing');

    geo.move(52.52, 13.405);
    const track = backend.expectOne({ method: 'POST', url: '/api/track' });
    expect(track.request.headers.get('Authorization')).toBe(`Bearer ${JOINED.deviceKey}`);
    expect(track.request.body).toEqual([expect.objectContaining({ lat: 52.52, lon: 13.405, accuracy: 8 })]);
    track.flush({ accepted: 1 });
    await settle();
    expect(q('sharing-status')?.textContent).toMatch(/Sharing since .+, last sent .+/);

    q<HTMLButtonElement>('sharing-stop')?.click();
    await settle();
    backend.expectOne({ method: 'DELETE', url: '/api/track' }).flush(null);
    await settle();
    expect(q('sharing-ended')?.textContent).toContain('Sharing ended');
    expect(geo.watching).toBe(false);
    expect(stored()).toEqual(expect.objectContaining({ sharing: false }));
  });

  it('re-opened on the same phone: resumes sharing with the kept key, without asking the server for a new driver', async () => {
    localStorage.setItem(`convoy.join.${TOKEN}`, JSON.stringify({ ...JOINED, channel: 'browser', sharing: true }));
    await render();
    backend.expectNone(`/api/join/${TOKEN}`);

    expect(q('join-driver-name')?.textContent).toContain('Jan Novák');
    expect(geo.watching).toBe(true);
    geo.move(50, 14);
    backend.expectOne('/api/track').flush({ accepted: 1 });
    await settle();
  });

  it('re-opened after Stop: shows the same driver, and sharing starts again only when asked', async () => {
    localStorage.setItem(`convoy.join.${TOKEN}`, JSON.stringify({ ...JOINED, channel: 'browser', sharing: false }));
    await render();
    expect(geo.watching).toBe(false);
    q<HTMLButtonElement>('sharing-start')?.click();
    await settle();
    expect(geo.watching).toBe(true);
    expect(stored()).toEqual(expect.objectContaining({ sharing: true }));
  });

  it('a disconnected device: says so, stops watching and forgets the key', async () => {
    localStorage.setItem(`convoy.join.${TOKEN}`, JSON.stringify({ ...JOINED, channel: 'browser', sharing: true }));
    await render();
    geo.move(50, 14);
    backend.expectOne('/api/track').flush({ statusCode: 401, error: 'Unauthorized', message: 'revoked' }, { status: 401, statusText: 'Unauthorized' });
    await settle();
    expect(q('sharing-revoked')?.textContent).toContain('Ask your dispatcher for a new link');
    expect(stored()).toBeNull();
    expect(geo.watching).toBe(false);
  });

  it('"GPS app": shows the Traccar Client QR code and identifier, then the other apps\' addresses', async () => {
    await render();
    backend.expectOne(`/api/join/${TOKEN}`).flush(INFO);
    await settle();
    q<HTMLButtonElement>('join-app')?.click();
    const redeem = backend.expectOne({ method: 'POST', url: `/api/join/${TOKEN}` });
    expect(redeem.request.body).toEqual({ channel: 'app' });
    redeem.flush(JOINED);
    await settle();
    await settle();

    expect(q<HTMLInputElement>('traccar-server-url')?.value).toBe(JOINED.ingest.osmandUrl);
    expect(q<HTMLInputElement>('traccar-device-id')?.value).toBe(JOINED.deviceKey);
    const qr = q<HTMLImageElement>('traccar-qr');
    expect(qr?.getAttribute('data-text')).toBe(`${JOINED.ingest.osmandUrl}?id=${JOINED.deviceKey}&accuracy=high`);
    expect(qr?.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
    expect(geo.watching).toBe(false);

    q<HTMLButtonElement>('gps-app-owntracks')?.click();
    await settle();
    expect(q<HTMLInputElement>('owntracks-url')?.value).toBe(JOINED.ingest.owntracksUrl);
    expect(q<HTMLInputElement>('owntracks-password')?.value).toBe(JOINED.deviceKey);

    // switching to the browser later sends the key this browser holds: the same driver, not a second one
    q<HTMLButtonElement>('join-browser')?.click();
    const again = backend.expectOne({ method: 'POST', url: `/api/join/${TOKEN}` });
    expect(again.request.body).toEqual({ channel: 'browser' });
    expect(again.request.headers.get('Authorization')).toBe(`Bearer ${JOINED.deviceKey}`);
    again.flush(JOINED);
    await settle();
    expect(geo.watching).toBe(true);
  });

  it('from sharing in the browser to a GPS app and back: stops watching, then shares again with the same key', async () => {
    localStorage.setItem(`convoy.join.${TOKEN}`, JSON.stringify({ ...JOINED, channel: 'browser', sharing: true }));
    await render();
    expect(geo.watching).toBe(true);

    q<HTMLButtonElement>('join-app')?.click();
    const toApp = backend.expectOne({ method: 'POST', url: `/api/join/${TOKEN}` });
    expect(toApp.request.body).toEqual({ channel: 'app' });
    expect(toApp.request.headers.get('Authorization')).toBe(`Bearer ${JOINED.deviceKey}`);
    toApp.flush(JOINED);
    await settle();
    expect(geo.watching).toBe(false);
    expect(stored()).toEqual(expect.objectContaining({ channel: 'app', sharing: false }));

    q<HTMLButtonElement>('join-browser')?.click();
    backend.expectOne({ method: 'POST', url: `/api/join/${TOKEN}` }).flush(JOINED);
    await settle();
    expect(geo.watching).toBe(true);
    expect(stored()).toEqual(expect.objectContaining({ channel: 'browser', sharing: true }));
  });
});
