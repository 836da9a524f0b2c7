import { ChangeDetectionStrategy, Component, computed, inject, output } from '@angular/core';
import { LiveStore } from '../../core/live/live.store';
import { STATUS_ORDER, STATUS_STYLE } from '../../map/status-style';
import { CloseIcon } from '../../ui/close-icon';
import { type DriverSort, FleetViewState } from '../fleet-view.state';
import { currentPlaces } from './filter-drivers';

/** Above the driver list: the count per status (as filter chips), search by name, current place, sort order. */
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
  /** Places someone is at now; the chosen one stays listed (at 0) until the filter is cleared. */
  protected readonly places = computed(() => {
    const present = currentPlaces(this.live.fleet().drivers.values());
    const chosen = this.view.placeId();
    if (chosen && !present.some((p) => p.id === chosen)) present.unshift({ id: chosen, name: this.chosenName ?? 'Chosen place', count: 0 });
    return present;
  });
  private chosenName: string | null = null;

  /** Narrow screens only (the list is a drawer there). */
  readonly closeDrawer = output<void>();

  protected onSearch(event: Event): void {
    this.view.search.set((event.target as HTMLInputElement).value);
  }

  protected onPlace(event: Event): void {
    const id = (event.target as HTMLSelectElement).value || null;
    this.chosenName = this.places().find((p) => p.id === id)?.name ?? null;
    this.view.placeId.set(id);
  }

  protected onSort(event: Event): void {
    this.view.sort.set((event.target as HTMLSelectElement).value as DriverSort);
  }
}
