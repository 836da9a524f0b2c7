import { PRODUCTION_START_COMMAND, readWorkspaceFile } from './support/workspace';

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
    // the only writable place, for the embedded Postgres when DATABASE_URL is unset
    expect(value('StateDirectory')).toBe('convoy');
    expect(service.get('Environment')).toContain('DATA_DIR=/var/lib/convoy');
  });
});
