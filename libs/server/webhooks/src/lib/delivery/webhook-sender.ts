import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { blockedAddressReason } from '../ssrf/address-policy';

/** What one POST came to: a status code, or why there was none. */
export type SendOutcome = { kind: 'response'; status: number } | { kind: 'error'; error: string };

export interface SendRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  allowPrivate: boolean;
}

export const USER_AGENT = 'Convoy-Webhooks/1';

/**
 * One POST, answered or not within `timeoutMs` (connect, TLS, headers and body together). Redirects
 * are not followed (a 3xx is a failure: the signature was made for this URL). The host's addresses
 * are checked inside the connection's own DNS lookup, so the address connected to is the one
 * checked — a name that resolves to a public address when saved and to 127.0.0.1 later (DNS
 * rebinding) is refused at that moment. The answer's body is read and thrown away.
 */
export function sendWebhook(request: SendRequest): Promise<SendOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const deadline: { timer?: NodeJS.Timeout } = {};
    const finish = (outcome: SendOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline.timer);
      resolve(outcome);
    };
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      finish({ kind: 'error', error: 'invalid URL' });
      return;
    }
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (!request.allowPrivate && isIP(host)) {
      const reason = blockedAddressReason(host);
      if (reason) {
        finish({ kind: 'error', error: `refused: ${reason}` });
        return;
      }
    }
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(request.body)),
        'user-agent': USER_AGENT,
        ...request.headers,
      },
      lookup: request.allowPrivate ? undefined : publicOnlyLookup,
      agent: false,
    });
    deadline.timer = setTimeout(() => {
      req.destroy(new Error(`no answer within ${request.timeoutMs / 1000} s`));
    }, request.timeoutMs);
    req.on('response', (response: IncomingMessage) => {
      response.on('data', () => undefined);
      response.on('error', () => undefined);
      response.on('end', () => finish({ kind: 'response', status: response.statusCode ?? 0 }));
      response.on('close', () => finish({ kind: 'response', status: response.statusCode ?? 0 }));
    });
    req.on('error', (error: Error) => finish({ kind: 'error', error: error.message || String(error) }));
    req.end(request.body);
  });
}

/** `dns.lookup`, refusing the connection when any address the name resolves to is not public. */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 0);
    const list = addresses as unknown as LookupAddress[];
    const blocked = list.map((entry) => blockedAddressReason(entry.address)).find((reason) => reason !== null);
    if (blocked || list.length === 0) {
      const refusal = Object.assign(new Error(`refused: ${hostname} resolves to a non-public address (${blocked ?? 'none'})`), { code: 'EWEBHOOKBLOCKED' });
      return callback(refusal, '', 0);
    }
    if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
    callback(null, list[0].address, list[0].family);
  });
};
