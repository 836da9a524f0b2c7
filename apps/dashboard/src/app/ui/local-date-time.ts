import { computed, Directive, input, Pipe, type PipeTransform } from '@angular/core';

/** The browser's locale and time zone: Intl picks both up when given none. */
const SHORT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const FULL = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'long' });

/** "24 Nov 2026, 09:30" in the browser's time zone; '' for no date. */
export function formatLocalDateTime(iso: string | null | undefined): string {
  const date = parse(iso);
  return date ? SHORT.format(date) : '';
}

/** With the weekday and the time zone's name, for a tooltip. */
export function formatLocalDateTimeFull(iso: string | null | undefined): string {
  const date = parse(iso);
  return date ? FULL.format(date) : '';
}

function parse(iso: string | null | undefined): Date | null {
  if (!iso) {
    return null;
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `{{ link.createdAt | localDateTime }}`, or `| localDateTime: 'full'` for the long form. */
@Pipe({ name: 'localDateTime' })
export class LocalDateTimePipe implements PipeTransform {
  transform(iso: string | null | undefined, style: 'short' | 'full' = 'short'): string {
    return style === 'full' ? formatLocalDateTimeFull(iso) : formatLocalDateTime(iso);
  }
}

/**
 * `<time [cvLocalDateTime]="link.createdAt"></time>`: the short local form as its text, the long one
 * as its tooltip, and the ISO time as its `datetime`.
 */
@Directive({
  selector: 'time[cvLocalDateTime]',
  host: { '[attr.datetime]': 'iso()', '[title]': 'full()', '[textContent]': 'short()' },
})
export class LocalDateTime {
  readonly iso = input.required<string>({ alias: 'cvLocalDateTime' });
  protected readonly short = computed(() => formatLocalDateTime(this.iso()));
  protected readonly full = computed(() => formatLocalDateTimeFull(this.iso()));
}
