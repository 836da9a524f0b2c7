import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CONVOY_MIGRATIONS } from './schema';

const SERVER_LIBS = join(__dirname, '..', '..', '..');

/** `<timestamp>-<Name>.ts` files under every server lib's src/lib/migrations. */
function committedMigrations(): string[] {
  return readdirSync(SERVER_LIBS).flatMap((lib) => {
    try {
      return readdirSync(join(SERVER_LIBS, lib, 'src', 'lib', 'migrations'))
        .filter((file) => /^\d+-\w+\.ts$/.test(file))
        .map((file) => file.replace(/^(\d+)-(\w+)\.ts$/, '$2$1'));
    } catch {
      return [];
    }
  });
}

describe('CONVOY_MIGRATIONS', () => {
  it('holds every committed migration file exactly once, so none is left out of a deploy', () => {
    const names = CONVOY_MIGRATIONS.map((migration) => migration.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(committedMigrations().sort());
  });

  it('is oldest first', () => {
    const timestamps = CONVOY_MIGRATIONS.map((migration) => Number(/\d{13}$/.exec(migration.name)?.[0]));
    expect(timestamps).toEqual([...timestamps].sort((a, b) => a - b));
  });
});
