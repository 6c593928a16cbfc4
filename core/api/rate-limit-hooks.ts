import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import type { RequestScope } from '../request-scope.js';
import type { Authenticator } from '../security/authenticator.js';
import { ANONYMOUS, type Principal } from '../security/principal.js';
import {
  rateLimitedError,
  rateLimitKey,
  type RateLimitDecision,
  type RateLimiter,
} from '../security/rate-limit.js';

/**
 * Property of an HTTP scope that carries its decision to {@link rateLimitPlugin}. A symbol, not a
 * WeakMap entry, because Apollo Server 5 runs each operation on a shallow copy of the context
 * (`Object.assign`), which copies own enumerable symbol properties but not the identity.
 */
const DECISION = Symbol('rateLimitDecision');

type ScopeWithDecision = RequestScope & { [DECISION]?: RateLimitDecision };

/**
 * Lists the response headers for a decision: `RateLimit-Limit`, `RateLimit-Remaining` and
 * `RateLimit-Reset` (seconds until the bucket is full), as defined up to version 06 of the IETF
 * draft draft-ietf-httpapi-ratelimit-headers, plus `Retry-After` in seconds on a rejection.
 */
export function rateLimitHeaders(decision: RateLimitDecision): [string, string][] {
  const headers: [string, string][] = [
    ['ratelimit-limit', String(decision.limit)],
    ['ratelimit-remaining', String(decision.remaining)],
    ['ratelimit-reset', String(Math.ceil(decision.resetMs / 1000))],
  ];
  if (!decision.allowed) {
    headers.push(['retry-after', String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000)))]);
  }
  return headers;
}

/**
 * Authenticates an HTTP request and takes one token from the caller's bucket. It runs in Apollo's
 * context function, before Apollo parses or validates the document and before any resolver runs.
 * Throws RATE_LIMITED with status 429 and `Retry-After` when the bucket is empty. A rejected credential costs the client address a token, so that guessing API
 * keys is limited too.
 */
export async function admitHttpOperation(
  authenticator: Authenticator,
  limiter: RateLimiter | undefined,
  request: { authorization: string | undefined; clientAddress: string | undefined },
): Promise<{ principal: Principal; rateLimit?: RateLimitDecision }> {
  let principal: Principal;
  try {
    principal = await authenticator.authenticate(request.authorization);
  } catch (error) {
    if (limiter) {
      const decision = await limiter.takeOperation(rateLimitKey(ANONYMOUS, request.clientAddress));
      if (!decision.allowed) throw httpRateLimitedError(decision, limiter);
    }
    throw error;
  }
  if (!limiter) return { principal };

  const decision = await limiter.takeOperation(rateLimitKey(principal, request.clientAddress));
  if (!decision.allowed) throw httpRateLimitedError(decision, limiter);
  return { principal, rateLimit: decision };
}

function httpRateLimitedError(decision: RateLimitDecision, limiter: RateLimiter): GraphQLError {
  return rateLimitedError(decision, limiter.settings, {
    http: { status: 429, headers: new HeaderMap(rateLimitHeaders(decision)) },
  });
}

/** Remembers the decision of an admitted HTTP operation for {@link rateLimitPlugin}. */
export function attachRateLimit(scope: RequestScope, decision: RateLimitDecision): void {
  (scope as ScopeWithDecision)[DECISION] = decision;
}

/**
 * Apollo Server plugin that reports the caller's remaining budget on every HTTP response, in
 * `extensions.rateLimit` (`limit`, `remaining`, `resetMs`) and in the `RateLimit-*` headers.
 */
export function rateLimitPlugin(): ApolloServerPlugin<RequestScope> {
  return {
    async requestDidStart({ contextValue }) {
      const decision = (contextValue as ScopeWithDecision)[DECISION];
      if (!decision) return;
      return {
        async willSendResponse({ response }) {
          for (const [name, value] of rateLimitHeaders(decision)) {
            response.http.headers.set(name, value);
          }
          const rateLimit = {
            limit: decision.limit,
            remaining: decision.remaining,
            resetMs: decision.resetMs,
          };
          // An incremental (@defer) response carries the budget in its first payload.
          const result =
            response.body.kind === 'single'
              ? response.body.singleResult
              : response.body.initialResult;
          result.extensions = { ...result.extensions, rateLimit };
        },
      };
    },
  };
}

/**
 * Takes one token for a graphql-ws subscribe message. Returns the RATE_LIMITED error to send in
 * reply when the bucket is empty, or undefined to let the operation run.
 */
export async function admitWebSocketOperation(
  limiter: RateLimiter | undefined,
  principal: Principal,
  clientAddress: string | undefined,
): Promise<GraphQLError[] | undefined> {
  if (!limiter) return undefined;
  const decision = await limiter.takeOperation(rateLimitKey(principal, clientAddress));
  return decision.allowed ? undefined : [rateLimitedError(decision, limiter.settings)];
}
