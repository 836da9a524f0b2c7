import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  type ElementRef,
  inject,
  Injector,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import type { LiveDriver } from '../../core/live/live-driver';
import { STATUS_STYLE } from '../../map/status-style';
import { ChannelBadge } from '../channel-badge';
import { formatAgo } from '../format';
import { erasedNote } from '../erased-note';
import { driverRowLabel, rowSpeed } from './driver-row-label';

/** Height of one row (px): fixed, so only the rows in view need to exist. */
export const ROW_HEIGHT = 60;
/** Rows rendered beyond the visible ones, above and below. */
const OVERSCAN = 6;

/**
 * The drivers as a list of buttons, windowed: with 10,000 drivers only the ~20 rows in view (plus a
 * few) are in the DOM. Arrow keys, Home and End move between rows; Enter or a click chooses one.
 */
@Component({
  selector: 'cv-driver-list',
  imports: [ChannelBadge],
  templateUrl: './driver-list.html',
  styleUrl: './driver-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DriverList {
  readonly drivers = input.required<readonly LiveDriver[]>();
  readonly selectedId = input<string | null>(null);
  /** The ticking clock (ms) for "last seen". */
  readonly now = input.required<number>();
  /** A first full list has arrived (until then, an empty list means "loading"). */
  readonly loaded = input(true);
  readonly choose = output<string>();

  private readonly injector = inject(Injector);
  private readonly destroyRef = inject(DestroyRef);
  private readonly viewport = viewChild<ElementRef<HTMLElement>>('viewport');
  private readonly scrollTop = signal(0);
  private readonly height = signal(600);

  protected readonly rowHeight = ROW_HEIGHT;
  protected readonly statusStyle = STATUS_STYLE;
  protected readonly ago = formatAgo;
  protected readonly speed = rowSpeed;
  /** The row's accessible name: its visible pieces as one sentence. */
  protected readonly label = driverRowLabel;
  protected readonly erased = erasedNote;

  private readonly hasRows = computed(() => this.drivers().length > 0);

  /** The slice of rows to render and where it starts. */
  protected readonly visible = computed(() => {
    const drivers = this.drivers();
    const first = Math.max(0, Math.floor(this.scrollTop() / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(drivers.length, first + Math.ceil(this.height() / ROW_HEIGHT) + 2 * OVERSCAN);
    return { first, rows: drivers.slice(first, last) };
  });

  constructor() {
    // a driver chosen on the map: bring their row into view (not on every re-sort)
    effect(() => {
      const id = this.selectedId();
      // after rendering: the rows container must have its full height before scrolling
      if (id && this.hasRows()) untracked(() => afterNextRender(() => this.reveal(id), { injector: this.injector }));
    });
    afterNextRender(() => {
      const element = this.viewport()?.nativeElement;
      if (!element) return;
      const observer = new ResizeObserver(() => this.height.set(element.clientHeight || 600));
      observer.observe(element);
      this.destroyRef.onDestroy(() => observer.disconnect());
    });
  }

  protected onScroll(): void {
    this.scrollTop.set(this.viewport()?.nativeElement.scrollTop ?? 0);
  }

  protected onKeydown(event: KeyboardEvent, index: number): void {
    const last = this.drivers().length - 1;
    const page = Math.max(1, Math.floor(this.height() / ROW_HEIGHT) - 1);
    const target =
      event.key === 'ArrowDown'
        ? index + 1
        : event.key === 'ArrowUp'
          ? index - 1
          : event.key === 'PageDown'
            ? index + page
            : event.key === 'PageUp'
              ? index - page
              : event.key === 'Home'
                ? 0
                : event.key === 'End'
                  ? last
                  : null;
    if (target === null) return;
    event.preventDefault();
    this.focusRow(Math.min(last, Math.max(0, target)));
  }

  private reveal(driverId: string): void {
    const element = this.viewport()?.nativeElement;
    const index = this.drivers().findIndex((driver) => driver.id === driverId);
    if (!element || index < 0) return;
    const top = index * ROW_HEIGHT;
    if (top >= element.scrollTop && top + ROW_HEIGHT <= element.scrollTop + element.clientHeight) return;
    element.scrollTop = Math.max(0, top - (element.clientHeight - ROW_HEIGHT) / 2);
    this.scrollTop.set(element.scrollTop);
  }

  /** Scrolls row `index` into view (rendering it if needed), then focuses it. */
  private focusRow(index: number): void {
    const element = this.viewport()?.nativeElement;
    if (!element) return;
    const top = index * ROW_HEIGHT;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + ROW_HEIGHT > element.scrollTop + element.clientHeight) element.scrollTop = top + ROW_HEIGHT - element.clientHeight;
    this.scrollTop.set(element.scrollTop);
    afterNextRender(() => element.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus(), { injector: this.injector });
  }
}
