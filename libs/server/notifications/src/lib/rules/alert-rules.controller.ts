import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AlertRuleDto } from '@convoy/contracts';
import { ErrorResponseDto, RequireRole } from '@convoy/server/auth';
import { AlertRuleResponseDto, CreateAlertRuleDto, UpdateAlertRuleDto } from '../dto/alert-rule.dto';
import { AlertRulesService } from './alert-rules.service';

@ApiTags('alert-rules')
@Controller('api/alert-rules')
export class AlertRulesController {
  constructor(private readonly rules: AlertRulesService) {}

  @Get()
  @ApiOperation({ summary: 'Every alert rule (any signed-in role may read)' })
  @ApiOkResponse({ type: [AlertRuleResponseDto] })
  list(): Promise<AlertRuleDto[]> {
    return this.rules.list();
  }

  @Get(':id')
  @ApiOperation({ summary: 'One alert rule' })
  @ApiOkResponse({ type: AlertRuleResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<AlertRuleDto> {
    return this.rules.get(id);
  }

  @Post()
  @RequireRole('dispatcher')
  @ApiOperation({ summary: 'Create an alert rule: which events (places, drivers), to whom, through which channels, quiet hours' })
  @ApiCreatedResponse({ type: AlertRuleResponseDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Invalid fields, no recipient, or unknown users/places/drivers (ALERT_RULE_INVALID)' })
  create(@Body() body: CreateAlertRuleDto): Promise<AlertRuleDto> {
    return this.rules.create(body);
  }

  @Patch(':id')
  @RequireRole('dispatcher')
  @ApiOperation({ summary: 'Change an alert rule; fields sent replace the old ones' })
  @ApiOkResponse({ type: AlertRuleResponseDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateAlertRuleDto): Promise<AlertRuleDto> {
    return this.rules.update(id, body);
  }

  @Delete(':id')
  @RequireRole('dispatcher')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an alert rule (alerts already sent stay in the inboxes)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async remove(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.rules.remove(id);
  }
}
