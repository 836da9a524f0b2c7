import { ChangeDetectionStrategy, Component, input, resource } from '@angular/core';
import { svgDataUrl } from '../links/qr-image';

/**
 * `text` as a QR code, drawn in the browser (the `qrcode` package, which the API already uses for
 * links; its browser build is loaded with this component only) and shown as an inert `<img>`.
 */
@Component({
  selector: 'cv-qr-code',
  template: `
    @if (source.value(); as src) {
      <img [src]="src" [width]="size()" [height]="size()" [alt]="alt()" [attr.data-testid]="testId()" [attr.data-text]="text()" />
    }
  `,
  styles: `
    :host {
      display: inline-block;
      line-height: 0;
    }
    img {
      display: block;
      max-width: 100%;
      height: auto;
      border-radius: 8px;
      background: #fff;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QrCode {
  readonly text = input.required<string>();
  readonly alt = input.required<string>();
  readonly size = input(232);
  readonly testId = input<string | null>(null);

  protected readonly source = resource({
    params: () => this.text(),
    loader: async ({ params }) => svgDataUrl(await qrSvg(params)),
  });
}

/** The QR code of `text` as an SVG string (error correction M, a quiet zone of 2 modules). */
export async function qrSvg(text: string): Promise<string> {
  const loaded = await import('qrcode');
  // a CommonJS package: its functions sit on `default` in the browser bundle (the namespace has no toString)
  const qrcode = loaded.default ?? loaded;
  return qrcode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
