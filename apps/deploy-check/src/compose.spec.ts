import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadConfig } from '@convoy/server/config';
import { composeValidator, dependencies, healthcheckCommand, loadComposeFile, type ComposeFile } from './support/compose';
import { interpolate } from './support/interpolation';
import { documentedVariables, durationSeconds, readWorkspaceFile, SAMPLE_SECRETS, workspacePath, WORKSPACE_ROOT } from './support/workspace';

const COMPOSE = 'docker/docker-compose.yml';
const COMPOSE_DEV = 'docker/docker-compose.dev.yml';
/**
 * Variables the compose file reads that Convoy itself does not: each must be documented in
 * docker/README.md ("Compose variables") and in the compose file's header.
 */
const COMPOSE_ONLY_VARIABLES = ['POSTGRES_PASSWORD'];

const base = loadComposeFile(COMPOSE);
const dev = loadComposeFile(COMPOSE_DEV);
/** What `docker compose` sees with a .env made from .env.example plus the required secrets. */
const dotEnv: Record<string, string | undefined> = {
  ...Object.fromEntries(documentedVariables()),
  APP_SECRET: SAMPLE_SECRETS.APP_SECRET,
  POSTGRES_PASSWORD: SAMPLE_SECRETS.POSTGRES_PASSWORD,
};
const resolved = interpolate(base, dotEnv);
const composeDir = dirname(workspacePath(COMPOSE));

