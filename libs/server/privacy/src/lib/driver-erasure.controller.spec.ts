import type { DriverDto } from '@convoy/contracts';
import type { DriversService } from '@convoy/server/tracking';
import { DriverErasureController } from './driver-erasure.controller';
import type { DriverErasureService } from './driver-erasure.service';
import { PrivacyErrorCode } from './privacy.errors';

function setup(driver: Partial<DriverDto>) {
  const erasure = { erase: jest.fn().mockResolvedValue({ ...driver, name: 'Erased driver', erasedBy: 'dispatcher' }) };
  const drivers = { get: jest.fn().mockResolvedValue({ id: 'd1', erasedAt: null, ...driver }) };
  const controller = new DriverErasureController(erasure as unknown as DriverErasureService, drivers as unknown as DriversService);
  return { controller, erasure };
}

describe('POST /api/drivers/:id/erase', () => {
  it('erases only when the typed name is the driver’s name (ends trimmed)', async () => {
    const { controller, erasure } = setup({ name: 'Jan Novák' });
    await expect(controller.erase('d1', { confirmName: 'Jan' })).rejects.toMatchObject({
      response: { code: PrivacyErrorCode.ErasureNotConfirmed },
    });
    expect(erasure.erase).not.toHaveBeenCalled();
    await controller.erase('d1', { confirmName: ' Jan Novák ' });
    expect(erasure.erase).toHaveBeenCalledWith('d1', 'dispatcher');
  });

  it('answers an erased driver as it is, without erasing again', async () => {
    const { controller, erasure } = setup({ name: 'Erased driver', erasedAt: '2026-12-01T10:00:00.000Z', erasedBy: 'driver' });
    await expect(controller.erase('d1', { confirmName: 'anything' })).resolves.toMatchObject({ erasedBy: 'driver' });
    expect(erasure.erase).not.toHaveBeenCalled();
  });
});
