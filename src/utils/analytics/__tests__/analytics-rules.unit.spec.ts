import { bucketStart, bucketStarts } from "../buckets"
import { figures, percentChange } from "../figures"
import { orderFact } from "../order-fact"
import { previousPeriod, resolvePeriod } from "../period"
import { toCsv } from "../../csv"

describe("analytics rules", () => {
  it("resolves periods and the previous one of the same length", () => {
    const period = resolvePeriod({ from: "2026-03-01", to: "2026-03-10", tz: "UTC" })
    expect(previousPeriod(period)).toEqual({ from: "2026-02-19", to: "2026-02-28", tz: "UTC" })
    const now = new Date("2026-03-31T23:30:00Z")
    // 01:30 on April 1st in Paris: "today" is the local date.
    expect(resolvePeriod({ tz: "Europe/Paris" }, now)).toEqual({
      from: "2026-03-03",
      to: "2026-04-01",
      tz: "Europe/Paris",
    })
    expect(() => resolvePeriod({ from: "2026-03-10", to: "2026-03-01", tz: "UTC" })).toThrow()
    expect(() => resolvePeriod({ from: "2026-02-30", tz: "UTC" })).toThrow()
  })

  it("buckets by ISO week and month", () => {
    expect(bucketStart("2026-03-01", "week")).toBe("2026-02-23")
    expect(bucketStart("2026-03-02", "week")).toBe("2026-03-02")
    expect(bucketStart("2026-03-31", "month")).toBe("2026-03-01")
    expect(bucketStarts({ from: "2026-01-30", to: "2026-03-02", tz: "UTC" }, "month")).toEqual([
      "2026-01-01",
      "2026-02-01",
      "2026-03-01",
    ])
  })

  it("computes revenue, AOV and changes without floats", () => {
    expect(figures({ orders: 3, gross: "100.10", refunds: "0.20", units: 4 })).toEqual({
      revenue: "99.90",
      gross: "100.10",
      refunds: "0.20",
      orders: 3,
      average_order_value: "33.30",
      units: 4,
    })
    expect(figures(undefined).average_order_value).toBe("0.00")
    expect(percentChange(75, 25)).toBe(200)
    expect(percentChange(1, 0)).toBeNull()
  })

  it("makes an order's fact: refunds capped, refunded means all, lines merged", () => {
    const base = {
      order_id: "order_1",
      customer_id: "cus_1",
      currency_code: "USD",
      placed_at: "2026-03-02T10:00:00Z",
      total: 35,
      lines: [
        { product_id: "p1", quantity: 1, total: 10 },
        { product_id: "p1", quantity: 2, total: 20 },
        { product_id: null, quantity: 1, total: 5 },
      ],
    }
    const partial = orderFact({ ...base, status: "partially_refunded", refunds: [3, 2] })
    expect(partial).toMatchObject({ currency_code: "usd", refunded: "5", units: 4 })
    expect(partial.lines).toEqual([{ product_id: "p1", quantity: 3, revenue: "30" }])
    expect(orderFact({ ...base, status: "refunded", refunds: [] }).refunded).toBe("35")
    expect(orderFact({ ...base, status: "paid", refunds: [50] }).refunded).toBe("35")
  })

  it("writes RFC 4180 CSV", () => {
    expect(toCsv(["a", "b"], [{ a: 'say "hi", ok', b: null }])).toBe('a,b\r\n"say ""hi"", ok",\r\n')
  })
})
