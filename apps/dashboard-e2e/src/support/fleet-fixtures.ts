import { test as base } from './fixtures';
import { type FleetApi, startFleetApi } from './fleet-api';

/**
 * The Convoy fixtures against an API of this worker's own, with the Telegram bot on the Bot API double
 * (started once per worker, shared by the fleet specs, stopped when the worker ends).
 */
export const test = base.extend<object, { fleetApi: FleetApi }>({
  fleetApi: [
    // eslint-disable-next-line no-empty-pattern -- Playwright's way to say "depends on no fixture"
    async ({}, use) => {
      const api = await startFleetApi();
      try {
        await use(api);
      } finally {
        await api.stop();
      }
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  baseURL: async ({ fleetApi }, use) => {
    await use(fleetApi.baseUrl);
  },
});

export { expect } from './fixtures';
