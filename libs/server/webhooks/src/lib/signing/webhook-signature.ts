import { Webhook } from 'standardwebhooks';

/** The three Standard Webhooks headers of one delivery attempt. */
export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/**
 * Signs a delivery the Standard Webhooks way with the official library: `v1,` + base64 of
 * HMAC-SHA256(secret, `<id>.<timestamp seconds>.<body>`). `id` is the event id (stable across
 * retries, so receivers dedupe on it); the timestamp is the attempt's, so receivers can refuse replays.
 */
export function signDelivery(secret: string, id: string, body: string, at: Date = new Date()): SignedHeaders {
  const signature = new Webhook(secret).sign(id, at, body);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signature,
  };
}
