import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Injectable } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ListResourceStore, RevocableListStore } from './list-resource.store';

interface Pass {
  id: string;
  holder: string;
  revokedAt: string | null;
}
type CreatedPass = Pass & { secret: string };

const URL = '/api/passes';
const pass = (overrides: Partial<Pass> = {}): Pass => ({ id: 'p-1', holder: 'Eva', revokedAt: null, ...overrides });
const created = (overrides: Partial<CreatedPass> = {}): CreatedPass => ({ ...pass({ id: 'p-new', holder: 'Petr' }), secret: 's3cret', ...overrides });

/** A feature store as the dashboard's are: a revocable list whose create answer carries a secret. */
@Injectable()
class PassesStore extends RevocableListStore<Pass, { holder: string }, CreatedPass> {
  readonly answers: CreatedPass[] = [];

  constructor() {
    super({
      url: URL,
      failures: { load: 'Could not load the passes', create: 'Could not issue the pass', revoke: 'Could not revoke the pass' },
      toItem: ({ secret: _secret, ...rest }) => rest,
      newItems: 'first',
      revoked: (item, revokedAt) => ({ ...item, revokedAt }),
    });
  }

  protected override onCreated(answer: CreatedPass): void {
    this.answers.push(answer);
  }
}

/** A list that adds at the end and changes items in place (like the users). */
@Injectable()
class HoldersStore extends ListResourceStore<Pass, { holder: string }> {
  lastError: string | null = null;

  constructor() {
    super({ url: URL, failures: { load: 'Could not load', create: 'Could not add' }, toItem: (item) => item, newItems: 'last' });
  }

  busy(id: string): boolean {
    return this.isBusy(id);
  }

  rename(id: string, holder: string): Promise<{ readonly answer: Pass } | null> {
    return this.changeItem(id, {
      send: (url) => this.http.patch<Pass>(url, { holder }),
      apply: (_, answer) => answer,
      failure: 'Could not rename',
      report: (message) => (this.lastError = message),
    });
  }
}

