import { BadRequestException } from '@nestjs/common';
import { IsInt, IsString, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { createValidationPipe } from './validation-pipe';

class Stop {
  @IsInt()
  @Min(0)
  order!: number;
}

class CreateRoute {
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  name!: string;

  @ValidateNested({ each: true })
  @Type(() => Stop)
  stops!: Stop[];
}

async function refusal(body: unknown): Promise<Record<string, unknown>> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: CreateRoute });
  } catch (error) {
    return (error as BadRequestException).getResponse() as Record<string, unknown>;
  }
  throw new Error('expected a refusal');
}

describe('createValidationPipe', () => {
  it('answers like every other error, with a code, and says a missing field is required (once)', async () => {
    expect(await refusal({ stops: [] })).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'VALIDATION_FAILED',
      message: ['name is required'],
    });
  });

  it('says which rule a present value breaks', async () => {
    expect((await refusal({ name: 'x'.repeat(81), stops: [] })).message).toEqual(['name must be shorter than or equal to 80 characters']);
  });

  it('names nested fields by their path', async () => {
    expect((await refusal({ name: 'x', stops: [{ order: 1 }, { order: -1 }] })).message).toEqual(['stops.1.order must not be less than 0']);
  });

  it('refuses unknown fields', async () => {
    expect((await refusal({ name: 'x', stops: [], token: 'mine' })).message).toEqual(['property token should not exist']);
  });
});
