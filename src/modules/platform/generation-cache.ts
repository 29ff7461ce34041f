import type { Logger } from "@medusajs/framework/types"
import type Redis from "ioredis"
import { ResponseCache } from "../../utils/catalog/response-cache"
import {
  renderedAnswer,
  type RenderedAnswer,
  type RenderedBody,
} from "../../utils/catalog/rendered-answer"
import { ProductMarks } from "./product-marks"
import { whenReady } from "./redis"
import type { SharedCache } from "./shared-cache"

/**
 * Caching of rendered reads (the catalog's, and recommendations, which also depend on
 * the catalog), in two levels:
 * - L1, in this process: rendered JSON strings (no parse/stringify on a hit);
 * - L2, in Redis when REDIS_URL is set (shared-cache.ts): shared by instances, so a new or
 *   restarted process does not send every request to the database.
 * Both are keyed by the cache's **generation**, a counter every write of its data bumps
 * (Redis INCR, announced on a pub/sub channel so other processes drop their L1 at once;
 * a plain counter without Redis), and by the generations of the caches it depends on. A
 * write is therefore visible on the next read, and old entries are never served, only
 * left to expire. A key being rendered is rendered once per process: concurrent misses
 * wait for the same render (single flight). Each entry carries its entity tag (ETag),
 * hashed once when it is rendered, not on every request.
 *
 * L2 admits an answer only once it is asked for again (its first L1 hit), written in the
 * background: a cache-hostile read (a random page, filter or search asked once) then costs
 * no serialization and Redis write for an entry nobody reads. L2 entries are keyed by the
 * generations they were rendered under, so an invalidation has nothing to clear there: a
 * newer generation never reads them, and they expire (L2_TTL_SECONDS).
 *
 * A write that changes only what some products show (their stock) marks them instead of
 * starting a generation (ProductMarks): an answer that names the products it shows is
 * served while none of them was marked after it was rendered. Caches that depend on this
 * one take its mark epoch into their stamp (they do not name their products).
 */
const L2_TTL_SECONDS = 300

/** The caches the platform keeps (each has its own counter and channel). */
export const CACHE_NAMES = ["catalog", "recommendations", "shipping"] as const

export type CacheName = (typeof CACHE_NAMES)[number]
/** How often a process re-reads the shared generation, in case an announcement was missed. */
const GENERATION_CHECK_MS = 1000

/**
 * The channel announcing new generations. Pub/sub ignores database numbers, so the
 * channel names the database: deployments sharing one Redis server on different
 * databases do not hear each other's counters.
 */
export function invalidationChannel(
  database: number | undefined,
  name: CacheName = "catalog"
): string {
  return `${name}:invalidated:${database ?? 0}`
}

/** How one answer is cached: `shared: false` keeps it out of L2 (readAnswer). */
export type ReadOptions = { shared?: boolean }

export type GenerationCacheDependencies = {
  /** Names the Redis counter (`<name>:generation`), channel, L2 keys and L2 tag. */
  name: CacheName
  /** Caches whose data this one's answers are made of: their writes invalidate it too. */
  dependsOn?: GenerationCache[]
  redis?: Redis
  subscriber?: Redis
  /** L2, shared by the processes (Redis mode only). */
  shared?: SharedCache
  logger: Logger
  entries: number
  ttlMs: number
  /** How long Redis keeps an entry (L2); 300 s unless the cache says otherwise. */
  l2TtlSeconds?: number
  /** Whether writes may mark products instead of starting a generation (the catalog). */
  marks?: boolean
}

/** A write marking more products than this starts a generation instead (one small message). */
const MAX_MARKED = 1000

/**
 * Prefix of the L2 keys. Entries of builds whose answers did not name their products
 * (before marks) are not read: they could not be checked against marks.
 */
const L2_FORMAT = "v2"

