import { BusinessMetrics } from "../business-metrics"

describe("BusinessMetrics without Redis (one process)", () => {
  it("counts by name and labels, in any label order", async () => {
    const metrics = new BusinessMetrics(undefined)
    await metrics.count("orders_placed")
    await metrics.count("orders_placed")
    await metrics.count("webhook_events", { provider: "stripe_stripe" })
    await metrics.count("refunds", { source: "engine" })
    expect(await metrics.snapshot()).toEqual([
      { name: "orders_placed", labels: {}, value: 2 },
      { name: "webhook_events", labels: { provider: "stripe_stripe" }, value: 1 },
      { name: "refunds", labels: { source: "engine" }, value: 1 },
    ])
  })

  it("keeps label values tame: anything odd is counted as `other`", async () => {
    const metrics = new BusinessMetrics(undefined)
    await metrics.count("webhook_events", { provider: "evil|name=x\n" })
    await metrics.count("webhook_events", { provider: "a".repeat(65) })
    expect(await metrics.snapshot()).toEqual([
      { name: "webhook_events", labels: { provider: "other" }, value: 2 },
    ])
  })
})
