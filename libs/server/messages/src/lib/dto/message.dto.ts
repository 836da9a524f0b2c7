import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import {
  DEFAULT_QUICK_REPLIES,
  MESSAGE_DIRECTIONS,
  MESSAGE_MAX_LENGTH,
  MESSAGE_MAX_QUICK_REPLIES,
  MESSAGE_QUICK_REPLY_MAX_LENGTH,
  MESSAGE_STATUSES,
  type MessageDirection,
  type MessageDto,
  type MessageStatus,
  type MessageThreadDto,
  type SendMessageRequest,
} from '@convoy/contracts';
import { THREAD_DEFAULT_LIMIT, THREAD_MAX_LIMIT } from '../messages.service';

/** Not only whitespace. */
const SOMETHING = /\S/;

export class SendMessageDto implements SendMessageRequest {
  @ApiProperty({ example: 'Please call the depot when you arrive.', minLength: 1, maxLength: MESSAGE_MAX_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(MESSAGE_MAX_LENGTH)
  @Matches(SOMETHING, { message: 'text must not be blank' })
  text!: string;

  @ApiPropertyOptional({
    type: [String],
    example: [...DEFAULT_QUICK_REPLIES],
    maxItems: MESSAGE_MAX_QUICK_REPLIES,
    description: `Buttons the driver can tap to answer (at most ${MESSAGE_MAX_QUICK_REPLIES}, each 1–${MESSAGE_QUICK_REPLY_MAX_LENGTH} characters)`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MESSAGE_MAX_QUICK_REPLIES)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(MESSAGE_QUICK_REPLY_MAX_LENGTH, { each: true })
  @Matches(SOMETHING, { each: true, message: 'each quick reply must not be blank' })
  quickReplies?: string[];
}

export class ThreadQueryDto {
  @ApiPropertyOptional({ description: 'Only messages created before this instant (ISO 8601): the next page back', example: '2026-12-01T12:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  before?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: THREAD_MAX_LIMIT, default: THREAD_DEFAULT_LIMIT, example: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(THREAD_MAX_LIMIT)
  limit?: number;
}

export class MessageSenderDto {
  @ApiProperty({ format: 'uuid', example: '7f2e0a77-9c3b-4d40-9e5c-3b4a5f6e7d8c' })
  id!: string;

  @ApiProperty({ example: 'anna', description: 'The local part of the sender’s email' })
  name!: string;
}

export class MessageResponseDto implements MessageDto {
  @ApiProperty({ format: 'uuid', example: '5d0c8e55-7a1f-4b2e-9c3a-1f2e3d4c5b6a' })
  id!: string;

  @ApiProperty({ format: 'uuid', example: '6e1d9f66-8b2a-4c3f-8d4b-2a3f4e5d6c7b' })
  driverId!: string;

  @ApiProperty({ enum: MESSAGE_DIRECTIONS, example: 'to-driver' })
  direction!: MessageDirection;

  @ApiProperty({ example: 'Please call the depot when you arrive.' })
  text!: string;

  @ApiProperty({ type: [String], example: ['On my way', 'Arrived'], description: 'to-driver: the buttons offered; from-driver: empty' })
  quickReplies!: string[];

  @ApiProperty({ type: String, nullable: true, example: null, description: 'from-driver: the button tapped (null for typed text); to-driver: the answer the driver chose' })
  quickReply!: string | null;

  @ApiProperty({ enum: MESSAGE_STATUSES, example: 'delivered' })
  status!: MessageStatus;

  @ApiProperty({ type: String, nullable: true, example: 'The driver blocked the bot', description: 'Why it failed (or, while still sent, why the last try did not work)' })
  error!: string | null;

  @ApiProperty({ type: MessageSenderDto, nullable: true })
  sentBy!: MessageSenderDto | null;

  @ApiProperty({ format: 'date-time', example: '2026-12-01T12:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null, description: 'from-driver: when a dispatcher read it; null = unread' })
  readAt!: string | null;
}

export class MessageThreadResponseDto implements MessageThreadDto {
  @ApiProperty({ format: 'uuid', example: '6e1d9f66-8b2a-4c3f-8d4b-2a3f4e5d6c7b' })
  driverId!: string;

  @ApiProperty({ example: true, description: 'false for GPS-app, unbound and erased drivers: they cannot receive messages' })
  canReceive!: boolean;

  @ApiProperty({ type: [MessageResponseDto], description: 'Oldest first (newest last)' })
  messages!: MessageResponseDto[];

  @ApiProperty({ example: 2, description: 'The driver’s replies no dispatcher has read' })
  unread!: number;
}

export class MarkReadResponseDto {
  @ApiProperty({ example: 2, description: 'How many replies were marked read' })
  read!: number;
}

export class QuickReplyTapDto {
  @ApiProperty({ minimum: 0, maximum: MESSAGE_MAX_QUICK_REPLIES - 1, example: 0, description: 'Index of the tapped button in the message’s quickReplies' })
  @IsInt()
  @Min(0)
  @Max(MESSAGE_MAX_QUICK_REPLIES - 1)
  option!: number;
}
