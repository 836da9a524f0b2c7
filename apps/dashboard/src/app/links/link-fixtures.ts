import type { CreatedLinkResponse, LinkDto } from '@convoy/contracts';

/** Test data for the links specs. */
export function linkDto(overrides: Partial<LinkDto> = {}): LinkDto {
  return {
    id: 'link-1',
    driverName: 'Jan Novák',
    note: null,
    status: 'pending',
    createdBy: 'dispatch@convoy.test',
    createdAt: '2026-11-24T08:00:00.000Z',
    expiresAt: '2026-11-27T08:00:00.000Z',
    redeemedAt: null,
    redeemedDriverId: null,
    revokedAt: null,
    ...overrides,
  };
}

export function createdLink(overrides: Partial<CreatedLinkResponse> = {}): CreatedLinkResponse {
  return {
    ...linkDto({ id: 'link-new', driverName: 'Eva Svobodová' }),
    url: 'https://t.me/convoy_test_bot?start=Zq3x8wKkT0aD9Xb1mVh8cPqL5sNf4eRj',
    joinUrl: 'http://localhost/join/Zq3x8wKkT0aD9Xb1mVh8cPqL5sNf4eRj',
    driverId: 'driver-reserved-1',
    token: 'Zq3x8wKkT0aD9Xb1mVh8cPqL5sNf4eRj',
    qrSvg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 29 29"><path d="M0 0h7v7H0z"/></svg>',
    ...overrides,
  };
}
