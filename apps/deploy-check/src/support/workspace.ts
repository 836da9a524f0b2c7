import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { API_ENTRY } from '@convoy/testing';

/** The repository root (apps/deploy-check/src/support → ../../../..). */
export const WORKSPACE_ROOT = resolve(__dirname, '../../../..');

export function workspacePath(...segments: string[]): string {
  return join(WORKSPACE_ROOT, ...segments);
}

export function readWorkspaceFile(...segments: string[]): string {
  const path = workspacePath(...segments);
  if (!existsSync(path)) throw new Error(`${relative(WORKSPACE_ROOT, path)} does not exist`);
  return readFileSync(path, 'utf8');
}

/** Files under `dir` (recursive), as paths relative to the workspace root with `/` separators. */
export function listWorkspaceFiles(dir: string): string[] {
  const absolute = workspacePath(dir);
  return readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(WORKSPACE_ROOT, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/**
 * The production start command, from the single place the e2e tests take it: `node` + API_ENTRY
 * (libs/testing), relative to the workspace root — `node dist/apps/api/main.js`.
 */
export const PRODUCTION_START_COMMAND: readonly string[] = [
  'node',
  relative(WORKSPACE_ROOT, API_ENTRY).split(sep).join('/'),
];

/**
 * Every variable `.env.example` documents (its `NAME=value` lines): the set of variables Convoy
 * knows. Deployment files may only set these (plus the few each file declares as its own).
 */
export function documentedVariables(): Map<string, string> {
  const variables = new Map<string, string>();
  for (const line of readWorkspaceFile('.env.example').split('\n')) {
    const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (match) variables.set(match[1], match[2]);
  }
  return variables;
}

/**
 * The glibc malloc settings `.env.example` documents (`MALLOC_*`): glibc reads them when the process
 * starts, so every way of running Convoy in production must set them itself (a `.env` is too late).
 */
export function mallocSettings(): Record<string, string> {
  return Object.fromEntries([...documentedVariables()].filter(([name]) => name.startsWith('MALLOC_')));
}

/** A complete, valid production environment for Convoy (no real secrets). */
export const SAMPLE_SECRETS = {
  APP_SECRET: 'deploy-check-secret-deploy-check-secret-0123456789',
  POSTGRES_PASSWORD: 'a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6',
  DATABASE_URL: 'postgres://convoy:password@postgres.example.internal:5432/convoy',
  REDIS_URL: 'redis://redis.example.internal:6379',
} as const;

/** Durations as Docker, Compose and nginx write them (`30s`, `1m30s`, `1h`, `500ms`), in seconds. */
export function durationSeconds(value: string | number): number {
  if (typeof value === 'number') return value;
  const units: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 };
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)?/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== value.trim()) {
    throw new Error(`not a duration: ${value}`);
  }
  return parts.reduce((sum, [, amount, unit]) => sum + Number(amount) * units[unit ?? 's'], 0);
}
