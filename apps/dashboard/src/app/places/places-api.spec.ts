import { importContentType } from './places-api';

describe('importContentType', () => {
  it('sends CSV and GeoJSON files with their own content type, whatever the browser guessed', () => {
    expect(importContentType({ name: 'customers.CSV', type: '' })).toBe('text/csv');
    expect(importContentType({ name: 'export', type: 'text/csv' })).toBe('text/csv');
    expect(importContentType({ name: 'depots.geojson', type: 'application/octet-stream' })).toBe('application/geo+json');
    expect(importContentType({ name: 'depots.json', type: 'application/json' })).toBe('application/geo+json');
    expect(importContentType({ name: 'sites.xlsx', type: 'application/vnd.ms-excel' })).toBeNull();
  });
});
