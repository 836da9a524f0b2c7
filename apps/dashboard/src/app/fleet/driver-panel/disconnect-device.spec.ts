import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { LiveStore } from '../../core/live/live.store';
import { driverDto } from '../../core/live/live-test-data';
import { polyfillDialog } from '../../ui/dialog-test-polyfill';
import { DisconnectDevice } from './disconnect-device';

describe('DisconnectDevice', () => {
  let fixture: ComponentFixture<DisconnectDevice>;
  let backend: HttpTestingController;
  let el: HTMLElement;
  const applyLocally = jest.fn();

  beforeAll(polyfillDialog);

  beforeEach(async () => {
    applyLocally.mockReset();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: LiveStore, useValue: { applyLocally } }],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(DisconnectDevice);
    fixture.componentRef.setInput('driverId', 'd-1');
    fixture.componentRef.setInput('name', 'Jan');
    fixture.componentRef.setInput('what', 'browser');
    el = fixture.nativeElement as HTMLElement;
    await settle();
  });

  afterEach(() => backend.verify());

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  const q = <T extends Element = HTMLElement>(testId: string): T | null => el.querySelector<T>(`[data-testid="${testId}"]`);

  it('asks first; Cancel changes nothing', async () => {
    q<HTMLButtonElement>('disconnect-device')?.click();
    await settle();
    const dialog = q<HTMLDialogElement>('disconnect-dialog');
    expect(dialog?.hasAttribute('open')).toBe(true);
    expect(dialog?.textContent).toContain('Disconnect Jan’s device?');
    expect(dialog?.textContent).toContain('The browser stops sending positions at once');
    dialog?.querySelector<HTMLButtonElement>('[data-autofocus]')?.click();
    await settle();
    backend.expectNone({ method: 'DELETE' });
  });

  it('on confirm revokes the device and shows the driver as the server now has it', async () => {
    q<HTMLButtonElement>('disconnect-device')?.click();
    await settle();
    q<HTMLButtonElement>('confirm-button')?.click();
    await settle();
    const disconnected = driverDto('d-1', { name: 'Jan', channel: null });
    backend.expectOne({ method: 'DELETE', url: '/api/drivers/d-1/device' }).flush(disconnected);
    await settle();
    expect(applyLocally).toHaveBeenCalledWith({ type: 'upsert', driver: disconnected });
  });

  it('fetches the driver again when the server answers 204, and says why when it fails', async () => {
    q<HTMLButtonElement>('disconnect-device')?.click();
    await settle();
    q<HTMLButtonElement>('confirm-button')?.click();
    await settle();
    backend.expectOne({ method: 'DELETE', url: '/api/drivers/d-1/device' }).flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    backend.expectOne({ method: 'GET', url: '/api/drivers/d-1' }).flush(driverDto('d-1'));
    await settle();
    expect(applyLocally).toHaveBeenCalledTimes(1);

    q<HTMLButtonElement>('disconnect-device')?.click();
    await settle();
    q<HTMLButtonElement>('confirm-button')?.click();
    await settle();
    backend
      .expectOne({ method: 'DELETE', url: '/api/drivers/d-1/device' })
      .flush({ statusCode: 403, error: 'Forbidden', message: 'Needs the dispatcher role' }, { status: 403, statusText: 'Forbidden' });
    await settle();
    expect(q('disconnect-error')?.textContent).toContain('Could not disconnect the device: Needs the dispatcher role');
  });
});
