import { logger } from "@medusajs/framework/logger"
import { LiveFanout, liveChannel } from "../live-fanout"

function recorder() {
  const delivered: unknown[] = []
  let closed = 0
  return {
    delivered,
    closed: () => closed,
    listener: { deliver: (data: unknown) => delivered.push(data), close: () => (closed += 1) },
  }
}

describe("live fan-out without Redis", () => {
  it("delivers a message to this process's listeners of its topic only", async () => {
    const fanout = new LiveFanout({ logger })
    const orders = recorder()
    const other = recorder()
    const stop = fanout.listen("orders", orders.listener)
    fanout.listen("reviews", other.listener)
    await fanout.publish("orders", { n: 1 })
    stop()
    stop()
    await fanout.publish("orders", { n: 2 })
    expect(orders.delivered).toEqual([{ n: 1 }])
    expect(other.delivered).toEqual([])
  })

  it("keeps delivering to the others when one listener throws", async () => {
    const fanout = new LiveFanout({ logger })
    const healthy = recorder()
    fanout.listen("orders", {
      deliver: () => {
        throw new Error("broken connection")
      },
      close: () => undefined,
    })
    fanout.listen("orders", healthy.listener)
    await fanout.publish("orders", "hello")
    expect(healthy.delivered).toEqual(["hello"])
  })

  it("counts each owner's connections and gives a slot back once", () => {
    const fanout = new LiveFanout({ logger })
    const first = fanout.claimConnection("cus_1", 2)
    const second = fanout.claimConnection("cus_1", 2)
    expect(first).toBeDefined()
    expect(second).toBeDefined()
    expect(fanout.claimConnection("cus_1", 2)).toBeUndefined()
    expect(fanout.claimConnection("cus_2", 2)).toBeDefined()
    first?.()
    first?.()
    const third = fanout.claimConnection("cus_1", 2)
    expect(third).toBeDefined()
    expect(fanout.claimConnection("cus_1", 2)).toBeUndefined()
  })

  it("closes every listener on shutdown", async () => {
    const fanout = new LiveFanout({ logger })
    const a = recorder()
    const b = recorder()
    fanout.listen("orders", a.listener)
    fanout.listen("payments", b.listener)
    fanout.closeAll()
    expect([a.closed(), b.closed()]).toEqual([1, 1])
    await fanout.publish("orders", "after")
    expect(a.delivered).toEqual([])
  })

  it("names the Redis database in its channel (pub/sub ignores databases)", () => {
    expect(liveChannel(23)).toBe("live:messages:23")
    expect(liveChannel(undefined)).toBe("live:messages:0")
  })
})