describe('docker/docker-compose.yml', () => {
  const validate = composeValidator();

  it.each([COMPOSE, COMPOSE_DEV])('%s is valid against the Compose specification schema', (file) => {
    const document = file === COMPOSE ? resolved.value : interpolate(dev, dotEnv).value;
    expect(validate(document).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`)).toEqual([]);
  });

  it('is rejected by the same schema when a field is misspelt (the check has teeth)', () => {
    const broken = structuredClone(resolved.value) as unknown as { services: Record<string, Record<string, unknown>> };
    broken.services['api']['healthcheck'] = { test: ['CMD', 'true'], intervall: '10s' };
    broken.services['api']['stop_grace_period'] = 'thirty seconds';
    expect(validate(broken).map((e) => e.instancePath)).toEqual(
      expect.arrayContaining(['/services/api/healthcheck', '/services/api/stop_grace_period']),
    );
  });

  it('needs APP_SECRET and POSTGRES_PASSWORD, and refuses to start without them', () => {
    expect(resolved.errors).toEqual([]);
    const without = interpolate(base, { ...dotEnv, APP_SECRET: '', POSTGRES_PASSWORD: undefined });
    expect(without.errors).toEqual(
      expect.arrayContaining([expect.stringMatching(/^APP_SECRET: /), expect.stringMatching(/^POSTGRES_PASSWORD: /)]),
    );
  });

  it('reads only variables .env.example documents (or its own, documented in docker/README.md)', () => {
    const documented = documentedVariables();
    const referenced = [...resolved.referenced, ...interpolate(dev, dotEnv).referenced];
    expect(referenced.filter((name) => !documented.has(name) && !COMPOSE_ONLY_VARIABLES.includes(name))).toEqual([]);
    const readme = readWorkspaceFile('docker/README.md');
    const header = readWorkspaceFile(COMPOSE).split('\n').filter((l) => l.startsWith('#')).join('\n');
    for (const name of COMPOSE_ONLY_VARIABLES) {
      expect(readme).toContain(`\`${name}\``);
      expect(header).toContain(name);
    }
  });

  it('gives the api containers the root .env plus a valid production configuration', () => {
    const api = resolved.value.services['api'];
    // relative paths resolve from the compose file's directory: ../.env is the repository root's
    expect([api.env_file].flat().map((f) => resolve(composeDir, f as string))).toEqual([workspacePath('.env')]);
    // what each api container ends up with: .env (env_file), overridden by `environment:`
    const containerEnv = { ...dotEnv, ...stringValues(api.environment) };
    const config = loadConfig(containerEnv);
    expect(config.env).toBe('production');
    expect(config.isProduction).toBe(true);
    expect(config.databaseUrl).toBe(`postgres://convoy:${SAMPLE_SECRETS.POSTGRES_PASSWORD}@postgres:5432/convoy`);
    expect(config.redisUrl).toBe('redis://redis:6379');
    expect(config.host).toBe('0.0.0.0');
    expect(config.demoFleet).toBe(0);
    // a developer's .env (NODE_ENV=development, a local DATABASE_URL, a demo fleet, …) cannot leak into
    // the containers (a demo fleet would even stop a production start)
    const devDotEnv = { ...dotEnv, NODE_ENV: 'development', DATABASE_URL: 'postgres://me@localhost/dev', REDIS_URL: '', PORT: '8080', DEMO_FLEET: '12' };
    const overridden = loadConfig({ ...devDotEnv, ...stringValues(interpolate(base, devDotEnv).value.services['api'].environment) });
    expect([overridden.env, overridden.databaseUrl?.includes('@postgres:5432/'), overridden.redisUrl, overridden.port, overridden.demoFleet]).toEqual([
      'production',
      true,
      'redis://redis:6379',
      3000,
      0,
    ]);
  });

  it('provides DATABASE_URL and APP_SECRET, which production requires, from the compose file itself', () => {
    const environment = stringValues(resolved.value.services['api'].environment);
    expect(Object.keys(environment)).toEqual(expect.arrayContaining(['NODE_ENV', 'DATABASE_URL', 'APP_SECRET']));
    // even with an empty .env they are there (or the compose start stops, see above), never left to a default
    expect(() => loadConfig({ ...environment, DATABASE_URL: '', APP_SECRET: '' })).toThrow(/DATABASE_URL=\(unset\)[\s\S]*APP_SECRET=\(unset\)/);
    expect(loadConfig(environment).databaseUrl).toMatch(/^postgres:\/\//);
  });

  it('trusts nginx, the one proxy in front of the api containers, for client addresses (TRUST_PROXY=1, adjustable in .env)', () => {
    const containerEnv = { ...dotEnv, ...stringValues(resolved.value.services['api'].environment) };
    expect(loadConfig(containerEnv).trustProxy).toBe(1);
    // only nginx can reach the api containers: they publish nothing
    expect(resolved.value.services['api'].ports ?? []).toEqual([]);
    const behindAnotherProxy = { ...dotEnv, TRUST_PROXY: '2' };
    const env = stringValues(interpolate(base, behindAnotherProxy).value.services['api'].environment);
    expect(loadConfig({ ...behindAnotherProxy, ...env }).trustProxy).toBe(2);
    // nginx appends the peer it saw, which is what one trusted hop reads
    expect(readWorkspaceFile('docker/nginx/convoy.conf')).toMatch(/proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;/);
  });

  it('builds the image from the repository root with docker/Dockerfile', () => {
    const build = resolved.value.services['api'].build;
    expect(resolve(composeDir, build?.context ?? '.')).toBe(WORKSPACE_ROOT);
    expect(existsSync(resolve(composeDir, build?.context ?? '.', build?.dockerfile ?? 'Dockerfile'))).toBe(true);
    expect(build?.dockerfile).toBe('docker/Dockerfile');
  });

  it('runs Postgres with a named volume and a pg_isready health check', () => {
    const postgres = resolved.value.services['postgres'];
    expect(healthcheckCommand(postgres)).toMatch(/pg_isready -U convoy -d convoy/);
    const data = (postgres.volumes ?? []).map(String).find((v) => v.endsWith(':/var/lib/postgresql/data'));
    expect(data).toBeDefined();
    expect(Object.keys(resolved.value.volumes ?? {})).toContain(data?.split(':')[0]);
  });

  it('runs Redis with a health check', () => {
    expect(healthcheckCommand(resolved.value.services['redis'])).toMatch(/redis-cli ping/);
  });

  it('runs at least two api replicas, each waiting for healthy Postgres and Redis, checked on /health/ready', () => {
    const api = resolved.value.services['api'];
    expect(api.deploy?.replicas).toBeGreaterThanOrEqual(2);
    expect(dependencies(api)).toEqual({ postgres: 'service_healthy', redis: 'service_healthy' });
    expect(api.healthcheck?.test).toEqual(['CMD', 'node', 'docker/healthcheck.mjs', '/health/ready']);
    expect(durationSeconds(api.healthcheck?.start_period ?? '0s')).toBeGreaterThanOrEqual(30);
  });

  it('gives the api time to shut down gracefully and no more privileges than it needs', () => {
    const api = resolved.value.services['api'];
    // Docker's default is 10 s; the app drains readiness, moves sockets, flushes, closes (≤ 25 s)
    expect(durationSeconds(api.stop_grace_period ?? '10s')).toBeGreaterThanOrEqual(30);
    expect(api.read_only).toBe(true);
    expect([api.tmpfs].flat()).toContain('/tmp');
    expect(api.cap_drop).toEqual(['ALL']);
    expect(api.security_opt).toContain('no-new-privileges:true');
  });

  it('publishes one port, nginx’s, which waits for healthy api replicas; Postgres and Redis stay internal', () => {
    const services = resolved.value.services;
    const publishing = Object.entries(services).filter(([, s]) => (s.ports ?? []).length > 0).map(([name]) => name);
    expect(publishing).toEqual(['nginx']);
    expect(services['nginx'].ports).toEqual([`${dotEnv['PORT']}:80`]);
    expect(dependencies(services['nginx'])).toEqual({ api: 'service_healthy' });
    expect(healthcheckCommand(services['nginx'])).toContain('/nginx-health');
    const internal = Object.entries(resolved.value.networks ?? {}).filter(([, n]) => n?.internal).map(([name]) => name);
    for (const name of ['postgres', 'redis']) expect(services[name].networks).toEqual(internal);
    expect(services['nginx'].networks).not.toEqual(expect.arrayContaining(internal));
  });

  it('mounts the nginx configuration that exists in docker/nginx', () => {
    const mounts = (resolved.value.services['nginx'].volumes ?? []).map(String);
    const config = mounts.find((m) => m.includes(':/etc/nginx/conf.d/'));
    expect(config).toBeDefined();
    expect(existsSync(resolve(composeDir, (config as string).split(':')[0]))).toBe(true);
  });

  it('has a project name, so volumes are convoy_* rather than named after the docker/ folder', () => {
    expect((base as ComposeFile).name).toBe('convoy');
  });
});

describe('docker/docker-compose.dev.yml', () => {
  it('only adjusts services of the base file', () => {
    expect(Object.keys(dev.services).filter((name) => !(name in base.services))).toEqual([]);
  });

  it('publishes Postgres and Redis on the loopback interface only', () => {
    const published = Object.values(dev.services).flatMap((s) => (s.ports ?? []).map(String));
    expect(published.length).toBeGreaterThan(0);
    for (const port of published) expect(port).toMatch(/^127\.0\.0\.1:/);
  });
});

function stringValues(environment: Record<string, unknown> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(environment ?? {}).map(([key, value]) => [key, String(value ?? '')]));
}
