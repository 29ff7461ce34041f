import { rollupKeys } from "../buckets"

describe("rollup keys (the buckets a refresh recomputes at each level)", () => {
  const hours = [
    { bucket_start: "2026-03-31T23:00:00.000Z", currency_code: "usd" },
    { bucket_start: new Date("2026-03-31T22:00:00Z"), currency_code: "usd" },
    { bucket_start: "2026-04-01T00:00:00.000Z", currency_code: "usd" },
    { bucket_start: "2026-03-31T23:00:00.000Z", currency_code: "eur" },
    { bucket_start: "2026-03-31T23:00:00.000Z", currency_code: "usd" },
  ]

  it("keeps each hour once per currency", () => {
    expect(rollupKeys(hours, "hour")).toEqual([
      { bucket_start: "2026-03-31T23:00:00.000Z", currency_code: "usd" },
      { bucket_start: "2026-03-31T22:00:00.000Z", currency_code: "usd" },
      { bucket_start: "2026-04-01T00:00:00.000Z", currency_code: "usd" },
      { bucket_start: "2026-03-31T23:00:00.000Z", currency_code: "eur" },
    ])
  })

  it("widens hours to their UTC day and month, across a month's last hour", () => {
    expect(rollupKeys(hours, "day")).toEqual([
      { bucket_start: "2026-03-31T00:00:00.000Z", currency_code: "usd" },
      { bucket_start: "2026-04-01T00:00:00.000Z", currency_code: "usd" },
      { bucket_start: "2026-03-31T00:00:00.000Z", currency_code: "eur" },
    ])
    expect(rollupKeys(hours, "month")).toEqual([
      { bucket_start: "2026-03-01T00:00:00.000Z", currency_code: "usd" },
      { bucket_start: "2026-04-01T00:00:00.000Z", currency_code: "usd" },
      { bucket_start: "2026-03-01T00:00:00.000Z", currency_code: "eur" },
    ])
  })

  it("reads an instant with an offset as UTC (a Tokyo midnight is the previous UTC day)", () => {
    const tokyo = [{ bucket_start: "2026-05-01T00:00:00+09:00", currency_code: "jpy" }]
    expect(rollupKeys(tokyo, "day")).toEqual([
      { bucket_start: "2026-04-30T00:00:00.000Z", currency_code: "jpy" },
    ])
    expect(rollupKeys(tokyo, "month")).toEqual([
      { bucket_start: "2026-04-01T00:00:00.000Z", currency_code: "jpy" },
    ])
  })
})
