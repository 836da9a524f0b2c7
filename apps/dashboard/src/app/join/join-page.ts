import { ChangeDetectionStrategy, Component, computed, DestroyRef, DOCUMENT, effect, inject, input, signal, untracked } from '@angular/core';
import { Title } from '@angular/platform-browser';
import type { JoinChannel, JoinLinkInfo } from '@convoy/contracts';
import { errorStatus } from '../core/http/api-error';
import { Logo } from '../ui/logo';
import { BrowserSharing, type SharingDeps } from './browser-sharing';
import { DriverMessages } from './driver-messages';
import { GpsAppSetup } from './gps-app-setup';
import { JoinApi } from './join-api';
import { type JoinBinding, JoinStorage } from './join-storage';
import { JOIN_TEXTS, type JoinLanguage, pickLanguage } from './join-texts';

type JoinView =
  | { kind: 'loading' }
  | { kind: 'invalid' }
  | { kind: 'unreachable' }
  | { kind: 'choose'; info: JoinLinkInfo }
  | { kind: 'bound'; binding: JoinBinding };

/** Answers that mean "this link is of no use": unknown (404), expired / used / revoked (410), malformed (400). */
const LINK_REFUSED = new Set([400, 404, 410]);

/**
 * `/join/:token`, the driver's page (public: no sign-in, no dashboard shell; phone first, in the
 * browser's language). Offers Telegram, this browser and a GPS app; once this browser redeemed the
 * link it keeps showing that driver's page, whatever the link's state, from the key in localStorage.
 */
