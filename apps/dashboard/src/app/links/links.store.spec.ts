import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { LinkDto } from '@convoy/contracts';
import { API } from '../core/http/api-paths';
import { createdLink, linkDto } from './link-fixtures';
import { LinksStore } from './links.store';

describe('LinksStore', () => {
  let store: LinksStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [LinksStore, provideHttpClient(), provideHttpClientTesting()] });
    store = TestBed.inject(LinksStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function loadWith(links: LinkDto[]): Promise<void> {
    const done = store.load();
    http.expectOne({ method: 'GET', url: API.links }).flush(links);
    await done;
  }

  it('lists the links from GET /api/links', async () => {
    expect(store.loaded()).toBe(false);
    const done = store.load();
    expect(store.loading()).toBe(true);
    http.expectOne({ method: 'GET', url: API.links }).flush([linkDto()]);
    await done;

    expect(store.links()).toEqual([linkDto()]);
    expect(store.loaded()).toBe(true);
    expect(store.loading()).toBe(false);
  });

  it('keeps the list and says why when loading fails', async () => {
    await loadWith([linkDto()]);
    const done = store.load();
    http.expectOne(API.links).flush({}, { status: 500, statusText: 'Server Error' });
    await done;

    expect(store.links()).toHaveLength(1);
    expect(store.loadError()).toBe('Could not load the links: the server answered 500. Try again in a moment.');
  });

  it('creates a link, keeps its secret parts in created() only, and puts it first in the list', async () => {
    await loadWith([linkDto()]);
    const done = store.create({ driverName: 'Eva Svobodová', expiresInHours: 72 });
    expect(store.creating()).toBe(true);
    const req = http.expectOne({ method: 'POST', url: API.links });
    expect(req.request.body).toEqual({ driverName: 'Eva Svobodová', expiresInHours: 72 });
    req.flush(createdLink(), { status: 201, statusText: 'Created' });

    await expect(done).resolves.toEqual(createdLink());
    expect(store.created()?.token).toBe(createdLink().token);
    expect(store.links().map((link) => link.id)).toEqual(['link-new', 'link-1']);
    expect(JSON.stringify(store.links())).not.toContain(createdLink().token);
    expect(store.creating()).toBe(false);

    store.dismissCreated();
    expect(store.created()).toBeNull();
  });

  it("shows the server's message when creating fails", async () => {
    const done = store.create({ driverName: 'x'.repeat(121) });
    http
      .expectOne(API.links)
      .flush(
        { statusCode: 400, error: 'Bad Request', message: ['driverName must be shorter than or equal to 120 characters'] },
        { status: 400, statusText: 'Bad Request' },
      );

    await expect(done).resolves.toBeNull();
    expect(store.createError()).toBe(
      'Could not create the link: driverName must be shorter than or equal to 120 characters',
    );
    expect(store.created()).toBeNull();
  });

  it('does not let an older list answer hide a link created meanwhile', async () => {
    const loading = store.load();
    const creating = store.create({ driverName: 'Eva Svobodová' });
    http.expectOne({ method: 'POST', url: API.links }).flush(createdLink());
    await creating;
    http.expectOne({ method: 'GET', url: API.links }).flush([linkDto()]);
    await loading;

    expect(store.links().map((link) => link.id)).toEqual(['link-new']);
  });

  it('revokes with DELETE /api/links/:id and marks the link revoked', async () => {
    await loadWith([linkDto()]);
    const done = store.revoke('link-1');
    expect(store.isRevoking('link-1')).toBe(true);
    http.expectOne({ method: 'DELETE', url: `${API.links}/link-1` }).flush(null, { status: 204, statusText: 'No Content' });

    await expect(done).resolves.toBe(true);
    expect(store.links()[0].status).toBe('revoked');
    expect(store.links()[0].revokedAt).not.toBeNull();
    expect(store.isRevoking('link-1')).toBe(false);
  });

  it('keeps the link as it was when revoking fails', async () => {
    await loadWith([linkDto()]);
    const done = store.revoke('link-1');
    http
      .expectOne({ method: 'DELETE', url: `${API.links}/link-1` })
      .flush({ statusCode: 403, error: 'Forbidden', message: 'This needs the dispatcher role' }, { status: 403, statusText: 'Forbidden' });

    await expect(done).resolves.toBe(false);
    expect(store.links()[0].status).toBe('pending');
    expect(store.revokeError()).toBe('Could not revoke the link: This needs the dispatcher role');
  });

  it('filters by status and counts each one', async () => {
    await loadWith([
      linkDto({ id: 'a' }),
      linkDto({ id: 'b', status: 'redeemed', redeemedDriverId: 'd-1' }),
      linkDto({ id: 'c', status: 'expired' }),
      linkDto({ id: 'd', status: 'pending' }),
    ]);

    expect(store.counts()).toEqual({ all: 4, pending: 2, redeemed: 1, expired: 1, revoked: 0 });
    store.filter.set('pending');
    expect(store.visibleLinks().map((link) => link.id)).toEqual(['a', 'd']);
    store.filter.set('revoked');
    expect(store.visibleLinks()).toEqual([]);
    store.filter.set('all');
    expect(store.visibleLinks()).toHaveLength(4);
  });
});
