import { blockedAddressReason, blockedHostNameReason } from './address-policy';
import { targetUrlProblem } from './target-url';

describe('SSRF address policy', () => {
  it.each([
    '127.0.0.1', '127.8.9.10', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1',
    '0.0.0.0', '224.0.0.251', '239.255.255.250', '255.255.255.255', '198.18.0.1',
    '::1', '::', 'fe80::1', 'fc00::1', 'fd12:3456::1', 'ff02::1',
    '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '64:ff9b::a9fe:a9fe',
  ])('refuses %s', (address) => {
    expect(blockedAddressReason(address)).not.toBeNull();
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '2a00:1450:4001:81b::200e'])(
    'allows the public address %s',
    (address) => {
      expect(blockedAddressReason(address)).toBeNull();
    },
  );

  it('refuses names that mean this machine or the local network', () => {
    for (const name of ['localhost', 'api.localhost', 'printer.local', 'db.internal', 'intranet']) expect(blockedHostNameReason(name)).not.toBeNull();
    expect(blockedHostNameReason('hooks.example.com')).toBeNull();
  });
});

describe('targetUrlProblem', () => {
  const strict = { allowPrivate: false };
  it('wants a public https URL', () => {
    expect(targetUrlProblem('https://hooks.example.com/convoy', strict)).toBeNull();
    expect(targetUrlProblem('https://93.184.216.34:8443/x', strict)).toBeNull();
    expect(targetUrlProblem('http://hooks.example.com/convoy', strict)).toMatch(/https/);
    expect(targetUrlProblem('ftp://hooks.example.com/', strict)).toMatch(/https/);
    expect(targetUrlProblem('not a url', strict)).toMatch(/absolute/);
    expect(targetUrlProblem('https://127.0.0.1/x', strict)).toMatch(/WEBHOOK_ALLOW_PRIVATE/);
    expect(targetUrlProblem('https://[::1]:8080/x', strict)).toMatch(/public host/);
    expect(targetUrlProblem('https://localhost/x', strict)).toMatch(/public host/);
    expect(targetUrlProblem('https://169.254.169.254/latest/meta-data', strict)).toMatch(/public host/);
  });

  it('allows local receivers (and http) with WEBHOOK_ALLOW_PRIVATE=1', () => {
    expect(targetUrlProblem('http://127.0.0.1:9000/hook', { allowPrivate: true })).toBeNull();
  });
});
