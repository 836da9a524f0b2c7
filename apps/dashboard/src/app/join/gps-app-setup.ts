import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import type { JoinResponse } from '@convoy/contracts';
import { QrCode } from '../ui/qr-code';
import { JoinCopyField } from './copy-field';
import { GPS_APP_NAMES, GPS_APPS, type GpsApp, gpsLoggerUrl, osmandTrackingUrl, traccarQrUrl } from './gps-app-urls';
import type { JoinTexts } from './join-texts';

/**
 * Step-by-step setup of a GPS app with this driver's device key: Traccar Client (QR code it scans,
 * or server URL + identifier as text), OsmAnd and GPSLogger (one address with placeholders) and
 * OwnTracks (HTTP mode, Basic auth with the key as password).
 */
@Component({
  selector: 'cv-gps-app-setup',
  imports: [QrCode, JoinCopyField],
  templateUrl: './gps-app-setup.html',
  styleUrl: './gps-app-setup.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GpsAppSetup {
  readonly binding = input.required<JoinResponse>();
  readonly t = input.required<JoinTexts>();

  protected readonly apps = GPS_APPS;
  protected readonly names = GPS_APP_NAMES;
  protected readonly app = signal<GpsApp>('traccar');

  protected readonly traccarQr = computed(() => traccarQrUrl(this.binding().ingest, this.binding().deviceKey));
  protected readonly osmandUrl = computed(() => osmandTrackingUrl(this.binding().ingest, this.binding().deviceKey));
  protected readonly gpsLoggerUrl = computed(() => gpsLoggerUrl(this.binding().ingest, this.binding().deviceKey));
  protected readonly steps = computed(() => this.t()[this.app()]);
}
