import { TestBed } from '@angular/core/testing';
import { MapLegend } from './map-legend';

describe('MapLegend', () => {
  const labels = (el: HTMLElement) => Array.from(el.querySelectorAll('.cv-legend-label'), (label) => label.textContent?.trim());

  function render(options: { demo?: boolean; wide: boolean }): HTMLElement {
    window.matchMedia = jest.fn().mockReturnValue({ matches: options.wide }) as unknown as typeof window.matchMedia;
    const fixture = TestBed.createComponent(MapLegend);
    if (options.demo !== undefined) fixture.componentRef.setInput('demo', options.demo);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  beforeEach(() => localStorage.clear());
  afterEach(() => delete (window as { matchMedia?: unknown }).matchMedia);

  it('explains the demo marker only when the fleet has demo drivers', () => {
    expect(labels(render({ wide: true }))).toEqual(['Live', 'Stale', 'Sharing ended', 'Offline', 'Arrow', 'Group']);
    expect(labels(render({ demo: true, wide: true }))).toEqual(['Live', 'Stale', 'Sharing ended', 'Offline', 'Demo', 'Arrow', 'Group']);
  });

  it('starts open on wide screens and folded on phones, then as the dispatcher left it', () => {
    const details = (el: HTMLElement) => el.querySelector('details') as HTMLDetailsElement;
    expect(details(render({ wide: true })).open).toBe(true);
    expect(details(render({ wide: false })).open).toBe(false);

    const phone = details(render({ wide: false }));
    phone.open = true;
    phone.dispatchEvent(new Event('toggle'));
    expect(details(render({ wide: false })).open).toBe(true);
  });
});
