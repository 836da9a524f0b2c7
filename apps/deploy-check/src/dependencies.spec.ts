import { readFileSync } from 'node:fs';
import semver from 'semver';
import { loadStages } from './support/dockerfile';
import { listWorkspaceFiles, readWorkspaceFile, workspacePath } from './support/workspace';

/**
 * The image's runtime stage installs `dependencies` only (`npm ci --omit=dev`), so that list must
 * hold everything the API bundle loads at run time (webpack leaves node_modules external) and
 * nothing only the dashboard's build uses. Checked from the sources, without a build.
 */
interface PackageJson {
  engines: { node: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}
interface LockedPackage {
  version?: string;
  engines?: { node?: string } | string[];
  dev?: boolean;
  peerDependencies?: Record<string, string>;
}

const pkg = JSON.parse(readWorkspaceFile('package.json')) as PackageJson;
const lock = JSON.parse(readWorkspaceFile('package-lock.json')) as { packages: Record<string, LockedPackage> };

/**
 * Production dependencies no server source imports, and why the runtime needs them anyway.
 * (Peers of imported packages are found below without being listed here.)
 */
const RUNTIME_ONLY: Record<string, string> = {
  tslib: 'the api bundle requires its helpers (importHelpers in tsconfig.base.json)',
};

/** Server code: what ends up in dist/apps/api/main.js. */
const SERVER_SOURCES = ['apps/api/src', 'libs/server', 'libs/contracts/src'];
const DASHBOARD_SOURCES = ['apps/dashboard/src'];

/** The npm packages the (non-test) TypeScript files under `dirs` import, by package name. */
function importedPackages(dirs: string[]): Set<string> {
  const specifiers = dirs
    .flatMap((dir) => listWorkspaceFiles(dir))
    .filter((file) => file.endsWith('.ts') && !/\.(spec|e2e-spec|test)\.ts$/.test(file))
    .flatMap((file) => [
      ...readFileSync(workspacePath(file), 'utf8').matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm),
    ])
    .map((match) => match[1]);
  return new Set(
    specifiers
      .filter((s) => !s.startsWith('.') && !s.startsWith('node:') && !s.startsWith('@convoy/'))
      .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0])),
  );
}

const server = importedPackages(SERVER_SOURCES);
const dashboard = importedPackages(DASHBOARD_SOURCES);
const production = new Set(Object.keys(pkg.dependencies));

describe('package.json dependencies (what the runtime image installs)', () => {
  it('finds the imports it checks (the scan has teeth)', () => {
    expect([...server]).toEqual(expect.arrayContaining(['@nestjs/core', 'typeorm', 'nestjs-pino']));
    expect([...dashboard]).toEqual(expect.arrayContaining(['@angular/core', 'leaflet']));
  });

  it('holds every package the server code imports (or the production image fails at start)', () => {
    expect([...server].filter((name) => !production.has(name))).toEqual([]);
  });

  it('holds no package only the dashboard imports: the browser bundle is built, not run, in the image', () => {
    const browserOnly = [...dashboard].filter((name) => !server.has(name));
    expect(browserOnly.length).toBeGreaterThan(0);
    expect(browserOnly.filter((name) => production.has(name))).toEqual([]);
    // Angular and Leaflet in particular
    expect(Object.keys(pkg.dependencies).filter((name) => /^@angular\/|^@bluehalo\/|^leaflet/.test(name))).toEqual([]);
  });

  it('holds nothing else, except peers of imported packages and the few listed with a reason', () => {
    const peers = new Set(
      [...server].flatMap((name) => Object.keys(lock.packages[`node_modules/${name}`]?.peerDependencies ?? {})),
    );
    const unexplained = [...production].filter((name) => !server.has(name) && !peers.has(name) && !(name in RUNTIME_ONLY));
    expect(unexplained).toEqual([]);
  });
});

describe('Node version', () => {
  const base = loadStages()[0];
  const imageNode = /^(\d+\.\d+\.\d+)-/.exec(base.from.getImageTag() ?? '')?.[1] ?? 'none';
  const engines = (entry: LockedPackage) => (Array.isArray(entry.engines) ? undefined : entry.engines?.node);

  it('the image’s Node satisfies package.json engines', () => {
    expect(semver.valid(imageNode)).toBe(imageNode);
    expect(semver.satisfies(imageNode, pkg.engines.node)).toBe(true);
  });

  it('CI runs the api-e2e suite on the image’s Node release as well as on the engines floor', () => {
    const ci = readWorkspaceFile('.ci/run');
    expect(/^NODE24_VERSION=(\S+)$/m.exec(ci)?.[1]).toBe(imageNode);
    expect(ci).toMatch(/npm install [^\n]*"node@\$NODE24_VERSION"/);
    expect(ci).toMatch(/nx e2e api-e2e/);
  });

  it.each([
    ['the lowest Node package.json allows', semver.minVersion(pkg.engines.node)?.version ?? 'none'],
    ['the image’s Node', imageNode],
  ])('every locked package supports %s (%s): npm ci shows no EBADENGINE', (_what, version) => {
    const unsupported = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && engines(entry) && !semver.satisfies(version, engines(entry) as string))
      .map(([path, entry]) => `${path.replace(/^.*node_modules\//, '')}@${entry.version} needs node ${engines(entry)}`);
    expect(unsupported).toEqual([]);
  });
});
