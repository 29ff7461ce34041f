/**
 * Runs work for keys in batches, one batch at a time per process: the first key runs at
 * once, and keys that arrive while a batch runs wait for the next one, which takes them
 * all (each key once, at most `maxBatch`). Every caller's promise settles with the batch
 * that carried its key, so a caller still knows its work is done (or failed) before it
 * returns.
 *
 * Why (first for analytics, src/subscribers/refresh-order-analytics.ts; also the catalog's
 * stock refreshes, src/subscribers/catalog-sync.ts): an order's analytics fact is refreshed on `order.placed` and on each status change,
 * and a checkout emits `order.placed` and `order.status_changed` together; under shop
 * traffic each refresh (≈ 27 statements) ran once per event, three times per order
 * (docs/PERFORMANCE.md, "Where the scenario's time goes"). A refresh reads the orders as
 * they are now, so one run for several events of one order, or for several orders, gives
 * the same facts.
 *
 * With `gatherMs`, a batch waits that long before it starts, so keys that arrive together
 * (a checkout's two events, handled side by side by the event bus) share a run instead of
 * the first running alone: an order's placement then costs one refresh, not two.
 *
 * When a batch of several keys fails, each key is run again alone, so one bad key fails
 * only its own callers. A run that takes longer than `deadlineMs` fails its callers (their
 * events are retried) and stops holding up the next batch: callers wait in the event bus's
 * few concurrent slots, and one hung run must not stop a process's event handling.
 */
export type BatchRunner<K> = (key: K) => Promise<void>

export type BatchOptions = { maxBatch?: number; deadlineMs?: number; gatherMs?: number }

export class BatchDeadlineError extends Error {
  constructor(ms: number) {
    super(`the batch ran for more than ${ms} ms`)
    this.name = "BatchDeadlineError"
  }
}

/** `run(keys)`, or a BatchDeadlineError once it took `ms` (the run itself goes on). */
async function withinDeadline(run: () => Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BatchDeadlineError(ms)), ms)
  })
  try {
    await Promise.race([run(), deadline])
  } finally {
    clearTimeout(timer)
  }
}

export function batchedRunner<K>(
  run: (keys: K[]) => Promise<void>,
  { maxBatch = 100, deadlineMs = 60_000, gatherMs = 0 }: BatchOptions = {}
): BatchRunner<K> {
  if (!Number.isInteger(maxBatch) || maxBatch < 1) {
    throw new RangeError(`maxBatch must be a whole number from 1, got ${maxBatch}`)
  }
  type Waiter = { key: K; resolve: () => void; reject: (error: unknown) => void }
  let waiting: Waiter[] = []
  let running = false

  async function runBatch(batch: Waiter[]): Promise<void> {
    const keys = [...new Set(batch.map((waiter) => waiter.key))]
    try {
      await withinDeadline(() => run(keys), deadlineMs)
      batch.forEach((waiter) => waiter.resolve())
    } catch (error) {
      if (keys.length === 1 || error instanceof BatchDeadlineError) {
        batch.forEach((waiter) => waiter.reject(error))
        return
      }
      for (const key of keys) {
        await runBatch(batch.filter((waiter) => waiter.key === key))
      }
    }
  }

  async function pump(): Promise<void> {
    if (running || !waiting.length) {
      return
    }
    running = true
    try {
      if (gatherMs > 0) {
        await new Promise((resolve) => setTimeout(resolve, gatherMs))
      }
      const keys = new Set<K>()
      const batch: Waiter[] = []
      const rest: Waiter[] = []
      for (const waiter of waiting) {
        if (keys.has(waiter.key) || keys.size < maxBatch) {
          keys.add(waiter.key)
          batch.push(waiter)
        } else {
          rest.push(waiter)
        }
      }
      waiting = rest
      await runBatch(batch)
    } finally {
      running = false
      void pump()
    }
  }

  return (key) =>
    new Promise<void>((resolve, reject) => {
      waiting.push({ key, resolve, reject })
      void pump()
    })
}