export class GenerationCache {
  private generation = 0
  private readonly l1: ResponseCache<RenderedAnswer>
  private readonly rendering = new Map<string, Promise<RenderedAnswer>>()
  /** Answers rendered here and not yet written to L2 (admitted on their first L1 hit). */
  private readonly unshared = new WeakMap<RenderedAnswer, { l2Key: string; renderedAt: number }>()
  /** Values derived from the data (a list's total, a search's query), this process only. */
  private readonly values: ResponseCache<unknown>
  private readonly computing = new Map<string, Promise<unknown>>()
  private subscribed: Promise<void> | undefined
  private lastCheck = 0
  private readonly generationKey: string
  private readonly channel: string
  private readonly marks: ProductMarks | undefined

  constructor(private readonly deps: GenerationCacheDependencies) {
    this.l1 = new ResponseCache<RenderedAnswer>(deps.entries, deps.ttlMs)
    this.values = new ResponseCache<unknown>(deps.entries, deps.ttlMs)
    this.generationKey = `${deps.name}:generation`
    this.channel = invalidationChannel(deps.redis?.options.db, deps.name)
    this.marks = deps.marks ? new ProductMarks(deps) : undefined
    deps.subscriber?.on("message", (channel: string, message: string) => {
      if (channel === this.channel) {
        this.adopt(Number(message))
      }
    })
  }

  /** The rendered response for `key`, from a cache level or from `render`. */
  async read(key: string, render: () => Promise<RenderedBody>): Promise<string> {
    return (await this.readAnswer(key, render)).body
  }

  /**
   * The rendered response for `key` with its entity tag. `shared: false` keeps it in this
   * process only: no L2 lookup on a miss and no share, for answers that cost this process
   * about what the Redis round trip would (a search the in-process index answers).
   */
  async readAnswer(
    key: string,
    render: () => Promise<RenderedBody>,
    { shared = true }: ReadOptions = {}
  ): Promise<RenderedAnswer> {
    await this.followAll()
    // Whether this request already waited for a render a mark overtook: the render it then
    // waits for began after that mark, and is taken as its starter takes it.
    let waitedOnce = false
    for (;;) {
      const stamp = this.stamp()
      const fullKey = `${stamp}|${key}`
      const hit = this.l1.get(fullKey)
      if (hit !== undefined && this.isCurrent(hit)) {
        this.shareOnSecondAsk(hit)
        return hit
      }
      const pending = this.rendering.get(fullKey)
      if (!pending) {
        return this.startRender(fullKey, stamp, render, shared)
      }
      const answer = await pending
      if (waitedOnce || this.isCurrent(answer)) {
        return answer
      }
      waitedOnce = true
      // Rendered from before a mark of one of its products. The first of its waiters to
      // get here starts the render again; the others find that one and wait for it
      // (single flight), instead of each rendering its own.
    }
  }

  /** Renders `fullKey` (L2, else `render`), the render every concurrent miss waits for. */
  private startRender(
    fullKey: string,
    stamp: string,
    render: () => Promise<RenderedBody>,
    shareable: boolean
  ): Promise<RenderedAnswer> {
    const rendered = this.fill(fullKey, stamp, render, shareable).finally(() => {
      if (this.rendering.get(fullKey) === rendered) {
        this.rendering.delete(fullKey)
      }
    })
    this.rendering.set(fullKey, rendered)
    return rendered
  }

  /**
   * Marks products whose shown data changed (their stock): answers showing them render
   * afresh. A cache without marks, a mark of many products or one that could not be
   * shared starts a new generation instead.
   */
  async mark(products: string[]): Promise<void> {
    if (!this.marks || products.length > MAX_MARKED || !(await this.marks.mark(products))) {
      await this.invalidate()
    }
  }

  /**
   * The marks epoch a copy of the data read from now on reflects (0 without marks), and
   * whether `products` were not marked after a copy of that epoch was read: a value
   * derived from the data and kept for the generation (the search index's copy of the
   * products' JSON) is checked with them as rendered answers are.
   */
  marksNow(): number {
    return this.marks?.now() ?? 0
  }

