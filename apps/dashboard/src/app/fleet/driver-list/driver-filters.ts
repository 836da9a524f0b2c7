import { ChangeDetectionStrategy, Component, inject, output } from '@angular/core';
import { LiveStore } from '../../core/live/live.store';
import { STATUS_ORDER, STATUS_STYLE } from '../../map/status-style';
import { CloseIcon } from '../../ui/close-icon';
import { type DriverSort, FleetViewState } from '../fleet-view.state';

/** Above the driver list: the count per status (as filter chips), search by name, sort order. */
@Component({
  selector: 'cv-driver-filters',
  imports: [CloseIcon],
  templateUrl: './driver-filters.html',
  styleUrl: './driver-filters.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DriverFilters {
  protected readonly live = inject(LiveStore);
  protected readonly view = inject(FleetViewState);
  protected readonly statuses = STATUS_ORDER;
  protected readonly style = STATUS_STYLE;

  /** Narrow screens only (the list is a drawer there). */
  readonly closeDrawer = output<void>();

  protected onSearch(event: Event): void {
    this.view.search.set((event.target as HTMLInputElement).value);
  }

  protected onSort(event: Event): void {
    this.view.sort.set((event.target as HTMLSelectElement).value as DriverSort);
  }
}