describe('ListResourceStore', () => {
  let store: PassesStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [PassesStore, HoldersStore, provideHttpClient(), provideHttpClientTesting()] });
    store = TestBed.inject(PassesStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function loadWith(items: Pass[]): Promise<void> {
    const done = store.load();
    http.expectOne({ method: 'GET', url: URL }).flush(items);
    await done;
  }

  const serverError = (message: string, status = 400) =>
    [{ statusCode: status, error: 'Bad Request', message }, { status, statusText: 'Error' }] as const;

  describe('loading', () => {
    it('shows the list once it arrived, and says whether it is still coming', async () => {
      expect(store.loaded()).toBe(false);
      const done = store.load();
      expect(store.loading()).toBe(true);
      http.expectOne({ method: 'GET', url: URL }).flush([pass()]);
      await done;

      expect(store.items()).toEqual([pass()]);
      expect(store.loading()).toBe(false);
      expect(store.loaded()).toBe(true);
    });

    it('keeps what was shown and says why when loading fails, then clears the message on success', async () => {
      await loadWith([pass()]);
      const failing = store.load();
      http.expectOne(URL).flush({}, { status: 503, statusText: 'Service Unavailable' });
      await failing;

      expect(store.items()).toEqual([pass()]);
      expect(store.loadError()).toBe('Could not load the passes: the server answered 503. Try again in a moment.');

      await loadWith([pass(), pass({ id: 'p-2' })]);
      expect(store.loadError()).toBeNull();
      expect(store.items()).toHaveLength(2);
    });

    it('says the server cannot be reached when the network is down', async () => {
      const done = store.load();
      http.expectOne(URL).error(new ProgressEvent('error'));
      await done;

      expect(store.loadError()).toBe('Cannot reach the Convoy server. Check your connection and try again.');
    });
  });

  describe('creating', () => {
    it('posts the request, puts the new item first without its secret, and hands the whole answer on', async () => {
      await loadWith([pass()]);
      const done = store.create({ holder: 'Petr' });
      expect(store.creating()).toBe(true);
      const req = http.expectOne({ method: 'POST', url: URL });
      expect(req.request.body).toEqual({ holder: 'Petr' });
      req.flush(created(), { status: 201, statusText: 'Created' });

      await expect(done).resolves.toEqual(created());
      expect(store.creating()).toBe(false);
      expect(store.items().map((item) => item.id)).toEqual(['p-new', 'p-1']);
      expect(JSON.stringify(store.items())).not.toContain('s3cret');
      expect(store.answers).toEqual([created()]);
    });

    it("shows the server's reason when creating fails and leaves the list alone", async () => {
      await loadWith([pass()]);
      const done = store.create({ holder: '' });
      http.expectOne(URL).flush(...serverError('holder should not be empty'));

      await expect(done).resolves.toBeNull();
      expect(store.createError()).toBe('Could not issue the pass: holder should not be empty');
      expect(store.items()).toEqual([pass()]);
      expect(store.answers).toEqual([]);

      store.clearCreateError();
      expect(store.createError()).toBeNull();
    });

    it('sends one request however often the button is pressed while it is on its way', async () => {
      const first = store.create({ holder: 'Petr' });
      await expect(store.create({ holder: 'Petr' })).resolves.toBeNull();
      http.expectOne({ method: 'POST', url: URL }).flush(created());
      await first;

      expect(store.items()).toHaveLength(1);
    });

    it('clears the last failure when the next attempt starts', async () => {
      const failing = store.create({ holder: '' });
      http.expectOne(URL).flush(...serverError('holder should not be empty'));
      await failing;

      const again = store.create({ holder: 'Petr' });
      expect(store.createError()).toBeNull();
      http.expectOne(URL).flush(created());
      await again;
    });

    it('adds at the end where the list is not newest-first', async () => {
      const holders = TestBed.inject(HoldersStore);
      const loading = holders.load();
      http.expectOne(URL).flush([pass()]);
      await loading;

      const done = holders.create({ holder: 'Petr' });
      http.expectOne({ method: 'POST', url: URL }).flush(pass({ id: 'p-2', holder: 'Petr' }));
      await done;

      expect(holders.items().map((item) => item.id)).toEqual(['p-1', 'p-2']);
    });

    it('does not let an older list answer hide what was created meanwhile', async () => {
      const loading = store.load();
      const creating = store.create({ holder: 'Petr' });
      http.expectOne({ method: 'POST', url: URL }).flush(created());
      await creating;
      http.expectOne({ method: 'GET', url: URL }).flush([pass()]);
      await loading;

      expect(store.items().map((item) => item.id)).toEqual(['p-new']);
      expect(store.loaded()).toBe(true);
    });
  });

  describe('revoking', () => {
    it('sends DELETE <url>/:id, shows the item revoked in the list, and is busy meanwhile', async () => {
      await loadWith([pass(), pass({ id: 'p/2' })]);
      const done = store.revoke('p/2');
      expect(store.isRevoking('p/2')).toBe(true);
      expect(store.isRevoking('p-1')).toBe(false);
      http.expectOne({ method: 'DELETE', url: `${URL}/p%2F2` }).flush(null, { status: 204, statusText: 'No Content' });

      await expect(done).resolves.toBe(true);
      expect(store.isRevoking('p/2')).toBe(false);
      expect(store.items()[1].revokedAt).not.toBeNull();
      expect(store.items()[0].revokedAt).toBeNull();
    });

    it('keeps the item as it was and says why when revoking fails; the next attempt starts clean', async () => {
      await loadWith([pass()]);
      const failing = store.revoke('p-1');
      http.expectOne({ method: 'DELETE', url: `${URL}/p-1` }).flush(...serverError('No such pass', 404));

      await expect(failing).resolves.toBe(false);
      expect(store.revokeError()).toBe('Could not revoke the pass: No such pass');
      expect(store.items()[0].revokedAt).toBeNull();
      expect(store.isRevoking('p-1')).toBe(false);

      const again = store.revoke('p-1');
      expect(store.revokeError()).toBeNull();
      http.expectOne({ method: 'DELETE', url: `${URL}/p-1` }).flush(null);
      await expect(again).resolves.toBe(true);
    });

    it('revokes an item once however often it is asked while the first is on its way', async () => {
      await loadWith([pass()]);
      const first = store.revoke('p-1');
      await expect(store.revoke('p-1')).resolves.toBe(false);
      http.expectOne({ method: 'DELETE', url: `${URL}/p-1` }).flush(null);
      await first;
    });

    it('does not let an older list answer bring a revoked item back', async () => {
      await loadWith([pass()]);
      const loading = store.load();
      const revoking = store.revoke('p-1');
      http.expectOne({ method: 'DELETE', url: `${URL}/p-1` }).flush(null);
      await revoking;
      http.expectOne({ method: 'GET', url: URL }).flush([pass()]);
      await loading;

      expect(store.items()[0].revokedAt).not.toBeNull();
    });
  });

  describe('changing one item', () => {
    let holders: HoldersStore;

    beforeEach(async () => {
      holders = TestBed.inject(HoldersStore);
      const loading = holders.load();
      http.expectOne(URL).flush([pass()]);
      await loading;
    });

    it("puts the server's answer in the item's place", async () => {
      const done = holders.rename('p-1', 'Eva Svobodová');
      expect(holders.busy('p-1')).toBe(true);
      const req = http.expectOne({ method: 'PATCH', url: `${URL}/p-1` });
      expect(req.request.body).toEqual({ holder: 'Eva Svobodová' });
      req.flush(pass({ holder: 'Eva Svobodová' }));

      await expect(done).resolves.toEqual({ answer: pass({ holder: 'Eva Svobodová' }) });
      expect(holders.items()).toEqual([pass({ holder: 'Eva Svobodová' })]);
      expect(holders.busy('p-1')).toBe(false);
    });

    it('reports why it failed where the caller asked, and keeps the item', async () => {
      const done = holders.rename('p-1', 'x');
      expect(holders.lastError).toBeNull();
      http.expectOne(`${URL}/p-1`).flush(...serverError('holder is too short'));

      await expect(done).resolves.toBeNull();
      expect(holders.lastError).toBe('Could not rename: holder is too short');
      expect(holders.items()).toEqual([pass()]);
    });
  });
});
