import { isIP } from 'node:net';
import { blockedAddressReason, blockedHostNameReason } from './address-policy';

export interface TargetPolicy {
  /** WEBHOOK_ALLOW_PRIVATE=1: local and private targets (and plain http) are allowed. */
  allowPrivate: boolean;
}

/**
 * Checks a webhook URL when it is saved: https (http only with WEBHOOK_ALLOW_PRIVATE, i.e. a receiver
 * on a network you own), no fragment, and a host that is not loopback/private by its literal address
 * or its name. The addresses a name resolves to are checked again at every delivery (DNS rebinding).
 * Returns why the URL is refused, or null.
 */
export function targetUrlProblem(raw: string, policy: TargetPolicy): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute http(s) URL, e.g. https://example.com/convoy-webhook';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an https URL';
  if (url.protocol === 'http:' && !policy.allowPrivate) {
    return 'must be an https URL (deliveries carry drivers\' positions; plain http only with WEBHOOK_ALLOW_PRIVATE=1)';
  }
  if (url.hash) return 'must not have a #fragment';
  if (policy.allowPrivate) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const reason = isIP(host) ? blockedAddressReason(host) : blockedHostNameReason(host);
  return reason ? `must point to a public host: ${reason} (set WEBHOOK_ALLOW_PRIVATE=1 to allow private targets)` : null;
}
