import { readdirSync } from 'node:fs';
import { loadComposeFile } from './support/compose';
import { directives, locations, type NginxDirective, parseNginx } from './support/nginx';
import { durationSeconds, readWorkspaceFile, workspacePath } from './support/workspace';

const CONF = 'docker/nginx/convoy.conf';
const config = parseNginx(readWorkspaceFile(CONF));
const [server] = directives(config, 'server');
const compose = loadComposeFile('docker/docker-compose.yml');

/** `proxy_set_header Name value` pairs directly inside `block`. */
const headers = (block: NginxDirective[] | undefined) =>
  Object.fromEntries(directives(block, 'proxy_set_header').map((d) => [d.args[0].toLowerCase(), d.args[1]]));

describe('docker/nginx/*.conf', () => {
  it('every file parses (balanced blocks, terminated directives)', () => {
    const files = readdirSync(workspacePath('docker/nginx')).filter((f) => f.endsWith('.conf'));
    expect(files).toContain('convoy.conf');
    for (const file of files) expect(() => parseNginx(readWorkspaceFile('docker/nginx', file))).not.toThrow();
  });

  it('the parser rejects a broken file (the check has teeth)', () => {
    expect(() => parseNginx('server { location / { proxy_pass http://x }')).toThrow();
  });

  it('balances every api replica: the compose service name and container port, re-resolved', () => {
    const upstreams = directives(config, 'upstream');
    expect(upstreams).toHaveLength(1);
    const [upstream] = upstreams;
    const servers = directives(upstream.children, 'server');
    const port = compose['x-api-environment' as `x-${string}`] as { PORT: string };
    expect(servers.map((s) => s.args[0])).toEqual([`api:${port.PORT}`]);
    expect(compose.services['api']).toBeDefined();
    // `resolve` re-reads Docker's DNS as replicas come and go (needs a shared-memory zone)
    expect(servers[0].args).toContain('resolve');
    expect(directives(upstream.children, 'zone')).toHaveLength(1);
    expect(directives(config, 'resolver')[0]?.args[0]).toBe('127.0.0.11');
    for (const location of locations(server).values()) {
      const pass = directives(location.children, 'proxy_pass')[0]?.args[0];
      if (pass) expect(pass).toBe(`http://${upstream.args[0]}`);
    }
  });

  it('passes websocket upgrades through (HTTP/1.1, Upgrade and Connection headers)', () => {
    expect(directives(server.children, 'proxy_http_version')[0]?.args).toEqual(['1.1']);
    const set = headers(server.children);
    expect(set['upgrade']).toBe('$http_upgrade');
    expect(set['connection']).toBe('$connection_upgrade');
    // $connection_upgrade is "upgrade" for a websocket handshake, empty otherwise (upstream keepalive)
    const map = directives(config, 'map').find((m) => m.args[1] === '$connection_upgrade');
    expect(map?.args[0]).toBe('$http_upgrade');
    const entries = Object.fromEntries((map?.children ?? []).map((d) => [d.name, d.args[0]]));
    expect(entries).toEqual({ default: 'upgrade', '': '' });
  });

  it('sends X-Forwarded-* and a request id to the app', () => {
    expect(headers(server.children)).toMatchObject({
      host: '$host',
      'x-forwarded-for': '$proxy_add_x_forwarded_for',
      'x-forwarded-proto': expect.stringMatching(/^\$(scheme|forwarded_proto)$/),
      'x-forwarded-host': '$host',
      'x-real-ip': '$remote_addr',
      'x-request-id': '$request_id',
    });
  });

  it('sets no proxy_set_header inside a location (that would drop every inherited header there)', () => {
    for (const [path, location] of locations(server)) {
      expect({ path, headers: directives(location.children, 'proxy_set_header') }).toEqual({ path, headers: [] });
    }
  });

  it('keeps long read timeouts for /socket.io/ and streams it unbuffered', () => {
    const live = locations(server).get('/socket.io/');
    expect(live).toBeDefined();
    const timeout = (name: string) => durationSeconds(directives(live?.children, name)[0]?.args[0] ?? '60s');
    expect(timeout('proxy_read_timeout')).toBeGreaterThanOrEqual(3600);
    expect(timeout('proxy_send_timeout')).toBeGreaterThanOrEqual(3600);
    expect(directives(live?.children, 'proxy_buffering')[0]?.args).toEqual(['off']);
  });

  it('accepts the Telegram webhook bodies the app accepts (1 MiB)', () => {
    const size = directives(server.children, 'client_max_body_size')[0]?.args[0] ?? '1m';
    expect(Number.parseInt(size, 10) * (size.endsWith('m') ? 1024 * 1024 : size.endsWith('k') ? 1024 : 1)).toBeGreaterThan(1024 * 1024);
  });

  it('does not expose /metrics, and answers its own health check', () => {
    const metrics = locations(server).get('= /metrics');
    expect(directives(metrics?.children, 'proxy_pass')).toEqual([]);
    expect(directives(metrics?.children, 'return')[0]?.args[0]).toMatch(/^4\d\d$/);
    const health = locations(server).get('= /nginx-health');
    expect(directives(health?.children, 'return')[0]?.args[0]).toBe('200');
  });

  it('listens on the port compose publishes', () => {
    const published = String(compose.services['nginx'].ports?.[0]).split(':').pop();
    expect(directives(server.children, 'listen').map((l) => l.args[0])).toContain(published);
  });
});