@Component({
  selector: 'cv-join-page',
  imports: [Logo, GpsAppSetup, DriverMessages],
  templateUrl: './join-page.html',
  styleUrl: './join-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class JoinPage {
  /** Route parameter `:token`. */
  readonly token = input.required<string>();

  private readonly api = inject(JoinApi);
  private readonly document = inject(DOCUMENT);
  private readonly title = inject(Title);
  private readonly window = this.document.defaultView;
  private readonly storage = new JoinStorage(safeLocalStorage(this.window));

  protected readonly language: JoinLanguage = pickLanguage(this.window?.navigator.languages ?? []);
  protected readonly t = JOIN_TEXTS[this.language];
  protected readonly view = signal<JoinView>({ kind: 'loading' });
  protected readonly busy = signal<JoinChannel | null>(null);
  protected readonly actionError = signal<string | null>(null);

  private battery: number | null = null;
  protected readonly sharing = new BrowserSharing(this.sharingDeps());

  protected readonly info = computed(() => {
    const view = this.view();
    return view.kind === 'choose' ? view.info : null;
  });
  protected readonly binding = computed(() => {
    const view = this.view();
    return view.kind === 'bound' ? view.binding : null;
  });
  protected readonly since = computed(() => this.timeOf(this.sharing.since()));
  protected readonly lastSent = computed(() => this.timeOf(this.sharing.lastSentAt(), true));

  private readonly timeFormat = new Intl.DateTimeFormat(this.language, { timeStyle: 'short' });
  private readonly secondsFormat = new Intl.DateTimeFormat(this.language, { timeStyle: 'medium' });

  constructor() {
    this.document.documentElement.lang = this.language;
    this.title.setTitle(`${this.t.title} · Convoy`);
    this.sharing.onStateChange = (state) => this.remember(state);
    effect(() => {
      const token = this.token();
      untracked(() => void this.open(token));
    });
    const onVisibility = () => this.document.visibilityState === 'visible' && this.sharing.onVisible();
    const onOnline = () => this.sharing.onOnline();
    this.document.addEventListener('visibilitychange', onVisibility);
    this.window?.addEventListener('online', onOnline);
    void this.watchBattery();
    inject(DestroyRef).onDestroy(() => {
      this.sharing.dispose();
      this.document.removeEventListener('visibilitychange', onVisibility);
      this.window?.removeEventListener('online', onOnline);
      this.document.documentElement.lang = 'en';
    });
  }

  protected retry(): void {
    void this.open(this.token());
  }

  /** A choice on the first visit, or switching between the browser and a GPS app later. */
  protected async choose(channel: JoinChannel): Promise<void> {
    if (this.busy()) return;
    this.busy.set(channel);
    this.actionError.set(null);
    const previous = this.binding();
    try {
      const response = await this.api.redeem(this.token(), channel, previous?.deviceKey ?? null);
      if (previous?.channel === 'browser' && channel !== 'browser') this.sharing.switchAway();
      const binding: JoinBinding = { ...response, channel, sharing: false };
      this.storage.save(this.token(), binding);
      this.view.set({ kind: 'bound', binding });
      if (channel === 'browser') this.sharing.start();
    } catch (error) {
      const status = errorStatus(error);
      if (status !== null && LINK_REFUSED.has(status) && !previous) {
        this.view.set({ kind: 'invalid' });
      } else {
        this.actionError.set(status === 0 ? this.t.unreachable : this.t.actionFailed);
      }
    } finally {
      this.busy.set(null);
    }
  }

  protected shareAgain(): void {
    this.sharing.start();
  }

  protected stop(): void {
    void this.sharing.stop();
  }

  private async open(token: string): Promise<void> {
    const stored = this.storage.load(token);
    if (stored) {
      this.view.set({ kind: 'bound', binding: stored });
      if (stored.channel === 'browser' && stored.sharing) this.sharing.start();
      return;
    }
    this.view.set({ kind: 'loading' });
    try {
      const info = await this.api.info(token);
      this.view.set({ kind: 'choose', info });
    } catch (error) {
      const status = errorStatus(error);
      this.view.set({ kind: status !== null && LINK_REFUSED.has(status) ? 'invalid' : 'unreachable' });
    }
  }

  /** Keeps "was sharing" in storage, so a reload resumes; a refused key is forgotten. */
  private remember(state: string): void {
    const binding = this.binding();
    if (!binding) return;
    if (state === 'revoked') {
      this.storage.forget(this.token());
      return;
    }
    const sharing = state === 'sharing';
    if (state !== 'sharing' && state !== 'ended' && state !== 'denied') return;
    if (binding.sharing === sharing) return;
    const next = { ...binding, sharing };
    this.storage.save(this.token(), next);
    this.view.set({ kind: 'bound', binding: next });
  }

  private timeOf(ms: number | null, seconds = false): string | null {
    if (ms === null) return null;
    return (seconds ? this.secondsFormat : this.timeFormat).format(ms);
  }

  private sharingDeps(): SharingDeps {
    const nav = this.window?.navigator;
    const wakeLock = (nav as (Navigator & { wakeLock?: SharingDeps['wakeLock'] }) | undefined)?.wakeLock ?? null;
    return {
      geolocation: nav?.geolocation ?? null,
      secureContext: this.window?.isSecureContext ?? false,
      send: (points) => {
        const binding = this.requireBinding();
        return this.api.track(binding.deviceKey, points);
      },
      stop: () => {
        const binding = this.requireBinding();
        return this.api.stop(binding.deviceKey);
      },
      wakeLock,
      battery: () => this.battery,
      now: () => Date.now(),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    };
  }

  private requireBinding(): JoinBinding {
    const binding = this.binding();
    if (!binding) throw new Error('not bound');
    return binding;
  }

  /** Chromium reports the battery (`navigator.getBattery`); others do not, and that is fine. */
  private async watchBattery(): Promise<void> {
    type Battery = EventTarget & { level: number };
    const getBattery = (this.window?.navigator as (Navigator & { getBattery?: () => Promise<Battery> }) | undefined)?.getBattery;
    if (typeof getBattery !== 'function') return;
    try {
      const battery = await getBattery.call(this.window?.navigator);
      const read = () => (this.battery = Math.round(battery.level * 100));
      read();
      battery.addEventListener('levelchange', read);
    } catch {
      this.battery = null;
    }
  }
}

function safeLocalStorage(window: Window | null): Storage | null {
  try {
    return window?.localStorage ?? null;
  } catch {
    return null; // blocked by the browser's privacy settings
  }
}
