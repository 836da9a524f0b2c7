import { Logger } from '@nestjs/common';
import { ReadinessLog } from './readiness-log';

describe('ReadinessLog', () => {
  let error: jest.SpyInstance;
  let log: jest.SpyInstance;
  beforeEach(() => {
    error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('logs a failing dependency once when it goes down and once when it comes back, not per probe', () => {
    const readiness = new ReadinessLog();
    const down = { database: { status: 'down' as const, message: 'timeout' } };
    readiness.observe({ database: { status: 'up' } });
    for (let probe = 0; probe < 10; probe++) readiness.observe(down);
    readiness.observe({ database: { status: 'up' } });
    readiness.observe({ database: { status: 'up' } });

    expect(error).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalledWith({ dependency: 'database', status: 'down', error: 'timeout' }, 'Readiness: database is down: timeout');
    expect(log).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith({ dependency: 'database', status: 'up' }, 'Readiness: database is up again');
  });

  it('says nothing about the drain: that is expected, and announced once elsewhere', () => {
    const readiness = new ReadinessLog();
    for (let probe = 0; probe < 10; probe++) readiness.observe({ shutdown: { status: 'down', draining: true } });
    expect(error).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
  });
});
