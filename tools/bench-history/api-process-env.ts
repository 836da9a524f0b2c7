import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The glibc malloc settings production starts the API with (`.env.example`, the image, the unit, the ConfigMap). */
export const PRODUCTION_MALLOC_ENV: Record<string, string> = Object.fromEntries(
  readFileSync(join(__dirname, '../../.env.example'), 'utf8')
    .split('\n')
    .map((line) => /^(MALLOC_[A-Z_]+)=(.*)$/.exec(line.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1], m[2]]),
);

/**
 * `--malloc=production` (default: PRODUCTION_MALLOC_ENV), `--malloc=none` (glibc's defaults) or
 * `--malloc=MALLOC_ARENA_MAX=2,MALLOC_MMAP_THRESHOLD_=131072`: to measure each setting alone.
 */
export function mallocEnvFromArgs(argv = process.argv): Record<string, string> {
  const value = argv.find((a) => a.startsWith('--malloc='))?.slice('--malloc='.length) ?? 'production';
  if (value === 'production') return PRODUCTION_MALLOC_ENV;
  if (value === 'none') return {};
  return Object.fromEntries(value.split(',').map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
}

/** Resident memory of a process, MiB. */
export function rssMiB(pid: number): number {
  return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
}

/** CPU time (user + system, ms) of a process, from /proc (USER_HZ = 100); 0 once it ended. */
export function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}
