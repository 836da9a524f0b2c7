import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { AlertRuleDto, CreateAlertRuleRequest, QuietHours, UpdateAlertRuleRequest } from '@convoy/contracts';
import { AppConfig } from '@convoy/server/config';
import type { DataSource, Repository } from 'typeorm';
import { AlertRuleEntity } from '../entities/alert-rule.entity';
import { ruleInvalid, ruleNotFound } from '../notifications.errors';
import type { MatchableRule } from './rule-matching';

/** Alert rules: CRUD with checks that every user, place and driver named exists. */
@Injectable()
export class AlertRulesService {
  constructor(
    @InjectRepository(AlertRuleEntity) private readonly rules: Repository<AlertRuleEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async list(): Promise<AlertRuleDto[]> {
    return (await this.rules.find({ order: { createdAt: 'ASC', name: 'ASC' } })).map(toAlertRuleDto);
  }

  async get(id: string): Promise<AlertRuleDto> {
    const rule = await this.rules.findOneBy({ id });
    if (!rule) throw ruleNotFound();
    return toAlertRuleDto(rule);
  }

  async create(request: CreateAlertRuleRequest): Promise<AlertRuleDto> {
    const rule = this.rules.create({
      name: request.name.trim(),
      enabled: request.enabled ?? true,
      events: request.events,
      placeIds: request.placeIds ?? null,
      placeKinds: request.placeKinds ?? null,
      driverIds: request.driverIds ?? null,
      recipientUserIds: unique(request.recipientUserIds ?? []),
      recipientRoles: request.recipientRoles ?? [],
      channels: request.channels,
      quietHours: this.quietHours(request.quietHours),
    });
    await this.check(rule);
    return toAlertRuleDto(await this.rules.save(rule));
  }

  async update(id: string, request: UpdateAlertRuleRequest): Promise<AlertRuleDto> {
    const rule = await this.rules.findOneBy({ id });
    if (!rule) throw ruleNotFound();
    if (request.name !== undefined) rule.name = request.name.trim();
    if (request.enabled !== undefined) rule.enabled = request.enabled;
    if (request.events !== undefined) rule.events = request.events;
    if (request.placeIds !== undefined) rule.placeIds = request.placeIds;
    if (request.placeKinds !== undefined) rule.placeKinds = request.placeKinds;
    if (request.driverIds !== undefined) rule.driverIds = request.driverIds;
    if (request.recipientUserIds !== undefined) rule.recipientUserIds = unique(request.recipientUserIds);
    if (request.recipientRoles !== undefined) rule.recipientRoles = request.recipientRoles;
    if (request.channels !== undefined) rule.channels = request.channels;
    if (request.quietHours !== undefined) rule.quietHours = this.quietHours(request.quietHours);
    await this.check(rule);
    return toAlertRuleDto(await this.rules.save(rule));
  }

  async remove(id: string): Promise<void> {
    const result = await this.rules.delete({ id });
    if (!result.affected) throw ruleNotFound();
  }

  /** The enabled rules, as the fan-out matches them (read inside the dispatch transaction). */
  static async enabledWithin(tx: { query(sql: string, parameters?: unknown[]): Promise<unknown> }): Promise<MatchableRule[]> {
    const rows = (await tx.query(
      `SELECT enabled, events, place_ids, place_kinds, driver_ids, recipient_user_ids, recipient_roles, channels, quiet_hours
         FROM alert_rules WHERE enabled`,
    )) as RuleRow[];
    return rows.map((row) => ({
      enabled: row.enabled,
      events: row.events,
      placeIds: row.place_ids,
      placeKinds: row.place_kinds,
      driverIds: row.driver_ids,
      recipientUserIds: row.recipient_user_ids,
      recipientRoles: row.recipient_roles,
      channels: row.channels,
      quietHours: row.quiet_hours,
    })) as MatchableRule[];
  }

  private quietHours(value: CreateAlertRuleRequest['quietHours']): QuietHours | null {
    if (!value) return null;
    return { start: value.start, end: value.end, timeZone: value.timeZone ?? this.config.telegram.timeZone };
  }

  /** Every problem at once: who receives it, and whether the users, places and drivers named exist. */
  private async check(rule: AlertRuleEntity): Promise<void> {
    const problems: string[] = [];
    if (rule.recipientUserIds.length === 0 && rule.recipientRoles.length === 0) {
      problems.push('recipientUserIds or recipientRoles must name at least one recipient');
    }
    const missing = async (table: 'users' | 'places' | 'drivers', ids: string[] | null, what: string) => {
      if (!ids?.length) return;
      const rows = (await this.dataSource.query(`SELECT id FROM ${table} WHERE id = ANY($1::uuid[])`, [ids])) as { id: string }[];
      const known = new Set(rows.map((row) => row.id));
      const unknown = ids.filter((id) => !known.has(id));
      if (unknown.length) problems.push(`unknown ${what}: ${unknown.join(', ')}`);
    };
    await missing('users', rule.recipientUserIds, 'recipientUserIds');
    await missing('places', rule.placeIds, 'placeIds');
    await missing('drivers', rule.driverIds, 'driverIds');
    if (problems.length) throw ruleInvalid(problems);
  }
}

interface RuleRow {
  enabled: boolean;
  events: string[];
  place_ids: string[] | null;
  place_kinds: string[] | null;
  driver_ids: string[] | null;
  recipient_user_ids: string[];
  recipient_roles: string[];
  channels: string[];
  quiet_hours: QuietHours | null;
}

function unique(ids: string[]): string[] {
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}

export function toAlertRuleDto(rule: AlertRuleEntity): AlertRuleDto {
  return {
    id: rule.id,
    name: rule.name,
    enabled: rule.enabled,
    events: rule.events,
    placeIds: rule.placeIds,
    placeKinds: rule.placeKinds,
    driverIds: rule.driverIds,
    recipientUserIds: rule.recipientUserIds,
    recipientRoles: rule.recipientRoles,
    channels: rule.channels,
    quietHours: rule.quietHours,
    createdAt: rule.createdAt.toISOString(),
    updatedAt: rule.updatedAt.toISOString(),
  };
}
