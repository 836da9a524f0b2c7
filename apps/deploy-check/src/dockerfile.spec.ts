import { existsSync, readdirSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { DockerIgnore } from './support/dockerignore';
import {
  copyArguments,
  effective,
  environment,
  execForm,
  flag,
  lineage,
  loadStages,
  type Stage,
  workdir,
} from './support/dockerfile';
import { mallocSettings, PRODUCTION_START_COMMAND, readWorkspaceFile, workspacePath, WORKSPACE_ROOT } from './support/workspace';

const stages = loadStages();
const runtime = stages[stages.length - 1];
const runs = (stage: Stage) => effective(stage, 'RUN').map((i) => (i.getArgumentsContent() ?? '').replace(/\\\s*\n/g, ' '));
/** The npm invocations of a stage's RUN instructions (each command of `a && b; c`). */
const npmCommands = (stage: Stage) =>
  runs(stage)
    .flatMap((r) => r.split(/&&|;|\|\|/))
    .map((c) => c.trim())
    .filter((c) => /^npm\s/.test(c));

describe('docker/Dockerfile', () => {
  it('is multi-stage on a pinned slim Node 24 LTS image, each later stage built on an earlier one', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const [base, ...later] = stages;
    expect(base.from.getImageName()).toBe('node');
    // an exact release (not `24` or `lts`), Debian slim: glibc, as the npm packages are built for
    expect(base.from.getImageTag()).toMatch(/^24\.\d+\.\d+-(bookworm|trixie)-slim$/);
    for (const stage of later) {
      expect({ stage: stage.name, builtOn: stage.parent?.name }).toEqual({ stage: stage.name, builtOn: stage.from.getImage() });
    }
    expect(new Set(stages.map((s) => s.name)).size).toBe(stages.length);
  });

  it('runs the final stage as a numeric, non-root user', () => {
    const users = effective(runtime, 'USER');
    expect(users.length).toBeGreaterThan(0);
    const [uid, gid] = (users[users.length - 1].getArgumentsContent() ?? '').split(':');
    expect(uid).toMatch(/^\d+$/); // numeric: Kubernetes' runAsNonRoot can verify it
    expect(Number(uid)).toBeGreaterThan(0);
    if (gid !== undefined) expect(Number(gid)).toBeGreaterThan(0);
  });

  it("gives glibc malloc the settings .env.example documents, so freed memory goes back to the system", () => {
    const env = environment(runtime);
    expect(Object.keys(mallocSettings()).length).toBeGreaterThan(0);
    expect(Object.fromEntries(Object.keys(mallocSettings()).map((name) => [name, env.get(name)]))).toEqual(mallocSettings());
  });

  it('sets NODE_ENV=production and exposes the port the app listens on', () => {
    const env = environment(runtime);
    expect(env.get('NODE_ENV')).toBe('production');
    expect(env.get('HOST')).toBe('0.0.0.0');
    const exposed = effective(runtime, 'EXPOSE').map((i) => i.getArgumentsContent());
    expect(exposed).toEqual([env.get('PORT')]);
  });

  it('keeps DATA_DIR on the writable /tmp (read-only root filesystem in Kubernetes)', () => {
    expect(environment(runtime).get('DATA_DIR')).toMatch(/^\/tmp(\/|$)/);
  });

  it('runs the app under an init process (tini from the distribution)', () => {
    const entrypoints = effective(runtime, 'ENTRYPOINT');
    const [init, separator] = execForm(entrypoints[entrypoints.length - 1]);
    expect(init).toBe('/usr/bin/tini');
    expect(separator).toBe('--');
    expect(runs(runtime).some((r) => /apt-get install[^&]*\btini\b/.test(r))).toBe(true);
  });

  it('checks health with node itself on /health/live, with a script that is in the image', () => {
    const healthchecks = effective(runtime, 'HEALTHCHECK');
    expect(healthchecks).toHaveLength(1);
    const [command, script, path] = execForm(healthchecks[0]);
    expect(command).toBe('node'); // slim images have no curl or wget
    expect(path).toBe('/health/live');
    expect(Number.parseInt(flag(healthchecks[0], 'start-period') ?? '0', 10)).toBeGreaterThanOrEqual(30);
    // the script is copied from the context to where the command looks for it
    const copied = effective(runtime, 'COPY')
      .map(copyArguments)
      .find((c) => !c.from && posix.resolve(workdir(runtime), c.destination) === posix.resolve(workdir(runtime), script));
    expect(copied?.sources).toEqual([script]);
    expect(existsSync(workspacePath(script))).toBe(true);
  });

  it('starts with exactly the production start command the e2e tests run', () => {
    const cmds = effective(runtime, 'CMD');
    expect(execForm(cmds[cmds.length - 1])).toEqual(['node', 'dist/apps/api/main.js']);
    // …which is what libs/testing spawns (API_ENTRY), relative to the working directory
    expect(execForm(cmds[cmds.length - 1])).toEqual(PRODUCTION_START_COMMAND);
  });

  it('is the same command as `npm start` and the api project’s serve target', () => {
    const command = PRODUCTION_START_COMMAND.join(' ');
    const scripts = JSON.parse(readWorkspaceFile('package.json')).scripts as Record<string, string>;
    expect(scripts['start'].split('&&').map((s) => s.trim()).pop()).toBe(command);
    const serve = JSON.parse(readWorkspaceFile('apps/api/project.json')).targets.serve.options.command;
    expect(serve).toBe(command);
  });

  it('ships the built api and dashboard in the layout main.js resolves the dashboard from', () => {
    const build = stages.find((s) => runs(s).some((r) => /nx run-many -t build -p api dashboard\b/.test(r)));
    expect(build).toBeDefined();
    const dir = workdir(runtime);
    const fromBuild = effective(runtime, 'COPY')
      .map(copyArguments)
      .filter((c) => c.from === build?.name)
      .map((c) => ({ source: posix.resolve(workdir(build as Stage), c.sources[0]), destination: posix.resolve(dir, c.destination) }));
    const buildDir = workdir(build as Stage);
    expect(fromBuild).toEqual(
      expect.arrayContaining([
        { source: `${buildDir}/dist/apps/api`, destination: `${dir}/dist/apps/api` },
        { source: `${buildDir}/dist/apps/dashboard/browser`, destination: `${dir}/dist/apps/dashboard/browser` },
      ]),
    );
    // main.ts serves the dashboard from a path relative to its own file
    const mainTs = readWorkspaceFile('apps/api/src/main.ts');
    const dashboardDir = /dashboardDir:\s*resolve\(__dirname,\s*'([^']+)'\)/.exec(mainTs)?.[1];
    expect(dashboardDir).toBeDefined();
    const mainJs = posix.resolve(dir, PRODUCTION_START_COMMAND[1]);
    expect(posix.resolve(posix.dirname(mainJs), dashboardDir as string)).toBe(`${dir}/dist/apps/dashboard/browser`);
  });

  it('installs production dependencies only in the runtime image, from the lockfile, without install scripts', () => {
    const modules = effective(runtime, 'COPY')
      .map(copyArguments)
      .filter((c) => c.destination.replace(/\/$/, '').endsWith('node_modules'));
    expect(modules).toHaveLength(1);
    const source = stages.find((s) => s.name === modules[0].from) as Stage;
    expect(source).toBeDefined();
    const installs = npmCommands(source);
    expect(installs.length).toBeGreaterThan(0);
    for (const install of installs) {
      expect(install).toMatch(/\bnpm ci\b/);
      expect(install).toContain('--omit=dev');
    }
    // built on a stage that never installed dev dependencies
    for (const ancestor of lineage(source).slice(0, -1)) {
      expect(npmCommands(ancestor)).toEqual([]);
    }
    // everywhere: `npm ci` (the lockfile), never `npm install`; install scripts off (see the Dockerfile)
    for (const stage of stages) {
      for (const run of npmCommands(stage)) {
        expect(run).not.toMatch(/\bnpm (install|i)\b/);
        expect(run).toContain('--ignore-scripts');
      }
    }
  });

  it('copies from the build context only files that exist and .dockerignore lets through', () => {
    const ignore = new DockerIgnore(readWorkspaceFile('.dockerignore'));
    const sources = stages.flatMap((s) =>
      s.instructions.filter((i) => i.getKeyword() === 'COPY').map(copyArguments).filter((c) => !c.from),
    );
    for (const source of sources.flatMap((c) => c.sources).filter((s) => s !== '.')) {
      expect({ source, exists: existsSync(workspacePath(source)), excluded: ignore.excludes(source) }).toEqual({
        source,
        exists: true,
        excluded: false,
      });
    }
  });
});

