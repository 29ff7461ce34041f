import type { SearchIndex } from "../build"
import { SearchIndexLoads } from "../loads"

function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((done) => (resolve = done))
  return { promise, resolve }
}

const index = (size: number) => ({ size }) as SearchIndex

describe("SearchIndexLoads", () => {
  it("shares a load that started after the caller's moment", async () => {
    const loads = new SearchIndexLoads()
    const gate = deferred<SearchIndex | null>()
    const load = jest.fn(() => gate.promise)
    const first = loads.request(0, load)
    const second = loads.request(0, load)
    gate.resolve(index(1))
    expect(await first).toEqual(index(1))
    expect(await second).toEqual(index(1))
    expect(load).toHaveBeenCalledTimes(1)
  })

  it("does not hand out a load that started before the caller's moment", async () => {
    const loads = new SearchIndexLoads()
    const gate = deferred<SearchIndex | null>()
    const running = loads.request(0, () => gate.promise)
    const later = loads.request(performance.now() + 1, async () => index(2))
    const alsoLater = loads.request(performance.now() + 1, async () => index(3))
    gate.resolve(index(1))
    expect(await running).toEqual(index(1))
    // The callers that came during the load share the next one, after the pause.
    expect(await later).toEqual(index(2))
    expect(await alsoLater).toEqual(index(2))
  })

  it("shares a running load with a later caller of the same catalog generation", async () => {
    const loads = new SearchIndexLoads()
    const gate = deferred<SearchIndex | null>()
    const load = jest.fn(() => gate.promise)
    const running = loads.request(0, load, "7")
    const sameGeneration = loads.request(performance.now() + 1, load, "7")
    const newerGeneration = loads.request(performance.now() + 1, async () => index(2), "8")
    gate.resolve(index(1))
    expect(await running).toEqual(index(1))
    expect(await sameGeneration).toEqual(index(1))
    expect(load).toHaveBeenCalledTimes(1)
    // A write was announced since that load started: the next one.
    expect(await newerGeneration).toEqual(index(2))
  })

  it("starts the queued load when its timer fires a little before the pause ends", async () => {
    // Fake timers fire on the fake clock while performance.now() stays real: the timer
    // comes "early", as libuv's whole-millisecond timers can.
    jest.useFakeTimers({ doNotFake: ["performance"] })
    try {
      const loads = new SearchIndexLoads()
      const gate = deferred<SearchIndex | null>()
      const running = loads.request(0, () => gate.promise)
      const queued = loads.request(performance.now() + 1, async () => index(2))
      gate.resolve(index(1))
      expect(await running).toEqual(index(1))
      await jest.advanceTimersByTimeAsync(60_000)
      expect(await queued).toEqual(index(2))
    } finally {
      jest.useRealTimers()
    }
  })

  it("passes the last index to the next load, and pauses between loads", async () => {
    const loads = new SearchIndexLoads()
    expect(await loads.request(0, async () => index(1))).toEqual(index(1))
    const load = jest.fn(async (previous: SearchIndex | undefined) =>
      index((previous?.size ?? 0) + 1)
    )
    expect(await loads.request(Number.MAX_SAFE_INTEGER, load)).toBeUndefined()
    expect(load).not.toHaveBeenCalled()
    const now = jest.spyOn(performance, "now").mockReturnValue(Number.MAX_SAFE_INTEGER / 2)
    try {
      expect(await loads.request(0, load)).toEqual(index(2))
      expect(load).toHaveBeenCalledWith(index(1))
    } finally {
      now.mockRestore()
    }
  })

  it("turns a failed load into no index", async () => {
    const loads = new SearchIndexLoads()
    expect(await loads.request(0, () => Promise.reject(new Error("database gone")))).toBeUndefined()
  })
})
