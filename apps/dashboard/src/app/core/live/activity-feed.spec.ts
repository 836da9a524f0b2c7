import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { VisitChange, VisitDto } from '@convoy/contracts';
import { API } from '../http/api-paths';
import { ActivityFeed, formatDwell } from './activity-feed';

const visit = (over: Partial<VisitDto>): VisitDto => ({
  id: 'v1',
  driverId: 'd1',
  placeId: 'p1',
  arrivedAt: '2026-12-01T08:31:00.000Z',
  departedAt: null,
  dwellSeconds: 0,
  driverName: 'Aziz',
  placeName: 'Depot North',
  ...over,
});

describe('ActivityFeed', () => {
  let feed: ActivityFeed;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [ActivityFeed, provideHttpClient(), provideHttpClientTesting()] });
    feed = TestBed.inject(ActivityFeed);
    http = TestBed.inject(HttpTestingController);
  });

  it("starts with today's visits from the API, newest first, and shows a change pushed again once", async () => {
    const now = new Date('2026-12-01T12:00:00');
    const loading = feed.load(now);
    const request = http.expectOne((r) => r.url === API.visits);
    expect(request.request.params.get('from')).toBe(new Date('2026-12-01T00:00:00').toISOString());
    request.flush([
      visit({ id: 'yesterday', arrivedAt: new Date('2026-11-30T20:00:00').toISOString(), departedAt: new Date('2026-12-01T07:00:00').toISOString(), dwellSeconds: 39_600 }),
      visit({ id: 'v2', placeName: 'Customer Müller', arrivedAt: new Date('2026-12-01T09:00:00').toISOString(), departedAt: new Date('2026-12-01T09:24:00').toISOString(), dwellSeconds: 1440 }),
    ]);
    await loading;
    expect(feed.entries().map((e) => `${e.type} ${e.placeName}`)).toEqual(['departed Customer Müller', 'arrived Customer Müller', 'departed Depot North']);

    const departed: VisitChange = { type: 'departed', visit: visit({ id: 'v2', placeName: 'Customer Müller', arrivedAt: new Date('2026-12-01T09:00:00').toISOString(), departedAt: new Date('2026-12-01T09:24:00').toISOString(), dwellSeconds: 1440 }), driverName: 'Aziz', placeName: 'Customer Müller' };
    const arrived: VisitChange = { type: 'arrived', visit: visit({ id: 'v3', arrivedAt: new Date('2026-12-01T11:58:00').toISOString() }), driverName: 'Aziz', placeName: 'Depot North' };
    feed.add([departed, arrived]);
    expect(feed.entries().map((e) => e.key)).toEqual(['arrived:v3', 'departed:v2', 'arrived:v2', 'departed:yesterday']);
    expect(feed.entries()[1].dwellSeconds).toBe(1440);
  });

  it('says how long a stay was', () => {
    expect(formatDwell(40)).toBe('40 s');
    expect(formatDwell(24 * 60)).toBe('24 min');
    expect(formatDwell(125 * 60)).toBe('2 h 05 min');
  });
});
