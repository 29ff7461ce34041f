import type Redis from "ioredis"
import { platformRedis, whenReady } from "./redis"

/**
 * Revoked sessions and actors, for as long as an access token issued before the
 * revocation could still be valid. Kept in Redis when REDIS_URL is set, so every
 * instance refuses the token; always also in this process's memory, which answers when
 * Redis is unreachable (a degraded mode where only this instance's revocations count).
 */
const PREFIX = "revoked:"
const FOREVER_SECONDS = 100 * 365 * 24 * 3600
const memory = new Map<string, { value: string; expiresAt: number }>()

function remember(key: string, value: string, ttlSeconds: number): void {
  memory.set(key, { value, expiresAt: Date.now() + ttlSeconds * 1000 })
}

function recall(key: string): string | undefined {
  const entry = memory.get(key)
  if (!entry) {
    return undefined
  }
  if (entry.expiresAt <= Date.now()) {
    memory.delete(key)
    return undefined
  }
  return entry.value
}

/**
 * Always recorded here; with Redis also there, waiting briefly for a connection. If Redis
 * stays unreachable the write fails, so the caller (logout, reset) reports an error
 * instead of pretending other instances know.
 */
async function write(redis: Redis | undefined, key: string, value: string, ttl?: number) {
  remember(key, value, ttl ?? FOREVER_SECONDS)
  if (redis) {
    await whenReady(redis)
    await (ttl ? redis.set(key, value, "EX", ttl) : redis.set(key, value))
  }
}

/** A logged-out or compromised session: every access token with this `sid` is refused. */
export async function revokeSession(sid: string, ttlSeconds: number): Promise<void> {
  await write(platformRedis(), `${PREFIX}sid:${sid}`, "1", ttlSeconds)
}

/**
 * Every token of an actor issued before this second is refused (password reset,
 * deactivation), including tokens Medusa's own /auth routes issued, which carry no `sid`.
 * Tokens issued from this second on (a new login) are not: JWT `iat` has one-second
 * resolution, so the callers also revoke the actor's sessions one by one.
 */
export async function revokeActorTokens(actorId: string, ttlSeconds: number): Promise<void> {
  const now = String(Math.floor(Date.now() / 1000))
  await write(platformRedis(), `${PREFIX}actor:${actorId}`, now, ttlSeconds)
}

/**
 * A deactivated actor: every token, past or future (including ones Medusa's own /auth
 * routes would still issue), is refused until unblockActor.
 */
export async function blockActor(actorId: string): Promise<void> {
  await write(platformRedis(), `${PREFIX}actor:${actorId}`, "Infinity")
}

export async function unblockActor(actorId: string): Promise<void> {
  const key = `${PREFIX}actor:${actorId}`
  memory.delete(key)
  const redis = platformRedis()
  if (redis) {
    await whenReady(redis)
    await redis.del(key)
  }
}

async function lookup(keys: string[]): Promise<(string | undefined)[]> {
  const redis = platformRedis()
  if (redis?.status === "ready") {
    try {
      const values = await redis.mget(...keys)
      return values.map((value, index) => value ?? recall(keys[index]))
    } catch {
      // Fall through to this process's memory.
    }
  }
  return keys.map(recall)
}

/** Whether a token with these claims was revoked after it was issued. */
export async function isTokenRevoked(claims: {
  sid?: unknown
  actor_id?: unknown
  iat?: unknown
}): Promise<boolean> {
  const sid = typeof claims.sid === "string" ? claims.sid : undefined
  const actorId = typeof claims.actor_id === "string" ? claims.actor_id : undefined
  const issuedAt = typeof claims.iat === "number" ? claims.iat : 0
  const keys = [sid && `${PREFIX}sid:${sid}`, actorId && `${PREFIX}actor:${actorId}`].filter(
    (key): key is string => Boolean(key)
  )
  if (!keys.length) {
    return false
  }
  const values = await lookup(keys)
  const sessionRevoked = sid ? values[0] !== undefined : false
  const actorCutoff = actorId ? values[sid ? 1 : 0] : undefined
  return sessionRevoked || (actorCutoff !== undefined && issuedAt < Number(actorCutoff))
}
