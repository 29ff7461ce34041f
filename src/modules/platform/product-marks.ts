import type { Logger } from "@medusajs/framework/types"
import type Redis from "ioredis"
import { whenReady } from "./redis"

/**
 * Per-product invalidation for a generation cache (docs/CATALOG.md, "Cache"). A write
 * that changes only what some products show (their units in stock) **marks** them instead
 * of starting a new generation: marks are numbered by one shared counter (the mark
 * epoch), and an answer remembers the epoch this process had reached when it started
 * rendering it and the products it shows. It is current while none of its products has a
 * later mark, so a checkout re-renders the answers showing what it sold, not the catalog.
 *
 * With Redis, a mark is one script: it takes the next epoch, logs each product at it (a
 * sorted set keeping each product's latest mark, the newest LOG_SIZE of them) and
 * announces it on a channel, so processes receive marks in epoch order. A process that
 * joins reads the log; one that missed announcements finds the counter ahead (read at most
 * once a second, as the generation is) and reads the log from its epoch on. Marks that left
 * the log before a process read them cannot be checked: answers rendered before them are
 * not served (the horizon). Without Redis, marks are this process's.
 *
 * Sound because a mark is announced after its write committed: a process that has applied
 * every mark up to epoch E renders from data that includes those writes, so its answer
 * stamped E is stale only for products marked after E.
 */
const LOG_SIZE = 20_000
const CHECK_MS = 1000

const MARK_SCRIPT = `
local epoch = redis.call('INCR', KEYS[1])
for i = 2, #ARGV do redis.call('ZADD', KEYS[2], epoch, ARGV[i]) end
local limit = tonumber(ARGV[1])
if redis.call('ZCARD', KEYS[2]) > limit then
  local gone = redis.call('ZRANGE', KEYS[2], 0, -(limit + 1), 'WITHSCORES')
  redis.call('SET', KEYS[3], gone[#gone])
  redis.call('ZREMRANGEBYRANK', KEYS[2], 0, -(limit + 1))
end
redis.call('PUBLISH', KEYS[4], epoch .. ' ' .. table.concat(ARGV, ' ', 2))
return epoch`

/** The channel announcing marks (pub/sub ignores database numbers: the name carries it). */
export function markChannel(database: number | undefined, name: string): string {
  return `${name}:marked:${database ?? 0}`
}

export type ProductMarksDependencies = {
  name: string
  redis?: Redis
  subscriber?: Redis
  logger: Logger
  /** How many products the shared log keeps (LOG_SIZE; smaller in tests). */
  logSize?: number
}

export class ProductMarks {
  /** Every mark up to this epoch has been applied here. */
  private epoch = 0
  /** Answers rendered before this epoch cannot be checked: marks of theirs may be lost. */
  private horizon = 0
  private readonly latest = new Map<string, number>()
  private joined: Promise<void> | undefined
  private lastCheck = 0
  private readonly keys: { epoch: string; log: string; trimmed: string }
  private readonly channel: string

  constructor(private readonly deps: ProductMarksDependencies) {
    this.keys = {
      epoch: `${deps.name}:marks:epoch`,
      log: `${deps.name}:marks:log`,
      trimmed: `${deps.name}:marks:trimmed`,
    }
    this.channel = markChannel(deps.redis?.options.db, deps.name)
    deps.subscriber?.on("message", (channel: string, message: string) => {
      if (channel === this.channel) {
        this.receive(message)
      }
    })
  }

  /** The epoch an answer whose rendering starts now is stamped with. */
  now(): number {
    return this.epoch
  }

  /** Whether an answer showing `products`, rendered at `renderedAt`, shows their latest marks. */
  isCurrent(products: readonly string[], renderedAt: number): boolean {
    if (renderedAt < this.horizon) {
      return false
    }
    return products.every((id) => (this.latest.get(id) ?? 0) <= renderedAt)
  }

  /** Joins the shared marks (once), then re-reads the counter at most once a second. */
  async follow(): Promise<void> {
    const { redis } = this.deps
    if (!redis) {
      return
    }
    if (!this.joined) {
      const joining = this.join(redis)
      if (redis.status === "ready") {
        await joining
      }
    }
    const now = Date.now()
    if (now - this.lastCheck >= CHECK_MS) {
      this.lastCheck = now
      void this.catchUp(redis).catch(() => undefined)
    }
  }

