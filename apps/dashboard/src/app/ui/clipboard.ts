/**
 * Puts `text` on the clipboard. The Clipboard API needs a secure context (https or localhost) and
 * the page's focus; elsewhere (http on a LAN address, older browsers) a hidden textarea and the
 * legacy copy command do it. Resolves false when neither worked: the caller asks for a manual copy.
 */
export async function copyToClipboard(text: string, doc: Document = document): Promise<boolean> {
  const clipboard = doc.defaultView?.navigator.clipboard;
  if (clipboard?.writeText && doc.defaultView?.isSecureContext) {
    try {
      await clipboard.writeText(text);
      return true;
    } catch {
      // permission denied or no focus: try the legacy way
    }
  }
  return legacyCopy(text, doc);
}

function legacyCopy(text: string, doc: Document): boolean {
  const previousFocus = doc.activeElement as HTMLElement | null;
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.top = '0';
  area.style.opacity = '0';
  doc.body.appendChild(area);
  area.select();
  let copied = false;
  try {
    copied = typeof doc.execCommand === 'function' && doc.execCommand('copy');
  } catch {
    copied = false;
  } finally {
    area.remove();
    previousFocus?.focus?.();
  }
  return copied;
}
