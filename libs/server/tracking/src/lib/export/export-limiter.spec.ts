import type { AppConfig } from '@convoy/server/config';
import { CONCURRENT_EXPORTS_PER_USER, ExportLimiter } from './export-limiter';

const config = { tracking: { exportsPerMinute: 3 } } as AppConfig;

describe('ExportLimiter', () => {
  it('admits EXPORT_RATE_LIMIT exports per minute per user, then says when to retry', () => {
    const limiter = new ExportLimiter(config);
    for (let i = 0; i < 3; i++) {
      const admission = limiter.admit('u1');
      expect(admission.admitted).toBe(true);
      if (admission.admitted) admission.done();
    }
    expect(limiter.admit('u1')).toEqual({ admitted: false, retryAfterSeconds: 20 });
    expect(limiter.admit('u2').admitted).toBe(true);
  });

  it(`lets one user run at most ${CONCURRENT_EXPORTS_PER_USER} exports at once`, () => {
    const limiter = new ExportLimiter({ tracking: { exportsPerMinute: 100 } } as AppConfig);
    const running = [limiter.admit('u1'), limiter.admit('u1')];
    expect(limiter.admit('u1').admitted).toBe(false);
    const first = running[0];
    if (first.admitted) {
      first.done();
      first.done(); // ending twice frees one slot only
    }
    expect(limiter.admit('u1').admitted).toBe(true);
    expect(limiter.admit('u1').admitted).toBe(false);
  });
});