  /**
   * Marks products after a write of theirs committed: their answers render afresh
   * everywhere. False when the mark could not be shared (Redis unreachable): the caller
   * must then invalidate otherwise, since an epoch made up here would be another
   * process's next real one.
   */
  async mark(products: string[]): Promise<boolean> {
    if (!products.length) {
      return true
    }
    const { redis } = this.deps
    if (redis) {
      try {
        await whenReady(redis)
        const keys = [this.keys.epoch, this.keys.log, this.keys.trimmed, this.channel]
        const epoch = Number(
          await redis.eval(
            MARK_SCRIPT,
            keys.length,
            ...keys,
            this.deps.logSize ?? LOG_SIZE,
            ...products
          )
        )
        this.applyInOrder(epoch, products)
        return true
      } catch (error) {
        this.deps.logger.warn(
          `${this.deps.name}: could not announce changed products: ${(error as Error).message}`
        )
        return false
      }
    }
    // No Redis: one process, whose own numbering is the only one.
    this.apply(this.epoch + 1, products)
    return true
  }

  /** Forgets what this process knows (application shutdown). */
  clear(): void {
    this.latest.clear()
    this.joined = undefined
  }

  private join(redis: Redis): Promise<void> {
    this.joined ??= (async () => {
      await whenReady(redis)
      const [epoch, trimmed, log] = await Promise.all([
        redis.get(this.keys.epoch),
        redis.get(this.keys.trimmed),
        redis.zrange(this.keys.log, 0, -1, "WITHSCORES"),
      ])
      // From 0: announcements heard before this read may have moved the epoch already.
      this.applyLog(log, Number(epoch ?? 0), Number(trimmed ?? 0), 0)
      this.lastCheck = Date.now()
    })().catch(() => {
      this.joined = undefined
    })
    return this.joined
  }

  /** Reads the marks this process missed, if the shared counter is ahead of it. */
  private async catchUp(redis: Redis): Promise<void> {
    const epoch = Number((await redis.get(this.keys.epoch)) ?? 0)
    if (epoch > this.epoch) {
      await this.readSince(redis, this.epoch)
    }
  }

  /** Reads the marks after `from` from the log. */
  private async readSince(redis: Redis, from: number): Promise<void> {
    const [epoch, trimmed, log] = await Promise.all([
      redis.get(this.keys.epoch),
      redis.get(this.keys.trimmed),
      redis.zrangebyscore(this.keys.log, `(${from}`, "+inf", "WITHSCORES"),
    ])
    this.applyLog(log, Number(epoch ?? 0), Number(trimmed ?? 0), from)
  }

  /**
   * A log read (`[id, epoch, id, epoch, …]`) of the marks after `from`, up to `epoch`;
   * marks up to `trimmed` have left the log.
   */
  private applyLog(log: string[], epoch: number, trimmed: number, from = this.epoch): void {
    if (trimmed > from) {
      // Marks up to `trimmed` after `from` left the log unread: answers rendered before
      // them cannot be checked. (Answers rendered after them can: every later mark is
      // in the log.)
      this.horizon = Math.max(this.horizon, trimmed)
    }
    for (let i = 0; i + 1 < log.length; i += 2) {
      this.apply(Number(log[i + 1]), [log[i]])
    }
    this.epoch = Math.max(this.epoch, epoch)
  }

  private receive(message: string): void {
    const [epoch, ...products] = message.split(" ")
    const value = Number(epoch)
    if (Number.isFinite(value) && products.length) {
      this.applyInOrder(value, products)
    }
  }

  /**
   * Applies a mark announced or made here. One more than the last seen is the usual case;
   * a larger step means announcements were missed (a reconnect), which the log has.
   */
  private applyInOrder(epoch: number, products: string[]): void {
    const { redis } = this.deps
    const from = this.epoch
    this.apply(epoch, products)
    if (epoch > from + 1 && redis && this.joined) {
      void this.readSince(redis, from).catch(() => {
        // The missed marks cannot be read: serve nothing rendered before this one.
        this.horizon = Math.max(this.horizon, epoch)
      })
    }
  }

  private apply(epoch: number, products: string[]): void {
    for (const id of products) {
      if ((this.latest.get(id) ?? 0) < epoch) {
        this.latest.set(id, epoch)
      }
    }
    this.epoch = Math.max(this.epoch, epoch)
  }
}
