import { DeviceIngestService, type DevicesService, type SharingService } from '@convoy/server/sharing';
import type { TrackingService } from '@convoy/server/tracking';
import Fastify from 'fastify';
import { registerGpsAppRoutes } from './gps-app.routes';

const KEY = `cvd_${'k'.repeat(43)}`;
const now = Math.floor(Date.now() / 1000);

/** The real DeviceIngestService (its limits and answers) over a fake key table and ingest. */
async function serve(options: { ingestFails?: Error } = {}) {
  const devices = { authenticate: jest.fn(async (key: unknown) => (key === KEY ? { driverId: 'd1', channel: 'osmand' } : null)) };
  const tracking = { ingest: jest.fn(() => (options.ingestFails ? Promise.reject(options.ingestFails) : Promise.resolve('stored'))) };
  const sharing = { recordCheckIn: jest.fn() };
  const ingest = new DeviceIngestService(devices as unknown as DevicesService, tracking as unknown as TrackingService, sharing as unknown as SharingService);
  const fastify = Fastify();
  const logger = { error: jest.fn() };
  const answered: string[] = [];
  fastify.addHook('onResponse', (request, reply, done) => {
    answered.push(`${request.routeOptions.url} ${reply.statusCode}`);
    done();
  });
  registerGpsAppRoutes(fastify, ingest, logger);
  await fastify.ready();
  return { fastify, tracking, logger, answered };
}

const osmand = (query: string) => `/ingest/osmand?${query}`;
const basic = (password: string) => `Basic ${Buffer.from(`phone:${password}`).toString('base64')}`;

describe('GPS-app ingest as plain Fastify routes', () => {
  it('stores an OsmAnd point (GET) and answers OK as text after the commit', async () => {
    const { fastify, tracking, answered } = await serve();
    const response = await fastify.inject({ method: 'GET', url: osmand(`id=${KEY}&lat=52.5&lon=13.4&timestamp=${now}`) });
    expect([response.statusCode, response.body, response.headers['content-type']]).toEqual([200, 'OK', 'text/plain; charset=utf-8']);
    expect(tracking.ingest).toHaveBeenCalledWith(expect.objectContaining({ driverId: 'd1', latitude: 52.5, longitude: 13.4, source: 'osmand' }));
    expect(answered).toEqual(['/ingest/osmand 200']);
  });

  it("takes Traccar Client's JSON body by POST", async () => {
    const { fastify, tracking } = await serve();
    const body = { device_id: KEY, location: { timestamp: new Date().toISOString(), coords: { latitude: 48.1, longitude: 11.6 } } };
    expect((await fastify.inject({ method: 'POST', url: '/ingest/osmand', payload: body })).statusCode).toBe(200);
    expect(tracking.ingest).toHaveBeenCalledWith(expect.objectContaining({ latitude: 48.1, longitude: 11.6 }));
  });

  it('refuses an unknown device key with 401 and its error code, storing nothing', async () => {
    const { fastify, tracking } = await serve();
    const response = await fastify.inject({ method: 'GET', url: osmand(`id=cvd_unknown&lat=52.5&lon=13.4`) });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ statusCode: 401, code: 'DEVICE_UNKNOWN' });
    expect(tracking.ingest).not.toHaveBeenCalled();
  });

  it('answers 400 to a request without a position', async () => {
    const { fastify } = await serve();
    const response = await fastify.inject({ method: 'GET', url: osmand(`id=${KEY}`) });
    expect([response.statusCode, response.json().message]).toEqual([400, 'No position in this request (lat/lon or location=)']);
  });

  it('limits a key to a burst of 40 requests: then 429 with Retry-After', async () => {
    // the clock stands still (the limiter reads it when it is built), so no token refills meanwhile
    const clock = jest.spyOn(Date, 'now').mockReturnValue(Date.now());
    const { fastify } = await serve();
    const statuses: number[] = [];
    let retryAfter: unknown;
    for (let i = 0; i < 41; i++) {
      const response = await fastify.inject({ method: 'GET', url: osmand(`id=${KEY}&lat=52.5&lon=13.4&timestamp=${now - 41 + i}`) });
      statuses.push(response.statusCode);
      retryAfter = response.headers['retry-after'];
    }
    expect(statuses.slice(0, 40).every((s) => s === 200)).toBe(true);
    expect(statuses[40]).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    clock.mockRestore();
  });

  it('answers 500 when storing failed (the app sends the point again) and logs it', async () => {
    const { fastify, logger } = await serve({ ingestFails: new Error('connection terminated') });
    const response = await fastify.inject({ method: 'GET', url: osmand(`id=${KEY}&lat=52.5&lon=13.4`) });
    expect([response.statusCode, response.json()]).toEqual([500, { statusCode: 500, message: 'Internal server error' }]);
    expect(logger.error).toHaveBeenCalledWith('Ingest failed: connection terminated');
  });

  it('stores an OwnTracks location with the key as Basic password and answers []', async () => {
    const { fastify, tracking } = await serve();
    const payload = { _type: 'location', lat: 50.1, lon: 8.7, tst: now };
    const response = await fastify.inject({ method: 'POST', url: '/ingest/owntracks', headers: { authorization: basic(KEY) }, payload });
    expect([response.statusCode, response.json()]).toEqual([200, []]);
    expect(tracking.ingest).toHaveBeenCalledWith(expect.objectContaining({ latitude: 50.1, source: 'owntracks' }));
  });

  it('accepts other OwnTracks messages only from a known device', async () => {
    const { fastify, tracking } = await serve();
    const payload = { _type: 'transition', event: 'enter' };
    expect((await fastify.inject({ method: 'POST', url: '/ingest/owntracks', headers: { authorization: basic(KEY) }, payload })).statusCode).toBe(200);
    expect((await fastify.inject({ method: 'POST', url: '/ingest/owntracks', headers: { authorization: basic('nope') }, payload })).statusCode).toBe(401);
    expect((await fastify.inject({ method: 'POST', url: '/ingest/owntracks', payload })).statusCode).toBe(401);
    expect(tracking.ingest).not.toHaveBeenCalled();
  });
});
