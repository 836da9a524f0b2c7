import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { formatLocalDateTime, formatLocalDateTimeFull, LocalDateTime } from './local-date-time';

describe('formatLocalDateTime', () => {
  const iso = '2026-11-24T08:05:00.000Z';

  it('formats in the browser time zone, the way Intl does', () => {
    const expected = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
    expect(formatLocalDateTime(iso)).toBe(expected);
    expect(formatLocalDateTime(iso)).toContain('2026');
  });

  it('names the time zone in the long form', () => {
    const zone = new Intl.DateTimeFormat(undefined, { timeZoneName: 'short' })
      .formatToParts(new Date(iso))
      .find((part) => part.type === 'timeZoneName')?.value;
    expect(formatLocalDateTimeFull(iso)).toContain(zone);
  });

  it.each([null, undefined, '', 'not a date'])('shows nothing for %p', (value) => {
    expect(formatLocalDateTime(value)).toBe('');
  });
});

describe('LocalDateTime', () => {
  @Component({
    imports: [LocalDateTime],
    template: `<time [cvLocalDateTime]="at()"></time>`,
    changeDetection: ChangeDetectionStrategy.OnPush,
  })
  class Host {
    readonly at = signal('2026-11-24T08:05:00.000Z');
  }

  it('shows the short local time, the long one on hover, and the machine-readable one', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const time = (fixture.nativeElement as HTMLElement).querySelector('time');

    expect(time?.textContent).toBe(formatLocalDateTime('2026-11-24T08:05:00.000Z'));
    expect(time?.title).toBe(formatLocalDateTimeFull('2026-11-24T08:05:00.000Z'));
    expect(time?.getAttribute('datetime')).toBe('2026-11-24T08:05:00.000Z');

    fixture.componentInstance.at.set('2026-12-01T18:30:00.000Z');
    await fixture.whenStable();
    expect(time?.textContent).toBe(formatLocalDateTime('2026-12-01T18:30:00.000Z'));
    expect(time?.getAttribute('datetime')).toBe('2026-12-01T18:30:00.000Z');
  });
});
