import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  LIVE_REVOCATION_REASONS,
  roleSatisfies,
  type ApiTokenDto,
  type CreateApiTokenRequest,
  type CreatedApiTokenResponse,
  type SessionUser,
} from '@convoy/contracts';
import { IsNull, Repository } from 'typeorm';
import { tokenNotFound, tokenRoleTooHigh } from '../auth.errors';
import { OpaqueTokens } from '../crypto/opaque-tokens';
import { ApiTokenEntity } from '../entities/api-token.entity';
import { CredentialEvents } from '../revocation/credential-events.service';

/** last_used_at is refreshed at most this often per token, to keep reads cheap. */
const LAST_USED_RESOLUTION_MS = 60_000;

@Injectable()
export class ApiTokensService {
  constructor(
    @InjectRepository(ApiTokenEntity) private readonly apiTokens: Repository<ApiTokenEntity>,
    private readonly tokens: OpaqueTokens,
    private readonly events: CredentialEvents,
  ) {}

  async list(): Promise<ApiTokenDto[]> {
    const rows = await this.apiTokens.find({ relations: { createdBy: true }, order: { createdAt: 'DESC' } });
    return rows.map(toApiTokenDto);
  }

  async create(creator: SessionUser, request: CreateApiTokenRequest): Promise<CreatedApiTokenResponse> {
    if (!roleSatisfies(creator.role, request.role)) throw tokenRoleTooHigh();
    const { token, hash } = this.tokens.issue('api');
    const expiresAt = request.expiresInDays ? new Date(Date.now() + request.expiresInDays * 86_400_000) : null;
    const saved = await this.apiTokens.save(
      this.apiTokens.create({
        name: request.name.trim(),
        role: request.role,
        tokenHash: hash,
        prefix: token.slice(0, 12),
        createdById: creator.id,
        expiresAt,
      }),
    );
    return { ...toApiTokenDto({ ...saved, createdBy: { email: creator.email } as ApiTokenEntity['createdBy'] }), token };
  }

  async revoke(id: string): Promise<void> {
    const result = await this.apiTokens.update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
    if (!result.affected && !(await this.apiTokens.existsBy({ id }))) throw tokenNotFound();
    if (result.affected) this.events.revoked({ reason: LIVE_REVOCATION_REASONS.tokenRevoked, credentialId: id });
  }

  /** The usable token with this secret (not revoked, not expired, creator active), or null. */
  async findActive(token: string): Promise<ApiTokenEntity | null> {
    const row = await this.apiTokens
      .createQueryBuilder('token')
      .innerJoinAndSelect('token.createdBy', 'creator')
      .where('token.token_hash = :hash', { hash: this.tokens.hash(token) })
      .andWhere('token.revoked_at IS NULL')
      .andWhere('(token.expires_at IS NULL OR token.expires_at > now())')
      .andWhere('creator.disabled = false')
      .getOne();
    if (row && (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS)) {
      await this.apiTokens.update({ id: row.id }, { lastUsedAt: new Date() });
    }
    return row;
  }
}

export function toApiTokenDto(row: ApiTokenEntity): ApiTokenDto {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    prefix: row.prefix,
    createdBy: row.createdBy?.email ?? row.createdById,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
