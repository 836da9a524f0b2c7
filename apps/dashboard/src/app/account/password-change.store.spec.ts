import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { API } from '../core/http/api-paths';
import { PasswordChangeStore } from './password-change.store';

describe('PasswordChangeStore', () => {
  let store: PasswordChangeStore;
  let http: HttpTestingController;
  const request = { currentPassword: 'the old passphrase', newPassword: 'a brand new passphrase' };

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [PasswordChangeStore, provideHttpClient(), provideHttpClientTesting()] });
    store = TestBed.inject(PasswordChangeStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('posts both passwords and reports success', async () => {
    const done = store.change(request);
    expect(store.submitting()).toBe(true);
    const req = http.expectOne({ method: 'POST', url: API.changePassword });
    expect(req.request.body).toEqual(request);
    req.flush(null, { status: 204, statusText: 'No Content' });

    await expect(done).resolves.toBe(true);
    expect(store.changed()).toBe(true);
    expect(store.error()).toBeNull();
    expect(store.submitting()).toBe(false);
  });

  it("shows the server's message when the current password is wrong", async () => {
    const done = store.change(request);
    http
      .expectOne(API.changePassword)
      .flush(
        { statusCode: 400, error: 'Bad Request', code: 'AUTH_WRONG_CURRENT_PASSWORD', message: 'The current password is not right' },
        { status: 400, statusText: 'Bad Request' },
      );

    await expect(done).resolves.toBe(false);
    expect(store.error()).toBe('The current password is not right');
    expect(store.changed()).toBe(false);
  });

  it('asks to wait when rate limited', async () => {
    const done = store.change(request);
    http.expectOne(API.changePassword).flush({}, { status: 429, statusText: 'Too Many Requests' });

    await expect(done).resolves.toBe(false);
    expect(store.error()).toBe('Too many attempts, try again in a minute.');
  });
});
