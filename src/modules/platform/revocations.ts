import type Redis from "ioredis"
import { whenReady } from "./redis"
import type { RevocationClaims } from "./types"

const PREFIX = "revoked:"
const FOREVER_SECONDS = 100 * 365 * 24 * 3600

/**
 * Revoked sessions and actors, for as long as an access token issued before the
 * revocation could still be valid. Kept in Redis when there is one, so every instance
 * refuses the token; always also in this process's memory, which answers when Redis is
 * unreachable (a degraded mode where only this instance's revocations count).
 */
export class Revocations {
  private readonly memory = new Map<string, { value: string; expiresAt: number }>()

  constructor(private readonly redis: Redis | undefined) {}

  /** A logged-out or compromised session: every access token with this `sid` is refused. */
  async revokeSession(sid: string, ttlSeconds: number): Promise<void> {
    await this.write(`${PREFIX}sid:${sid}`, "1", ttlSeconds)
  }

  /**
   * Every token of an actor issued before this second is refused (password reset,
   * deactivation), including tokens Medusa's own /auth routes issued, which carry no
   * `sid`. Tokens issued from this second on (a new login) are not: JWT `iat` has
   * one-second resolution, so the callers also revoke the actor's sessions one by one.
   */
  async revokeActorTokens(actorId: string, ttlSeconds: number): Promise<void> {
    const now = String(Math.floor(Date.now() / 1000))
    await this.write(`${PREFIX}actor:${actorId}`, now, ttlSeconds)
  }

  /**
   * A deactivated actor: every token, past or future (including ones Medusa's own /auth
   * routes would still issue), is refused until unblockActor.
   */
  async blockActor(actorId: string): Promise<void> {
    await this.write(`${PREFIX}actor:${actorId}`, "Infinity")
  }

  async unblockActor(actorId: string): Promise<void> {
    const key = `${PREFIX}actor:${actorId}`
    this.memory.delete(key)
    if (this.redis) {
      await whenReady(this.redis)
      await this.redis.del(key)
    }
  }

  /** Whether a token with these claims was revoked after it was issued. */
  async isTokenRevoked(claims: RevocationClaims): Promise<boolean> {
    const sid = typeof claims.sid === "string" ? claims.sid : undefined
    const actorId = typeof claims.actor_id === "string" ? claims.actor_id : undefined
    const issuedAt = typeof claims.iat === "number" ? claims.iat : 0
    const keys = [sid && `${PREFIX}sid:${sid}`, actorId && `${PREFIX}actor:${actorId}`].filter(
      (key): key is string => Boolean(key)
    )
    if (!keys.length) {
      return false
    }
    const values = await this.lookup(keys)
    const sessionRevoked = sid ? values[0] !== undefined : false
    const actorCutoff = actorId ? values[sid ? 1 : 0] : undefined
    return sessionRevoked || (actorCutoff !== undefined && issuedAt < Number(actorCutoff))
  }

  /** Forgets this process's records (application shutdown); Redis keeps its own. */
  clear(): void {
    this.memory.clear()
  }

  /**
   * Always recorded here; with Redis also there, waiting briefly for a connection. If
   * Redis stays unreachable the write fails, so the caller (logout, reset) reports an
   * error instead of pretending other instances know.
   */
  private async write(key: string, value: string, ttl?: number): Promise<void> {
    this.remember(key, value, ttl ?? FOREVER_SECONDS)
    if (this.redis) {
      await whenReady(this.redis)
      await (ttl ? this.redis.set(key, value, "EX", ttl) : this.redis.set(key, value))
    }
  }

  private async lookup(keys: string[]): Promise<(string | undefined)[]> {
    if (this.redis?.status === "ready") {
      try {
        const values = await this.redis.mget(...keys)
        return values.map((value, index) => value ?? this.recall(keys[index]))
      } catch {
        // Fall through to this process's memory.
      }
    }
    return keys.map((key) => this.recall(key))
  }

  private remember(key: string, value: string, ttlSeconds: number): void {
    this.memory.set(key, { value, expiresAt: Date.now() + ttlSeconds * 1000 })
  }

  private recall(key: string): string | undefined {
    const entry = this.memory.get(key)
    if (!entry) {
      return undefined
    }
    if (entry.expiresAt <= Date.now()) {
      this.memory.delete(key)
      return undefined
    }
    return entry.value
  }
}
