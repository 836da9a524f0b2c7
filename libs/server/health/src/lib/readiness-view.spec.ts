import { publicReadiness } from './readiness-view';

describe('publicReadiness', () => {
  it('keeps up/down per dependency and drops messages and details', () => {
    const full = {
      status: 'error' as const,
      info: { bot: { status: 'up' as const, mode: 'polling', pollingLeader: true, lastError: 'ETIMEDOUT api.telegram.org' } },
      error: { database: { status: 'down' as const, message: 'connect ECONNREFUSED db.internal:5432' } },
      details: {
        bot: { status: 'up' as const, mode: 'polling', pollingLeader: true, lastError: 'ETIMEDOUT api.telegram.org' },
        database: { status: 'down' as const, message: 'connect ECONNREFUSED db.internal:5432' },
      },
    };
    expect(publicReadiness(full)).toEqual({
      status: 'error',
      info: { bot: { status: 'up' } },
      error: { database: { status: 'down' } },
      details: { bot: { status: 'up' }, database: { status: 'down' } },
    });
  });
});
