import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  inject,
  Injector,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { serverMessage } from '../../core/http/api-error';
import { DriversApi } from '../../core/live/drivers-api';
import { LiveStore } from '../../core/live/live.store';

/** The driver's name as the panel's heading; dispatchers and admins can rename it in place. */
@Component({
  selector: 'cv-driver-name-editor',
  template: `
    @if (editing()) {
      <form class="edit" (submit)="save($event)" data-testid="rename-form">
        <label class="cv-visually-hidden" for="driver-name-input">Driver name</label>
        <input
          #field
          id="driver-name-input"
          type="text"
          maxlength="120"
          required
          autocomplete="off"
          [value]="name()"
          [attr.aria-invalid]="error() ? 'true' : null"
          [attr.aria-describedby]="error() ? 'driver-name-error' : null"
          (keydown.escape)="cancel()"
        />
        <button type="submit" class="primary" [disabled]="saving()">{{ saving() ? 'Saving…' : 'Save' }}</button>
        <button type="button" (click)="cancel()">Cancel</button>
        @if (error(); as message) {
          <p id="driver-name-error" class="error" role="alert">{{ message }}</p>
        }
      </form>
    } @else {
      <div class="view">
        <h2 id="driver-panel-title" data-testid="driver-name">{{ name() }}</h2>
        @if (canEdit()) {
          <button #renameButton type="button" class="rename" (click)="edit()" data-testid="rename-driver">
            Rename<span class="cv-visually-hidden"> {{ name() }}</span>
          </button>
        }
      </div>
    }
  `,
  styleUrl: './driver-name-editor.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DriverNameEditor {
  readonly driverId = input.required<string>();
  readonly name = input.required<string>();
  readonly canEdit = input(false);

  private readonly api = inject(DriversApi);
  private readonly live = inject(LiveStore);
  private readonly injector = inject(Injector);
  private readonly field = viewChild<ElementRef<HTMLInputElement>>('field');
  private readonly renameButton = viewChild<ElementRef<HTMLButtonElement>>('renameButton');

  protected readonly editing = signal(false);
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);

  protected edit(): void {
    this.error.set(null);
    this.editing.set(true);
    afterNextRender(() => this.field()?.nativeElement.select(), { injector: this.injector });
  }

  protected cancel(): void {
    this.editing.set(false);
    this.error.set(null);
    this.focusRenameButton();
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    const name = this.field()?.nativeElement.value.trim() ?? '';
    if (!name) {
      this.error.set('Enter a name.');
      return;
    }
    if (name === this.name()) {
      this.cancel();
      return;
    }
    this.saving.set(true);
    this.error.set(null);
    try {
      const driver = await this.api.rename(this.driverId(), name);
      this.live.applyLocally({ type: 'upsert', driver });
      this.editing.set(false);
      this.focusRenameButton();
    } catch (error) {
      this.error.set(serverMessage(error) ?? 'Could not rename the driver. Try again.');
    } finally {
      this.saving.set(false);
    }
  }

  private focusRenameButton(): void {
    afterNextRender(() => this.renameButton()?.nativeElement.focus(), { injector: this.injector });
  }
}
