/**
 * Runs work for keys in batches, one batch at a time per process: the first key runs at
 * once, and keys that arrive while a batch runs wait for the next one, which takes them
 * all (each key once, at most `maxBatch`). Every caller's promise settles with the batch
 * that carried its key, so a caller still knows its work is done (or failed) before it
 * returns.
 *
 * Why: an order's analytics fact is refreshed on `order.placed` and on each status change,
 * and a checkout emits `order.placed` and `order.status_changed` together; under shop
 * traffic each refresh (≈ 27 statements) ran once per event, three times per order
 * (docs/PERFORMANCE.md, "Where the worker's time goes"). A refresh reads the orders as they
 * are now, so one run for several events of one order, or for several orders, gives the
 * same facts.
 *
 * When a batch of several keys fails, each key is run again alone, so one bad key fails
 * only its own callers.
 */
export type BatchRunner<K> = (key: K) => Promise<void>

export function batchedRunner<K>(
  run: (keys: K[]) => Promise<void>,
  maxBatch = 100
): BatchRunner<K> {
  type Waiter = { key: K; resolve: () => void; reject: (error: unknown) => void }
  let waiting: Waiter[] = []
  let running = false

  async function runBatch(batch: Waiter[]): Promise<void> {
    const keys = [...new Set(batch.map((waiter) => waiter.key))]
    try {
      await run(keys)
      batch.forEach((waiter) => waiter.resolve())
    } catch (error) {
      if (keys.length === 1) {
        batch.forEach((waiter) => waiter.reject(error))
        return
      }
      for (const key of keys) {
        const mine = batch.filter((waiter) => waiter.key === key)
        await runBatch(mine)
      }
    }
  }

  async function pump(): Promise<void> {
    if (running || !waiting.length) {
      return
    }
    running = true
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
    try {
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
