import { BadRequestException } from '@nestjs/common';

export enum PrivacyErrorCode {
  ErasureNotConfirmed = 'ERASURE_NOT_CONFIRMED',
}

export const erasureNotConfirmed = () =>
  new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    code: PrivacyErrorCode.ErasureNotConfirmed,
    message: "Type the driver's name exactly as shown to confirm the erasure",
  });
