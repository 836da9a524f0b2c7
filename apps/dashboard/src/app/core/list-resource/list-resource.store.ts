import { HttpClient } from '@angular/common/http';
import { inject, signal } from '@angular/core';
import { firstValueFrom, type Observable } from 'rxjs';
import { actionErrorMessage } from '../http/api-error';

/** A record the server keeps by id. */
export interface Identified {
  readonly id: string;
}

export interface ListResourceOptions<T, Created> {
  /** `GET` lists, `POST` creates; `<url>/:id` is one item. */
  readonly url: string;
  /** What failed, told before why: "Could not load the links: the server answered 500. …". */
  readonly failures: { readonly load: string; readonly create: string };
  /** The list entry for a create answer (which may carry a secret the list must not keep). */
  readonly toItem: (created: Created) => T;
  /** Where a created item shows: `first` in newest-first lists. */
  readonly newItems: 'first' | 'last';
}

/** One change to one item (`PATCH`, `DELETE` … on `<url>/:id`). */
export interface ItemChange<T, R> {
  /** The request, given the item's URL. */
  readonly send: (url: string) => Observable<R>;
  /** The item once the change worked, from the item before and the server's answer. */
  readonly apply: (item: T, answer: R) => T;
  /** What failed, told before why ("Could not disable the user"). */
  readonly failure: string;
  /** Where the failure is told: called with null when the change starts, with the message if it fails. */
  readonly report: (message: string | null) => void;
}

/**
 * The state of a page's list of server records: the list (`load()`), adding to it (`create()`), and
 * changes to one item (`changeItem()`), each with its busy flag and, when it failed, a message to show.
 * A feature store extends it with what only it knows (the links' status filter, a new token's secret…);
 * provided by the page, so each visit starts fresh.
 */
export abstract class ListResourceStore<T extends Identified, CreateRequest, Created = T> {
  protected readonly http = inject(HttpClient);

  private readonly _items = signal<readonly T[]>([]);
  private readonly _loading = signal(false);
  private readonly _loaded = signal(false);
  private readonly _loadError = signal<string | null>(null);
  private readonly _creating = signal(false);
  private readonly _createError = signal<string | null>(null);
  private readonly _busy = signal<ReadonlySet<string>>(new Set());
  /** Bumped by every change made here, so a list answer that started earlier cannot undo it. */
  private generation = 0;

  readonly items = this._items.asReadonly();
  readonly loading = this._loading.asReadonly();
  /** The first answer arrived (an empty list then means "none yet"). */
  readonly loaded = this._loaded.asReadonly();
  readonly loadError = this._loadError.asReadonly();
  readonly creating = this._creating.asReadonly();
  readonly createError = this._createError.asReadonly();

  protected constructor(private readonly options: ListResourceOptions<T, Created>) {}

  /** `GET <url>`. Keeps the current list on failure and says why in `loadError()`. */
  async load(): Promise<void> {
    const generation = this.generation;
    this._loading.set(true);
    try {
      const items = await firstValueFrom(this.http.get<T[]>(this.options.url));
      if (generation === this.generation) {
        this._items.set(items);
      }
      this._loadError.set(null);
      this._loaded.set(true);
    } catch (error) {
      this._loadError.set(actionErrorMessage(error, this.options.failures.load));
    } finally {
      this._loading.set(false);
    }
  }

  /** `POST <url>`. Resolves the server's answer (its item now in the list), or null with `createError()`. */
  async create(request: CreateRequest): Promise<Created | null> {
    if (this._creating()) {
      return null;
    }
    this._creating.set(true);
    this._createError.set(null);
    try {
      const created = await firstValueFrom(this.http.post<Created>(this.options.url, request));
      const item = this.options.toItem(created);
      this.onCreated(created);
      this.changeItems((items) => {
        const others = items.filter((other) => other.id !== item.id);
        return this.options.newItems === 'first' ? [item, ...others] : [...others, item];
      });
      return created;
    } catch (error) {
      this._createError.set(actionErrorMessage(error, this.options.failures.create));
      return null;
    } finally {
      this._creating.set(false);
    }
  }

  clearCreateError(): void {
    this._createError.set(null);
  }

  /** Called with each create answer: the place for what only that answer carries. */
  protected onCreated(_created: Created): void {
    // nothing by default
  }

  /** Whether a change to this item is on its way. */
  protected isBusy(id: string): boolean {
    return this._busy().has(id);
  }

  /**
   * Sends one change to one item, one at a time per item (`isBusy(id)` meanwhile), and puts the
   * changed item in its place. Resolves `{ answer }`, or null when it failed (`report` was told why)
   * or the item was busy already.
   */
  protected async changeItem<R>(id: string, change: ItemChange<T, R>): Promise<{ readonly answer: R } | null> {
    if (this.isBusy(id)) {
      return null;
    }
    this._busy.update((ids) => new Set(ids).add(id));
    change.report(null);
    try {
      const answer = await firstValueFrom(change.send(`${this.options.url}/${encodeURIComponent(id)}`));
      this.changeItems((items) => items.map((item) => (item.id === id ? change.apply(item, answer) : item)));
      return { answer };
    } catch (error) {
      change.report(actionErrorMessage(error, change.failure));
      return null;
    } finally {
      this._busy.update((ids) => {
        const next = new Set(ids);
        next.delete(id);
        return next;
      });
    }
  }

  private changeItems(change: (items: readonly T[]) => readonly T[]): void {
    this.generation++;
    this._items.update(change);
  }
}

export interface RevocableListOptions<T, Created> extends ListResourceOptions<T, Created> {
  readonly failures: { readonly load: string; readonly create: string; readonly revoke: string };
  /** The item once revoked at `revokedAt` (ISO time): it stays in the list, marked. */
  readonly revoked: (item: T, revokedAt: string) => T;
}

/** A list whose items are revoked (`DELETE <url>/:id`) rather than removed: tracking links, API tokens. */
export abstract class RevocableListStore<T extends Identified, CreateRequest, Created = T> extends ListResourceStore<
  T,
  CreateRequest,
  Created
> {
  private readonly _revokeError = signal<string | null>(null);
  /** Why the last revoke failed; cleared when the next one starts. */
  readonly revokeError = this._revokeError.asReadonly();

  protected constructor(private readonly revocation: RevocableListOptions<T, Created>) {
    super(revocation);
  }

  isRevoking(id: string): boolean {
    return this.isBusy(id);
  }

  /** `DELETE <url>/:id`: it stops working at once. Resolves whether it worked. */
  async revoke(id: string): Promise<boolean> {
    const revoked = await this.changeItem(id, {
      send: (url) => this.http.delete<void>(url),
      apply: (item) => this.revocation.revoked(item, new Date().toISOString()),
      failure: this.revocation.failures.revoke,
      report: (message) => this._revokeError.set(message),
    });
    return revoked !== null;
  }
}
