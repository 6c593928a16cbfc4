import { MikroORM } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Logger } from 'pino';
import type { AppConfig } from '../config.js';
import { StaffRole } from '../entities/enums.js';
import { ApiClient } from './api-client.entity.js';
import { hashApiKey } from './api-keys.js';
import { ANONYMOUS, ApiScope, type Principal } from './principal.js';

const ALL_SCOPES = [ApiScope.READ, ApiScope.WRITE, ApiScope.SUBSCRIBE];
const KNOWN_ROLES = new Set<string>(Object.values(StaffRole));
/** How long a resolved API key is trusted before it is looked up again; other instances notice a
 * revocation within this time. */
const KEY_CACHE_MS = 10_000;

// Shared by every authenticator in the process, so revoking a key here takes effect at once.
const keyCache = new Map<string, { principal: Principal; until: number }>();

/** Forgets cached API keys, so a revoked key stops working at once in this process. */
export function forgetCachedApiKeys(): void {
  keyCache.clear();
}

/** Authentication failure. Over HTTP the response is 401; over graphql-ws it closes the socket with 4403. */
export function invalidCredentials(reason: string): GraphQLError {
  return new GraphQLError(`Invalid credentials: ${reason}`, {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });
}

/**
 * Turns an `Authorization: Bearer …` value into a principal: a JWT (three dot-separated parts)
 * becomes a staff member with the token's roles, anything else is looked up as an API key.
 * No header means the anonymous principal, which may call nothing.
 */
export class Authenticator {
  private readonly jwtKey: Uint8Array | JWTVerifyGetKey | undefined;

  constructor(
    private readonly orm: MikroORM,
    private readonly config: AppConfig,
    private readonly logger: Logger,
  ) {
    if (config.jwt.secret) this.jwtKey = new TextEncoder().encode(config.jwt.secret);
    else if (config.jwt.jwksUrl) this.jwtKey = createRemoteJWKSet(new URL(config.jwt.jwksUrl));
  }

  async authenticate(authorization: string | undefined | null): Promise<Principal> {
    if (!authorization) return ANONYMOUS;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw invalidCredentials('expected "Authorization: Bearer <API key or token>"');
    const credential = match[1];
    return credential.split('.').length === 3
      ? this.verifyJwt(credential)
      : this.verifyApiKey(credential);
  }

  private async verifyJwt(token: string): Promise<Principal> {
    if (!this.jwtKey)
      throw invalidCredentials('this server does not accept tokens; use an API key');
    try {
      const { payload } = await jwtVerify(token, this.jwtKey as Uint8Array, {
        issuer: this.config.jwt.issuer,
        audience: this.config.jwt.audience,
        algorithms: this.config.jwt.secret ? ['HS256'] : undefined,
      });
      if (!payload.sub) throw invalidCredentials('the token has no subject (sub)');
      const claimed = Array.isArray(payload.roles) ? payload.roles : [];
      return {
        kind: 'staff',
        id: `staff:${payload.sub}`,
        name: typeof payload.name === 'string' ? payload.name : payload.sub,
        roles: claimed.filter(
          (role): role is StaffRole => typeof role === 'string' && KNOWN_ROLES.has(role),
        ),
        scopes: ALL_SCOPES,
      };
    } catch (error) {
      if (error instanceof GraphQLError) throw error;
      this.logger.warn({ reason: (error as Error).message }, 'token rejected');
      throw invalidCredentials('the token is invalid or expired');
    }
  }

  private async verifyApiKey(key: string): Promise<Principal> {
    const hash = hashApiKey(key);
    const cached = keyCache.get(hash);
    if (cached && cached.until > Date.now()) return cached.principal;

    // The lookup runs outside any request scope, so the tenant filter must not apply.
    const client = await this.orm.em
      .fork()
      .findOne(ApiClient, { keyHash: hash }, { filters: false });
    if (!client || client.revokedAt) {
      keyCache.delete(hash);
      throw invalidCredentials('unknown or revoked API key');
    }
    const principal: Principal = {
      kind: 'api-client',
      id: `api-client:${client.id}`,
      name: client.name,
      roles: client.roles,
      scopes: client.scopes,
      customerId: client.customer?.id,
    };
    keyCache.set(hash, { principal, until: Date.now() + KEY_CACHE_MS });
    return principal;
  }
}
