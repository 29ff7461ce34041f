import type Redis from "ioredis"

/**
 * The shop's business counters, counted where each event is handled (usually a worker
 * process, which serves no /metrics) and reported by every server's GET /metrics. With
 * Redis they are one hash shared by the whole deployment, so each server reports the same
 * deployment-wide totals (query them with `max without (instance)`); without Redis they
 * live in this process's memory, as everything else does then.
 */
export const BUSINESS_COUNTERS = [
  "orders_placed",
  "payments_captured",
  "payments_failed",
  "refunds",
  "webhook_events",
] as const

export type BusinessCounter = (typeof BUSINESS_COUNTERS)[number]
export type BusinessLabels = Record<string, string>
export type BusinessCount = { name: BusinessCounter; labels: BusinessLabels; value: number }

const HASH_KEY = "engine:metrics:business"
/** Label values come from code and providers' event types; keep them short and tame. */
const LABEL_VALUE = /^[\w.:-]{1,64}$/

function field(name: BusinessCounter, labels: BusinessLabels): string {
  const parts = Object.keys(labels)
    .sort()
    .map((key) => `${key}=${LABEL_VALUE.test(labels[key]) ? labels[key] : "other"}`)
  return [name, ...parts].join("|")
}

function parse(key: string, value: string): BusinessCount | undefined {
  const [name, ...parts] = key.split("|")
  if (!(BUSINESS_COUNTERS as readonly string[]).includes(name)) {
    return undefined
  }
  const labels = Object.fromEntries(parts.map((part) => part.split("=", 2)))
  return { name: name as BusinessCounter, labels, value: Number(value) }
}

export class BusinessMetrics {
  private readonly local = new Map<string, number>()

  constructor(private readonly redis: Redis | undefined) {}

  /** Adds one. A Redis failure loses the count (metrics never fail the business). */
  async count(name: BusinessCounter, labels: BusinessLabels = {}): Promise<void> {
    const key = field(name, labels)
    if (!this.redis) {
      this.local.set(key, (this.local.get(key) ?? 0) + 1)
      return
    }
    await this.redis.hincrby(HASH_KEY, key, 1).catch(() => undefined)
  }

  /** Every counter with its labels: one HGETALL of a hash with a few dozen fields at most. */
  async snapshot(): Promise<BusinessCount[]> {
    const entries = this.redis
      ? Object.entries(await this.redis.hgetall(HASH_KEY))
      : [...this.local.entries()].map(([key, value]) => [key, String(value)] as const)
    return entries
      .map(([key, value]) => parse(key, value))
      .filter((count): count is BusinessCount => Boolean(count))
  }
}
