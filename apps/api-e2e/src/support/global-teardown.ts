export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __convoyTestPostgres?: { stop(): Promise<void> } }).__convoyTestPostgres?.stop();
}
