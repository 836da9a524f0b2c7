import { Logger } from 'nestjs-pino';
import { ConvoyLogger } from './convoy-logger';

describe('ConvoyLogger', () => {
  const logger = Object.create(ConvoyLogger.prototype) as ConvoyLogger;
  const info = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  const debug = jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
  afterEach(() => jest.clearAllMocks());

  it("moves Nest's per-module and per-route start-up lines to debug, so the start banner is not buried", () => {
    logger.log('Mapped {/api/links, POST} route', 'RouterExplorer');
    logger.log('AppModule dependencies initialized', 'InstanceLoader');
    expect(debug).toHaveBeenCalledTimes(2);
    expect(info).not.toHaveBeenCalled();
  });

  it('keeps every other line at info', () => {
    logger.log('Created the first admin: admin@convoy.local', 'FirstAdminService');
    logger.log('no context');
    expect(info).toHaveBeenCalledTimes(2);
    expect(debug).not.toHaveBeenCalled();
  });
});
