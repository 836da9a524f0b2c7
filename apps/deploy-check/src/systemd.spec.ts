import { loadConfig } from '@convoy/server/config';
import { documentedVariables, mallocSettings, PRODUCTION_START_COMMAND, readWorkspaceFile, SAMPLE_SECRETS } from './support/workspace';

/** `[Section]` → `Key` → values (a key may repeat), from a systemd unit file. */
function parseUnit(text: string): Map<string, Map<string, string[]>> {
  const sections = new Map<string, Map<string, string[]>>();
  let current: Map<string, string[]> | undefined;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) return;
    const section = /^\[(\w+)\]$/.exec(line);
    if (section) {
      current = new Map();
      sections.set(section[1], current);
      return;
    }
    const entry = /^([A-Za-z]+)=(.*)$/.exec(line);
    if (!entry || !current) throw new Error(`convoy.service line ${index + 1}: cannot parse "${line}"`);
    current.set(entry[1], [...(current.get(entry[1]) ?? []), entry[2].trim()]);
  });
  return sections;
}

const unit = parseUnit(readWorkspaceFile('docker/systemd/convoy.service'));
const service = unit.get('Service') ?? new Map<string, string[]>();
const value = (key: string) => service.get(key)?.at(-1);
/** What `Environment=` lines give the service (convoy.env adds to them and wins). */
const unitEnvironment: Record<string, string> = Object.fromEntries(
  (service.get('Environment') ?? []).map((assignment) => {
    const at = assignment.indexOf('=');
    return [assignment.slice(0, at), assignment.slice(at + 1)];
  }),
);

describe('docker/systemd/convoy.service', () => {
  it('has the Unit, Service and Install sections', () => {
    expect([...unit.keys()]).toEqual(['Unit', 'Service', 'Install']);
    expect(unit.get('Install')?.get('WantedBy')).toEqual(['multi-user.target']);
  });

  it('starts the production start command from the checkout, with the system node', () => {
    const [node, ...args] = (value('ExecStart') ?? '').split(/\s+/);
    expect(node).toBe('/usr/bin/node');
    expect(['node', ...args]).toEqual(PRODUCTION_START_COMMAND);
    expect(value('WorkingDirectory')).toMatch(/^\//);
  });

  it('runs as its own user with its environment file, and restarts on failure', () => {
    expect(value('User')).toBe('convoy');
    expect(value('EnvironmentFile')).toBe('/etc/convoy/convoy.env');
    expect(value('Restart')).toBe('on-failure');
    expect(service.get('Environment')).toContain('NODE_ENV=production');
  });

  it('leaves time for the graceful shutdown (SIGTERM, ≥ 30 s)', () => {
    expect(value('KillSignal') ?? 'SIGTERM').toBe('SIGTERM');
    expect(Number.parseInt(value('TimeoutStopSec') ?? '90', 10)).toBeGreaterThanOrEqual(30);
  });

  it('is hardened: no new privileges, read-only system, private /tmp, no capabilities', () => {
    expect({
      NoNewPrivileges: value('NoNewPrivileges'),
      ProtectSystem: value('ProtectSystem'),
      ProtectHome: value('ProtectHome'),
      PrivateTmp: value('PrivateTmp'),
      CapabilityBoundingSet: value('CapabilityBoundingSet'),
    }).toEqual({ NoNewPrivileges: 'yes', ProtectSystem: 'strict', ProtectHome: 'yes', PrivateTmp: 'yes', CapabilityBoundingSet: '' });
    // V8 writes executable memory: this one must stay off
    expect(value('MemoryDenyWriteExecute')).not.toBe('yes');
    // production has no embedded Postgres: nothing to write but the private /tmp
    expect([value('StateDirectory'), value('ReadWritePaths')]).toEqual([undefined, undefined]);
    // the default DATABASE_URL is a Unix socket
    expect(value('RestrictAddressFamilies')?.split(/\s+/)).toContain('AF_UNIX');
  });

  it('gives glibc malloc the settings .env.example documents, as Environment= lines', () => {
    expect(Object.keys(mallocSettings()).length).toBeGreaterThan(0);
    expect(Object.fromEntries(Object.keys(mallocSettings()).map((name) => [name, unitEnvironment[name]]))).toEqual(mallocSettings());
  });

  it('sets only variables .env.example documents', () => {
    const documented = documentedVariables();
    expect(Object.keys(unitEnvironment).filter((name) => !documented.has(name))).toEqual([]);
  });

  it('sets DATABASE_URL, required in production: the local Postgres over its socket, with no password in the unit', () => {
    const url = new URL(unitEnvironment['DATABASE_URL']);
    expect(url.password).toBe('');
    expect(url.username).toBe(value('User'));
    expect(url.searchParams.get('host')).toMatch(/^\/run\/postgresql$/);
    expect(unit.get('Unit')?.get('After')?.at(-1)?.split(/\s+/)).toContain('postgresql.service');
  });

  it('is a valid production configuration once convoy.env adds APP_SECRET, and names APP_SECRET without it', () => {
    // the unit is world-readable: the secret must come from the environment file
    expect(unitEnvironment['APP_SECRET']).toBeUndefined();
    expect(() => loadConfig(unitEnvironment)).toThrow(/APP_SECRET=\(unset\): is required in production/);
    const config = loadConfig({ ...unitEnvironment, APP_SECRET: SAMPLE_SECRETS.APP_SECRET });
    expect(config.isProduction).toBe(true);
    expect(config.databaseUrl).toBe(unitEnvironment['DATABASE_URL']);
    expect(config.demoFleet).toBe(0);
    // a reverse proxy on the same host (the README's Caddy/nginx) is trusted by default
    expect(unitEnvironment['TRUST_PROXY']).toBeUndefined();
    expect(config.trustProxy).toEqual(['loopback']);
  });
});
