/**
 * A small in-process cache of rendered responses: insertion-ordered Map, oldest entry
 * evicted first, entries expire after `ttlMs`. It holds serialized JSON strings (with their
 * entity tags, `RenderedAnswer`) so a hit costs no parse, stringify or hash.
 */
export class ResponseCache<T = string> {
  private readonly entries = new Map<string, { body: T; expires: number }>()

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number
  ) {}

  get(key: string, now = Date.now()): T | undefined {
    const entry = this.entries.get(key)
    if (!entry) {
      return undefined
    }
    if (entry.expires <= now) {
      this.entries.delete(key)
      return undefined
    }
    return entry.body
  }

  set(key: string, body: T, now = Date.now()): void {
    this.entries.delete(key)
    this.entries.set(key, { body, expires: now + this.ttlMs })
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string
      this.entries.delete(oldest)
    }
  }

  clear(): void {
    this.entries.clear()
  }

  get size(): number {
    return this.entries.size
  }
}