describe('.dockerignore', () => {
  const ignore = new DockerIgnore(readWorkspaceFile('.dockerignore'));

  it('keeps dependencies, build output, caches, local data, secrets and test output out of the context', () => {
    const kept = [
      'node_modules/nx/package.json',
      'apps/api/node_modules/x/index.js',
      'dist/apps/api/main.js',
      'tmp/x',
      '.nx/workspace-data/file-map.json',
      '.angular/cache/x',
      '.data/postgres/PG_VERSION',
      '.data/app-secret',
      '.git/HEAD',
      '.env',
      '.env.production',
      'coverage/apps/api/index.html',
      'test-results/x.png',
      'playwright-report/index.html',
      'npm-debug.log',
    ].filter((path) => !ignore.excludes(path));
    expect(kept).toEqual([]);
  });

  it('lets through every source file the build needs', () => {
    const excluded = [
      'package.json',
      'package-lock.json',
      '.npmrc',
      'nx.json',
      'tsconfig.base.json',
      '.env.example',
      ...sourceFiles('apps/api'),
      ...sourceFiles('apps/dashboard'),
      ...sourceFiles('libs'),
    ].filter((path) => ignore.excludes(path));
    expect(excluded).toEqual([]);
  });
});

/** Files under `dir`, skipping dependency, output and cache folders (what a checkout contains). */
function sourceFiles(dir: string): string[] {
  const skip = new Set(['node_modules', 'dist', '.angular', 'out-tsc', 'coverage', 'test-results']);
  const walk = (absolute: string): string[] =>
    readdirSync(absolute, { withFileTypes: true }).flatMap((entry) => {
      if (entry.isDirectory()) return skip.has(entry.name) ? [] : walk(join(absolute, entry.name));
      return [relative(WORKSPACE_ROOT, join(absolute, entry.name))];
    });
  const files = walk(workspacePath(dir));
  if (files.length === 0) throw new Error(`no files under ${dir}`);
  return files;
}
