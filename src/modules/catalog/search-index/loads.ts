import { performance } from "node:perf_hooks"
import type { SearchIndex } from "./build"

/**
 * A load's outcome: an index, `null` when this catalog cannot have one (too large, or a
 * collation the index does not order by), `undefined` when none was made now (a load
 * just ran: the next request asks again).
 */
export type LoadOutcome = SearchIndex | null | undefined

/** Shortest pause between two loads; longer after a slow one (twice its time). */
const MIN_GAP_MS = 500

/**
 * One process's loads of the search index: at most one at a time, each from the last
 * index made (only the rows that changed are read again), and a pause between loads so
 * that a burst of catalog writes (each a new generation) does not keep a core rebuilding.
 */
export class SearchIndexLoads {
  private latest: SearchIndex | undefined
  private running: { startedAt: number; stamp?: string; promise: Promise<LoadOutcome> } | undefined
  private queued: Promise<LoadOutcome> | undefined
  private readyAt = 0

  /**
   * An index read from the database at or after `since` (performance.now()): a load
   * started since then is shared, and so is one started for the same catalog generation
   * (`stamp`: no write was announced between its start and this request); else the next
   * one is (one for every caller waiting).
   */
  request(
    since: number,
    load: (previous: SearchIndex | undefined) => Promise<SearchIndex | null>,
    stamp?: string
  ): Promise<LoadOutcome> {
    const running = this.running
    if (running && (running.startedAt >= since || (stamp && running.stamp === stamp))) {
      return running.promise
    }
    if (this.running) {
      // After the running load and the pause that follows it. A timer may fire up to a
      // millisecond before `readyAt` (libuv counts whole milliseconds), so the queued load
      // does not check the pause again: it has waited it.
      this.queued ??= this.running.promise
        .then(() => new Promise((resolve) => setTimeout(resolve, this.readyAt - performance.now())))
        .then(() => {
          this.queued = undefined
          // A caller that came at the end of the pause may have started one already.
          return this.running?.promise ?? this.start(load, { pauseWaited: true })
        })
      return this.queued
    }
    return this.start(load, { stamp })
  }

  private start(
    load: (previous: SearchIndex | undefined) => Promise<SearchIndex | null>,
    { pauseWaited = false, stamp }: { pauseWaited?: boolean; stamp?: string } = {}
  ): Promise<LoadOutcome> {
    const startedAt = performance.now()
    if (!pauseWaited && startedAt < this.readyAt) {
      return Promise.resolve(undefined)
    }
    const promise = load(this.latest)
      .then((index) => {
        this.latest = index ?? undefined
        return index
      })
      .catch(() => undefined)
      .finally(() => {
        const now = performance.now()
        this.readyAt = now + Math.max(MIN_GAP_MS, 2 * (now - startedAt))
        this.running = undefined
      })
    this.running = { startedAt, stamp, promise }
    return promise
  }
}
