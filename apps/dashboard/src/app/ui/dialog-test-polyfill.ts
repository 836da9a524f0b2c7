/**
 * jsdom has `<dialog>` but not its methods: enough of showModal/close for component specs (the
 * browser's focus trap and inert page are Chromium's job, covered by dashboard-e2e).
 */
export function polyfillDialog(): void {
  const proto = HTMLDialogElement.prototype as Partial<HTMLDialogElement>;
  proto.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.close ??= function (this: HTMLDialogElement) {
    if (this.hasAttribute('open')) {
      this.removeAttribute('open');
      this.dispatchEvent(new Event('close'));
    }
  };
}
