import { BatchDeadlineError, batchedRunner } from "../batched-runner"

/** A run the test finishes (or fails) by hand, recording the keys of each batch. */
function controlledRun() {
  const batches: string[][] = []
  const pending: { finish: () => void; fail: (error: Error) => void }[] = []
  const run = (keys: string[]) =>
    new Promise<void>((resolve, reject) => {
      batches.push(keys)
      pending.push({ finish: resolve, fail: reject })
    })
  return { batches, pending, run }
}

const tick = () => new Promise((resolve) => setImmediate(resolve))

describe("batchedRunner", () => {
  it("runs the first key at once and the keys that arrive meanwhile together, each once", async () => {
    const { batches, pending, run } = controlledRun()
    const refresh = batchedRunner(run)
    const settled: string[] = []
    const call = (key: string) => refresh(key).then(() => settled.push(key))

    const first = call("order_1")
    await tick()
    expect(batches).toEqual([["order_1"]])
    const later = [call("order_1"), call("order_2"), call("order_1"), call("order_3")]
    await tick()
    // The running batch is not joined: its read may predate these events.
    expect(batches).toEqual([["order_1"]])
    expect(settled).toEqual([])

    pending[0].finish()
    await first
    await tick()
    expect(batches).toEqual([["order_1"], ["order_1", "order_2", "order_3"]])
    expect(settled).toEqual(["order_1"])
    pending[1].finish()
    await Promise.all(later)
    expect(settled.sort()).toEqual(["order_1", "order_1", "order_1", "order_2", "order_3"])
  })

  it("with gatherMs, starts a batch only after that wait, so keys that come together share it", async () => {
    jest.useFakeTimers()
    try {
      const { batches, pending, run } = controlledRun()
      const refresh = batchedRunner(run, { gatherMs: 200 })
      const calls = [refresh("order_1")]
      await Promise.resolve()
      calls.push(refresh("order_1"), refresh("order_2"))
      expect(batches).toEqual([])
      await jest.advanceTimersByTimeAsync(199)
      expect(batches).toEqual([])
      await jest.advanceTimersByTimeAsync(1)
      expect(batches).toEqual([["order_1", "order_2"]])
      pending[0].finish()
      await Promise.all(calls)
      // Nothing was left waiting: no second run.
      await jest.advanceTimersByTimeAsync(1000)
      expect(batches).toHaveLength(1)
    } finally {
      jest.useRealTimers()
    }
  })

  it("with gatherMs, a key that comes once a run has started waits for the next run, which gathers again", async () => {
    // The catalog's stock refreshes (src/subscribers/catalog-sync.ts, STOCK_GATHER_MS): a
    // checkout's level updates arrive within milliseconds and share one refresh; those of
    // a checkout made while it runs share the next one.
    jest.useFakeTimers()
    try {
      const { batches, pending, run } = controlledRun()
      const refresh = batchedRunner(run, { gatherMs: 100 })
      const calls = [refresh("prod_a")]
      await jest.advanceTimersByTimeAsync(60)
      calls.push(refresh("prod_b"))
      await jest.advanceTimersByTimeAsync(39)
      expect(batches).toEqual([])
      await jest.advanceTimersByTimeAsync(1)
      // Both within the first gather window: one run.
      expect(batches).toEqual([["prod_a", "prod_b"]])

      // While that run goes on: neither joined to it nor run beside it, however long it takes.
      calls.push(refresh("prod_c"), refresh("prod_a"))
      await jest.advanceTimersByTimeAsync(1_000)
      expect(batches).toEqual([["prod_a", "prod_b"]])

      pending[0].finish()
      await jest.advanceTimersByTimeAsync(50)
      // The next run gathers too: a key arriving within its window joins it.
      calls.push(refresh("prod_d"))
      await jest.advanceTimersByTimeAsync(49)
      expect(batches).toHaveLength(1)
      await jest.advanceTimersByTimeAsync(1)
      expect(batches).toEqual([
        ["prod_a", "prod_b"],
        ["prod_c", "prod_a", "prod_d"],
      ])
      pending[1].finish()
      await Promise.all(calls)
      await jest.advanceTimersByTimeAsync(1_000)
      expect(batches).toHaveLength(2)
    } finally {
      jest.useRealTimers()
    }
  })

  it("takes at most maxBatch keys per run", async () => {
    const { batches, pending, run } = controlledRun()
    const refresh = batchedRunner(run, { maxBatch: 2 })
    const calls = ["a", "b", "c", "d", "e"].map((key) => refresh(key))
    await tick()
    pending[0].finish()
    await tick()
    pending[1].finish()
    await tick()
    pending[2].finish()
    await Promise.all(calls)
    expect(batches).toEqual([["a"], ["b", "c"], ["d", "e"]])
  })

  it("when a batch fails, runs its keys alone and fails only the callers of the bad one", async () => {
    const batches: string[][] = []
    let release: () => void = () => undefined
    const gate = new Promise<void>((resolve) => (release = resolve))
    const refresh = batchedRunner<string>(async (keys) => {
      batches.push(keys)
      if (keys.length === 1 && keys[0] === "first") {
        await gate
        return
      }
      if (keys.includes("bad")) {
        throw new Error("cannot read bad")
      }
    })
    const first = refresh("first")
    const good = refresh("good")
    const bad = refresh("bad")
    const badAgain = refresh("bad")
    release()
    await first
    await expect(good).resolves.toBeUndefined()
    await expect(bad).rejects.toThrow("cannot read bad")
    await expect(badAgain).rejects.toThrow("cannot read bad")
    expect(batches).toEqual([["first"], ["good", "bad"], ["good"], ["bad"]])
  })

  it("fails the callers of a run past its deadline and goes on with the next batch", async () => {
    const batches: string[][] = []
    const refresh = batchedRunner<string>(
      async (keys) => {
        batches.push(keys)
        if (keys.includes("hung")) {
          await new Promise(() => undefined)
        }
      },
      { deadlineMs: 50 }
    )
    const hung = refresh("hung")
    const next = refresh("next")
    await expect(hung).rejects.toBeInstanceOf(BatchDeadlineError)
    await expect(next).resolves.toBeUndefined()
    expect(batches).toEqual([["hung"], ["next"]])
  })

  it("fails a caller whose run throws before its first await", async () => {
    const refresh = batchedRunner<string>(() => {
      throw new Error("no container")
    })
    await expect(refresh("a")).rejects.toThrow("no container")
  })

  it("refuses a batch size below one", () => {
    for (const maxBatch of [0, -1, 1.5]) {
      expect(() => batchedRunner<string>(async () => undefined, { maxBatch })).toThrow(RangeError)
    }
  })
})
