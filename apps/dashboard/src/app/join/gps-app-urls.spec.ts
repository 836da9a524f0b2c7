import type { IngestUrls } from '@convoy/contracts';
import { gpsLoggerUrl, osmandTrackingUrl, traccarQrUrl } from './gps-app-urls';

const ingest: IngestUrls = {
  osmandUrl: 'https://convoy.example/ingest/osmand',
  owntracksUrl: 'https://convoy.example/ingest/owntracks',
  trackUrl: 'https://convoy.example/api/track',
};
const key = 'k3y_With-Chars';

describe('GPS app addresses', () => {
  it('gives Traccar Client a URL whose origin + path is the server and whose query is its identifier', () => {
    const url = new URL(traccarQrUrl(ingest, key));
    expect(`${url.origin}${url.pathname}`).toBe(ingest.osmandUrl);
    expect(url.searchParams.get('id')).toBe(key);
  });

  it("gives OsmAnd its placeholders, without {5} (OsmAnd's speed is m/s, the protocol's is knots)", () => {
    const url = osmandTrackingUrl(ingest, key);
    expect(url).toBe(`${ingest.osmandUrl}?id=${key}&lat={0}&lon={1}&timestamp={2}&hdop={3}&altitude={4}&bearing={6}`);
    expect(url).not.toContain('{5}');
  });

  it('gives GPSLogger its placeholders, the key escaped', () => {
    const url = gpsLoggerUrl(ingest, 'a+b/c');
    expect(url.startsWith(`${ingest.osmandUrl}?id=a%2Bb%2Fc&lat=%LAT&lon=%LON&timestamp=%TIMESTAMP`)).toBe(true);
    expect(url).not.toContain('%SPD');
  });
});
