import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { generateSigningSecret, SecretBox } from './secret-box';
import { signDelivery } from './webhook-signature';

describe('signDelivery (Standard Webhooks)', () => {
  it('matches the specification’s example signature', () => {
    // the example of the Standard Webhooks specification (and of svix's libraries)
    const headers = signDelivery('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'msg_p5jXN8AQM9LWM0D4loKWxJek', '{"test": 2432232314}', new Date(1614265330 * 1000));
    expect(headers).toEqual({
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1614265330',
      'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    });
  });

  it('is HMAC-SHA256 of "id.timestamp.body" under the base64 key after whsec_', () => {
    const secret = generateSigningSecret();
    const body = JSON.stringify({ type: 'visit.arrived', timestamp: '2026-12-01T10:00:00.000Z', data: { eventId: 'e1', driverId: null } });
    const at = new Date();
    const headers = signDelivery(secret, 'e1', body, at);
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const expected = createHmac('sha256', key).update(`e1.${Math.floor(at.getTime() / 1000)}.${body}`).digest('base64');
    expect(headers['webhook-signature']).toBe(`v1,${expected}`);
  });

  it('verifies with the official library, and not with another secret or an altered body', () => {
    const secret = generateSigningSecret();
    const body = '{"type":"driver.joined","timestamp":"2026-12-01T10:00:00.000Z","data":{}}';
    const headers = signDelivery(secret, '4a7c1c0e-8d5e-4d2b-9a3a-6f1c2b3d4e5f', body);
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
    expect(() => new Webhook(generateSigningSecret()).verify(body, { ...headers })).toThrow();
    expect(() => new Webhook(secret).verify(body.replace('joined', 'left'), { ...headers })).toThrow();
  });
});

describe('SecretBox', () => {
  it('gives the secret back under the same APP_SECRET only', () => {
    const secret = generateSigningSecret();
    const sealed = new SecretBox('app-secret-one-app-secret-one-0123456789').seal(secret);
    expect(sealed).not.toContain(secret.slice(6));
    expect(new SecretBox('app-secret-one-app-secret-one-0123456789').open(sealed)).toBe(secret);
    expect(() => new SecretBox('another-app-secret-another-app-secret-0123').open(sealed)).toThrow();
  });

  it('seals the same secret differently each time (random IV)', () => {
    const box = new SecretBox('app-secret-one-app-secret-one-0123456789');
    expect(box.seal('whsec_x')).not.toBe(box.seal('whsec_x'));
  });
});
