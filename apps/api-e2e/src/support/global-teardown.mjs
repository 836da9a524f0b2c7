export default async function globalTeardown() {
  await globalThis.__convoyTestPostgres?.stop();
}
