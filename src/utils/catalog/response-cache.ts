/**
 * A small in-process cache of rendered responses: insertion-ordered Map, oldest entry
 * evicted first, entries expire after `ttlMs`. It holds serialized JSON strings so a hit
 * costs no parse or stringify.
 */
export class ResponseCache {
  private readonly entries = new Map<string, { body: string; expires: number }>()

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number
  ) {}

  get(key: string, now = Date.now()): string | undefined {
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

  set(key: string, body: string, now = Date.now()): void {
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
