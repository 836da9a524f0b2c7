import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { API } from '../http/api-paths';
import { authInterceptor } from './auth.interceptor';
import { AuthStore } from './auth.store';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class Page {}

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let auth: AuthStore;
  let router: Router;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'login', component: Page },
          { path: 'drivers', component: Page },
        ]),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthStore);
    router = TestBed.inject(Router);

    const signedIn = auth.login({ email: 'admin@convoy.test', password: 'correct horse battery' });
    backend
      .expectOne(API.login)
      .flush({ user: { id: 'u-1', email: 'admin@convoy.test', role: 'admin' }, accessToken: 't', expiresAt: '' });
    await expect(signedIn).resolves.toBe(true);
    await router.navigateByUrl('/drivers');
  });

  afterEach(() => backend.verify());

  it('on a 401 from the API ends the local session and goes to /login, remembering the page', async () => {
    const call = firstValueFrom(http.get('/api/drivers'));
    backend.expectOne('/api/drivers').flush({}, { status: 401, statusText: 'Unauthorized' });

    await expect(call).rejects.toMatchObject({ status: 401 });
    expect(auth.user()).toBeNull();
    await new Promise((resolve) => setTimeout(resolve)); // let the redirect finish
    expect(router.url).toBe('/login?reason=expired&returnUrl=%2Fdrivers');
  });

  it('leaves other errors alone', async () => {
    const call = firstValueFrom(http.get('/api/drivers'));
    backend.expectOne('/api/drivers').flush({}, { status: 403, statusText: 'Forbidden' });

    await expect(call).rejects.toMatchObject({ status: 403 });
    expect(auth.signedIn()).toBe(true);
    expect(router.url).toBe('/drivers');
  });

  it('does not treat the 401 of /api/auth/me as an expired session', async () => {
    const call = firstValueFrom(http.get(API.me));
    backend.expectOne(API.me).flush({}, { status: 401, statusText: 'Unauthorized' });

    await expect(call).rejects.toMatchObject({ status: 401 });
    expect(auth.signedIn()).toBe(true);
    expect(router.url).toBe('/drivers');
  });

  it("does not sign a dispatcher out when a driver-side route refuses a device key (the join page on the dispatcher's phone)", async () => {
    for (const url of [API.track, `${API.join}/some-token`]) {
      const call = firstValueFrom(http.post(url, []));
      backend.expectOne(url).flush({}, { status: 401, statusText: 'Unauthorized' });
      await expect(call).rejects.toMatchObject({ status: 401 });
    }
    expect(auth.signedIn()).toBe(true);
    expect(router.url).toBe('/drivers');
  });

  it('ignores 401s from other sites', async () => {
    const call = firstValueFrom(http.get('https://tiles.example/1/2/3.png'));
    backend.expectOne('https://tiles.example/1/2/3.png').flush({}, { status: 401, statusText: 'Unauthorized' });

    await expect(call).rejects.toMatchObject({ status: 401 });
    expect(auth.signedIn()).toBe(true);
  });
});
