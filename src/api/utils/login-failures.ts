import { createHash } from "node:crypto"
import type Redis from "ioredis"
import { loginDelayTable, type LoginThrottleRule } from "../../utils/identity/login-delay"

/** An attempt may go ahead (and counts as a failure until it succeeds), or must wait. */
export type LoginGate = { allowed: true } | { allowed: false; retryAfterSeconds: number }

const KEY_PREFIX = "login-failures:"
/** Accounts this process tracks on its own (no Redis, or Redis unreachable). */
const MEMORY_LIMIT = 50_000

/**
 * One atomic step in Redis: refuse while the account must wait; otherwise count this
 * attempt as a failure and, past the free ones, make the next attempt wait. Counting
 * before the password is checked means parallel guesses cannot all slip through the gate
 * before the first failure is recorded. ARGV: now (ms), window (s), then the delay (ms)
 * after 1, 2, … failures, the last one applying to every later count.
 */
const BEGIN_SCRIPT = `
local now = tonumber(ARGV[1])
local waitUntil = tonumber(redis.call('HGET', KEYS[1], 'until') or '0')
if waitUntil > now then
  return waitUntil - now
end
local failures = redis.call('HINCRBY', KEYS[1], 'n', 1)
local index = math.min(failures, #ARGV - 2) + 2
local delay = tonumber(ARGV[index])
redis.call('HSET', KEYS[1], 'until', now + delay)
redis.call('EXPIRE', KEYS[1], math.max(tonumber(ARGV[2]), math.ceil(delay / 1000)))
return 0
`

/**
 * Takes back an attempt `begin` counted that was never checked (answered 503: shed by the
 * hashing lane, or a dependency down). The count goes down by one, and the wait becomes at
 * most what the remaining count imposes from now: the previous failure's own wait is not
 * kept, so an account past its free failures may wait a little longer than before, never
 * less. ARGV: now (ms), then the delay table as for BEGIN_SCRIPT.
 */
const FORGIVE_SCRIPT = `
local failures = redis.call('HINCRBY', KEYS[1], 'n', -1)
if failures <= 0 then
  redis.call('DEL', KEYS[1])
  return 0
end
local delay = tonumber(ARGV[math.min(failures, #ARGV - 1) + 1])
local waitUntil = tonumber(redis.call('HGET', KEYS[1], 'until') or '0')
redis.call('HSET', KEYS[1], 'until', math.min(waitUntil, tonumber(ARGV[1]) + delay))
return failures
`

type MemoryEntry = { failures: number; waitUntil: number; expiresAt: number }

/**
 * Failed sign-ins per account, shared by every instance through Redis when there is one
 * (the same account attacked through many instances and addresses is one count). While
 * Redis is unreachable each instance counts on its own rather than letting every guess
 * through or refusing every login.
 */
export class LoginFailures {
  private readonly memory = new Map<string, MemoryEntry>()
  private readonly delaysMs: number[]

  constructor(
    private readonly rule: LoginThrottleRule,
    private readonly redis: Redis | undefined
  ) {
    this.delaysMs = loginDelayTable(rule).map((seconds) => seconds * 1000)
  }

  /** Starts an attempt for `account`: refused while it must wait, counted otherwise. */
  async begin(account: string, now = Date.now()): Promise<LoginGate> {
    const key = keyOf(account)
    let waitMs: number
    try {
      waitMs = this.redis ? await this.beginInRedis(key, now) : this.beginInMemory(key, now)
    } catch {
      waitMs = this.beginInMemory(key, now)
    }
    return waitMs > 0
      ? { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) }
      : { allowed: true }
  }

  /** A successful sign-in: the account starts again from zero. */
  async succeeded(account: string): Promise<void> {
    const key = keyOf(account)
    this.memory.delete(key)
    if (this.redis) {
      await this.redis.del(key).catch(() => undefined)
    }
  }

  /** An attempt that was counted but never checked (a 503): not a failure after all. */
  async forgive(account: string, now = Date.now()): Promise<void> {
    const key = keyOf(account)
    const entry = this.memory.get(key)
    if (entry) {
      entry.failures -= 1
      if (entry.failures <= 0) {
        this.memory.delete(key)
      } else {
        const delay = this.delaysMs[Math.min(entry.failures, this.delaysMs.length) - 1]
        entry.waitUntil = Math.min(entry.waitUntil, now + delay)
      }
    }
    if (this.redis) {
      await this.redis
        .eval(FORGIVE_SCRIPT, 1, key, String(now), ...this.delaysMs.map(String))
        .catch(() => undefined)
    }
  }

  private async beginInRedis(key: string, now: number): Promise<number> {
    const redis = this.redis as Redis
    const result = await redis.eval(
      BEGIN_SCRIPT,
      1,
      key,
      String(now),
      String(this.rule.windowSeconds),
      ...this.delaysMs.map(String)
    )
    return Number(result)
  }

  private beginInMemory(key: string, now: number): number {
    const existing = this.memory.get(key)
    const entry = existing && existing.expiresAt > now ? existing : undefined
    if (entry && entry.waitUntil > now) {
      return entry.waitUntil - now
    }
    const failures = (entry?.failures ?? 0) + 1
    const delay = this.delaysMs[Math.min(failures, this.delaysMs.length) - 1]
    this.memory.delete(key)
    this.memory.set(key, {
      failures,
      waitUntil: now + delay,
      expiresAt: now + Math.max(this.rule.windowSeconds * 1000, delay),
    })
    this.evictOldest()
    return 0
  }

  /** Map order is insertion order and entries are re-inserted on use: oldest first. */
  private evictOldest(): void {
    while (this.memory.size > MEMORY_LIMIT) {
      const oldest = this.memory.keys().next().value as string
      this.memory.delete(oldest)
    }
  }
}

/** Accounts are emails: hashed, so Redis keys hold no personal data. */
function keyOf(account: string): string {
  return KEY_PREFIX + createHash("sha256").update(account).digest("hex")
}