  marksCurrent(products: readonly string[], epoch: number): boolean {
    return !this.marks || this.marks.isCurrent(products, epoch)
  }

  /** Whether no product the answer names was marked after it was rendered. */
  private isCurrent(answer: RenderedAnswer): boolean {
    return (
      !answer.products || !this.marks || this.marks.isCurrent(answer.products, answer.marked ?? 0)
    )
  }

  /**
   * A value derived from the cached data (a search's parsed query, say), kept in this
   * process for the current generations only: small, cheap to recompute, not worth a Redis
   * round trip. Concurrent misses share one computation; a value computed while a write
   * landed is not kept.
   */
  async value<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const { value, keep } = await this.peekValue<T>(key)
    if (value !== undefined) {
      return value
    }
    const fullKey = `${this.stamp()}|${key}`
    const pending = this.computing.get(fullKey) as Promise<T> | undefined
    if (pending) {
      return pending
    }
    const computed = compute()
      .then((result) => {
        keep(result)
        return result
      })
      .finally(() => this.computing.delete(fullKey))
    this.computing.set(fullKey, computed)
    return computed
  }

  /**
   * The value under `key` when this process has it for the current generations, and how
   * to keep one obtained otherwise (a list's total comes out of the page's own statement).
   */
  async peekValue<T>(key: string): Promise<{ value: T | undefined; keep: (value: T) => void }> {
    await this.followAll()
    const stamp = this.stamp()
    const fullKey = `${stamp}|${key}`
    return {
      value: this.values.get(fullKey) as T | undefined,
      keep: (value: T) => {
        if (stamp === this.stamp()) {
          this.values.set(fullKey, value)
        }
      },
    }
  }

  private async followAll(): Promise<void> {
    await Promise.all([this, ...(this.deps.dependsOn ?? [])].map((cache) => cache.follow()))
  }

  /**
   * The generations this process follows now (this cache's and those it depends on), as
   * one text: what a value derived from the cached data is kept for, when the caller keeps
   * it itself (the catalog's search index, outside the bounded value store).
   */
  async currentStamp(): Promise<string> {
    await this.followAll()
    return this.stamp()
  }

  /** This cache's generation, with those (and the mark epochs) of the caches it depends on. */
  private stamp(): string {
    return [
      this.generation,
      ...(this.deps.dependsOn ?? []).map(
        (cache) => `${cache.generation}~${cache.marks?.now() ?? 0}`
      ),
    ].join(".")
  }

  /** A miss in L1: L2, else a render, cached when no write landed meanwhile. */
  private async fill(
    fullKey: string,
    stamp: string,
    render: () => Promise<RenderedBody>,
    shareable: boolean
  ): Promise<RenderedAnswer> {
    // Taken before anything is read: marks applied by now are in what the render reads.
    const marked = this.marks?.now() ?? 0
    const shared = shareable ? this.deps.shared : undefined
    const l2Key = `${this.deps.name}:${L2_FORMAT}:${fullKey}`
    const stored = (await shared?.get(l2Key).catch(() => undefined)) as
      Partial<RenderedAnswer> | undefined
    if (typeof stored?.body === "string") {
      // Entries written before tags were stored get theirs hashed here, once per process.
      const answer: RenderedAnswer = {
        ...(typeof stored.etag === "string"
          ? { body: stored.body, etag: stored.etag }
          : renderedAnswer(stored.body)),
        ...(Array.isArray(stored.products)
          ? { products: stored.products, marked: Number(stored.marked ?? 0) }
          : {}),
      }
      if (this.isCurrent(answer)) {
        this.l1.set(fullKey, answer)
        return answer
      }
    }
    const rendered = await render()
    const answer: RenderedAnswer =
      typeof rendered === "string"
        ? renderedAnswer(rendered)
        : { ...renderedAnswer(rendered.body), products: rendered.products, marked }
    // Only cache what was rendered under the current generations: a write that landed
    // while rendering must not be hidden behind an older answer.
    if (stamp === this.stamp()) {
      this.l1.set(fullKey, answer)
      if (shared) {
        this.unshared.set(answer, { l2Key, renderedAt: Date.now() })
      }
    }
    return answer
  }

  /**
   * An answer rendered here is written to L2 when it is asked for a second time, in the
   * background (the request does not wait for Redis). It is found in L1 under the current
   * generations (L1 is emptied when they move), so it is current. It lives in L2 only for
   * what is left of its time since it was rendered: a cache whose staleness is bounded by
   * its time to live (the shipping options) stays bounded.
   */
  private shareOnSecondAsk(answer: RenderedAnswer, now = Date.now()): void {
    const pending = this.unshared.get(answer)
    if (!pending) {
      return
    }
    this.unshared.delete(answer)
    const ttl =
      (this.deps.l2TtlSeconds ?? L2_TTL_SECONDS) - Math.ceil((now - pending.renderedAt) / 1000)
    if (ttl <= 0) {
      return
    }
    void this.deps.shared?.set(pending.l2Key, answer, ttl).catch(() => undefined)
  }

  /** Joins the shared generation once, then re-reads it at most once a second. */
  private async follow(): Promise<void> {
    await this.marks?.follow()
    if (!this.subscribed) {
      const joining = this.joinSharedGeneration()
      // Wait for the shared counter only when Redis answers; during an outage, reads go
      // on with the local generation instead of stalling.
      if (this.deps.redis?.status === "ready") {
        await joining
      }
    }
    this.recheckSharedGeneration()
  }

  /** Called after every write of the cached data: later reads render afresh in every process. */
  async invalidate(): Promise<void> {
    const { redis } = this.deps
    let next = this.generation + 1
    if (redis) {
      try {
        // A process that has not talked to Redis yet (a `medusa exec` script) connects first.
        await whenReady(redis)
        next = Math.max(next, await redis.incr(this.generationKey))
        await redis.publish(this.channel, String(next))
      } catch (error) {
        this.deps.logger.warn(
          `${this.deps.name}: could not announce a cache invalidation: ${(error as Error).message}`
        )
      }
    }
    this.adopt(next)
  }

  /** Forgets this process's entries (application shutdown); L2 entries expire by themselves. */
  clear(): void {
    this.l1.clear()
    this.values.clear()
    this.rendering.clear()
    this.computing.clear()
    this.subscribed = undefined
    this.marks?.clear()
  }

  private adopt(next: number): void {
    if (next > this.generation) {
      this.generation = next
      this.l1.clear()
      this.values.clear()
    }
  }

  /**
   * Joins the shared generation (Redis mode); the subscriber follows its announcements.
   * Until the first read of the counter succeeds, it is retried on later requests.
   */
  private joinSharedGeneration(): Promise<void> {
    const { redis } = this.deps
    if (!redis) {
      return Promise.resolve()
    }
    this.subscribed ??= (async () => {
      await whenReady(redis)
      this.adopt(Number((await redis.get(this.generationKey)) ?? 0))
      this.lastCheck = Date.now()
    })().catch(() => {
      // Redis unreachable: serve with the local generation and try again next time.
      this.subscribed = undefined
    })
    return this.subscribed
  }

  /**
   * Pub/sub messages are not queued for a disconnected subscriber: at most once a second,
   * the shared counter is read in the background, so a missed announcement costs at most
   * about a second of stale answers.
   */
  private recheckSharedGeneration(now = Date.now()): void {
    const { redis } = this.deps
    if (!redis || now - this.lastCheck < GENERATION_CHECK_MS) {
      return
    }
    this.lastCheck = now
    redis
      .get(this.generationKey)
      .then((value) => this.adopt(Number(value ?? 0)))
      .catch(() => undefined)
  }
}
