import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { ANALYTICS_MODULE } from "../../src/modules/analytics"
import type AnalyticsModuleService from "../../src/modules/analytics/service"
import { rebuildAnalytics } from "../../src/tasks/analytics/rebuild"
import {
  addAndCheckout,
  createAdminUser,
  createFixtureOrder,
  createShop,
  createShoppers,
  parseCsv,
  waitFor,
  type AdminSession,
  type FixtureOrder,
} from "../helpers"

jest.setTimeout(180_000)

const anyStatus = { validateStatus: () => true }
const PERIOD = "from=2026-03-01&to=2026-03-10"

/**
 * The fixture, in two currencies. Period 2026-03-01..10 (previous: 02-19..28). Lines have
 * no tax or shipping, so an order's total is the sum of its lines (A: 10 USD / 9 EUR,
 * B: 25 USD / 20 EUR). Hand-computed answers are in the tests.
 */
function fixture(a: string, b: string): FixtureOrder[] {
  const A = (quantity: number, unit_price: number) => ({
    product_id: a,
    title: "A",
    quantity,
    unit_price,
  })
  const B = (quantity: number, unit_price: number) => ({
    product_id: b,
    title: "B",
    quantity,
    unit_price,
  })
  const usd = (
    placed_at: string,
    customer_id: string,
    status: FixtureOrder["status"],
    lines: FixtureOrder["lines"],
    refund?: number
  ) => ({ placed_at, currency_code: "usd", customer_id, status, lines, refund }) as FixtureOrder
  const eur = (
    placed_at: string,
    customer_id: string,
    status: FixtureOrder["status"],
    lines: FixtureOrder["lines"]
  ) => ({ placed_at, currency_code: "eur", customer_id, status, lines }) as FixtureOrder
  return [
    usd("2026-03-02T10:00:00Z", "cus_fx1", "paid", [A(2, 10)]), // 20
    usd("2026-03-03T12:00:00Z", "cus_fx2", "delivered", [B(1, 25)]), // 25
    usd("2026-03-04T09:00:00Z", "cus_fx1", "partially_refunded", [A(1, 10), B(1, 25)], 5), // 35 - 5
    usd("2026-03-05T08:00:00Z", "cus_fx3", "refunded", [B(1, 25)]), // 25 - 25
    usd("2026-03-06T08:00:00Z", "cus_fx2", "cancelled", [A(3, 10)]), // not a sale
    usd("2026-03-07T08:00:00Z", "cus_fx3", "pending", [A(1, 10)]), // not a sale
    usd("2026-02-25T10:00:00Z", "cus_fx4", "paid", [B(1, 25)]), // previous period
    // 00:30 on 03-03 in Paris (UTC+1): another day there.
    eur("2026-03-02T23:30:00Z", "cus_fx4", "shipped", [B(2, 20)]), // 40
    // 00:30 on 03-11 in Paris: outside the period there.
    eur("2026-03-10T23:30:00Z", "cus_fx5", "paid", [A(2, 9)]), // 18
  ]
}

medusaIntegrationTestRunner({
  // The store's zone: its periods read the local-day rollup, other zones hours and UTC days.
  env: { ANALYTICS_TIMEZONE: "Europe/Paris" },
  testSuite: ({ api, getContainer }) => {
    let admin: AdminSession
    let productA: string
    let productB: string

    beforeEach(async () => {
      const container = getContainer()
      admin = await createAdminUser(container, api)
      const products = await container.resolve(Modules.PRODUCT).createProducts([
        { title: "Analytics A", status: "published" },
        { title: "Analytics B", status: "published" },
      ])
      ;[productA, productB] = products.map((product) => product.id)
      for (const order of fixture(productA, productB)) {
        await createFixtureOrder(container, order)
      }
      await rebuildAnalytics(container)
    })

    const get = (path: string, headers: Record<string, string> = admin.headers) =>
      api.get(path, { headers, ...anyStatus })

    describe("GET /admin/analytics/summary", () => {
      it("computes revenue, orders, AOV and refunds per currency vs the previous period", async () => {
        const { status, data } = await get(`/admin/analytics/summary?${PERIOD}&tz=UTC`)
        expect(status).toBe(200)
        expect(data.period).toEqual({ from: "2026-03-01", to: "2026-03-10", tz: "UTC" })
        expect(data.previous_period).toEqual({ from: "2026-02-19", to: "2026-02-28", tz: "UTC" })
        const usd = data.currencies.find(
          (c: { currency_code: string }) => c.currency_code === "usd"
        )
        const eur = data.currencies.find(
          (c: { currency_code: string }) => c.currency_code === "eur"
        )
        // USD: sales 20 + 25 + 35 + 25 = 105, refunds 5 + 25 = 30, kept orders 3 (75 / 3 = 25).
        expect(usd.current).toEqual({
          revenue: "75.00",
          gross: "105.00",
          refunds: "30.00",
          orders: 3,
          average_order_value: "25.00",
          units: 5,
        })
        expect(usd.previous).toMatchObject({
          revenue: "25.00",
          orders: 1,
          average_order_value: "25.00",
        })
        expect(usd.change).toMatchObject({ revenue: 200, orders: 200, average_order_value: 0 })
        // EUR: 40 + 18, never added to USD.
        expect(eur.current).toMatchObject({
          revenue: "58.00",
          orders: 2,
          average_order_value: "29.00",
        })
        expect(eur.previous).toMatchObject({ revenue: "0.00", orders: 0 })
        expect(eur.change.revenue).toBeNull()
        // First kept orders: fx1, fx2, fx5 (fx4's was in February; fx3 has none kept).
        expect(data.new_customers).toEqual({ current: 3, previous: 1, change: 200 })
      })

      it("uses the timezone's days for the period", async () => {
        const { data } = await get(`/admin/analytics/summary?${PERIOD}&tz=Europe/Paris`)
        const eur = data.currencies.find(
          (c: { currency_code: string }) => c.currency_code === "eur"
        )
        expect(eur.current).toMatchObject({ revenue: "40.00", orders: 1 })
        expect(data.new_customers.current).toBe(2)
      })
    })

    describe("GET /admin/analytics/sales", () => {
      it("buckets by day in the timezone, per currency, with zeros", async () => {
        const utc = (await get(`/admin/analytics/sales?${PERIOD}&tz=UTC`)).data
        expect(utc.series).toHaveLength(20)
        const at = (series: Record<string, unknown>[], day: string, currency: string) =>
          series.find((row) => row.period_start === day && row.currency_code === currency)
        expect(at(utc.series, "2026-03-04", "usd")).toEqual({
          period_start: "2026-03-04",
          currency_code: "usd",
          orders: 1,
          gross: "35.00",
          refunds: "5.00",
          revenue: "30.00",
        })
        expect(at(utc.series, "2026-03-05", "usd")).toMatchObject({ orders: 0, revenue: "0.00" })
        expect(at(utc.series, "2026-03-02", "eur")).toMatchObject({ revenue: "40.00" })
        expect(at(utc.series, "2026-03-10", "eur")).toMatchObject({ revenue: "18.00" })

        const paris = (await get(`/admin/analytics/sales?${PERIOD}&tz=Europe/Paris`)).data
        expect(at(paris.series, "2026-03-02", "eur")).toMatchObject({ revenue: "0.00" })
        expect(at(paris.series, "2026-03-03", "eur")).toMatchObject({ revenue: "40.00" })
        expect(at(paris.series, "2026-03-10", "eur")).toMatchObject({ revenue: "0.00" })
      })

      it("buckets by ISO week and by month", async () => {
        const weeks = (await get(`/admin/analytics/sales?${PERIOD}&tz=UTC&grain=week`)).data
        const usdWeeks = weeks.series.filter(
          (row: { currency_code: string }) => row.currency_code === "usd"
        )
        expect(usdWeeks.map((row: { period_start: string }) => row.period_start)).toEqual([
          "2026-02-23",
          "2026-03-02",
          "2026-03-09",
        ])
        expect(usdWeeks[1]).toMatchObject({
          orders: 3,
          gross: "105.00",
          refunds: "30.00",
          revenue: "75.00",
        })
        const months = (
          await get(`/admin/analytics/sales?from=2026-02-01&to=2026-03-31&tz=UTC&grain=month`)
        ).data
        expect(
          months.series.filter((row: { currency_code: string }) => row.currency_code === "usd")
        ).toEqual([
          expect.objectContaining({ period_start: "2026-02-01", revenue: "25.00", orders: 1 }),
          expect.objectContaining({ period_start: "2026-03-01", revenue: "75.00", orders: 3 }),
        ])
      })
    })

    describe("periods whose edges cut UTC days (whole days from the daily rollup, edges from hours)", () => {
      /**
       * April 2026, USD, one unit of A each, a power of two each so every sum names its
       * orders. New York (UTC-4 in April): [04-01 04:00Z, 05-01 04:00Z). Tokyo (UTC+9):
       * [03-31 15:00Z, 04-30 15:00Z). UTC: [04-01, 05-01).
       */
      const EDGES: [string, string, number][] = [
        ["a", "2026-04-01T03:30:00Z", 1], // NY 03-31 23:30 (out), Tokyo 04-01 12:30
        ["b", "2026-04-01T04:30:00Z", 2], // NY 04-01 00:30, Tokyo 04-01 13:30
        ["c", "2026-04-15T12:00:00Z", 4], // inside everywhere
        ["d", "2026-05-01T03:30:00Z", 8], // NY 04-30 23:30, Tokyo 05-01 (out), UTC out
        ["e", "2026-05-01T04:30:00Z", 16], // out everywhere (NY 05-01 00:30)
        ["f", "2026-03-31T14:30:00Z", 32], // out everywhere (Tokyo 03-31 23:30)
        ["g", "2026-03-31T15:30:00Z", 64], // Tokyo 04-01 00:30 only
        ["h", "2026-04-30T14:30:00Z", 128], // NY 04-30 10:30, Tokyo 04-30 23:30, UTC
        ["i", "2026-04-30T15:30:00Z", 256], // NY 04-30 11:30, Tokyo 05-01 (out), UTC
      ]
      const APRIL = "from=2026-04-01&to=2026-04-30"
      const ordersOf: Record<string, string> = {}

      beforeEach(async () => {
        const container = getContainer()
        for (const [name, placed_at, price] of EDGES) {
          ordersOf[name] = await createFixtureOrder(container, {
            placed_at,
            currency_code: "usd",
            customer_id: `cus_edge_${name}`,
            status: "paid",
            lines: [{ product_id: productA, title: "A", quantity: 1, unit_price: price }],
          })
        }
        await rebuildAnalytics(container)
      })

      const usdOf = (data: { currencies: { currency_code: string }[] }) =>
        data.currencies.find((c) => c.currency_code === "usd") as unknown as {
          current: { revenue: string; orders: number; units: number }
        }
      const revenueBy = (
        series: { period_start: string; currency_code: string; revenue: string }[]
      ) =>
        Object.fromEntries(
          series
            .filter((row) => row.currency_code === "usd" && row.revenue !== "0.00")
            .map((row) => [row.period_start, row.revenue])
        )

      it.each([
        ["America/New_York", "398.00", 5], // b c d h i
        ["Asia/Tokyo", "199.00", 5], // a b c g h
        ["UTC", "391.00", 5], // a b c h i
      ])("totals in %s count the edge hours on the right side", async (tz, revenue, orders) => {
        const summary = (await get(`/admin/analytics/summary?${APRIL}&tz=${tz}`)).data
        expect(usdOf(summary).current).toMatchObject({ revenue, orders, units: orders })
        expect(summary.new_customers.current).toBe(orders)
        const status = (await get(`/admin/analytics/orders-by-status?${APRIL}&tz=${tz}`)).data
        expect(status.statuses).toContainEqual({ status: "paid", orders })
        const customers = (await get(`/admin/analytics/customers?${APRIL}&tz=${tz}`)).data
        expect(customers.current).toEqual({ new_customers: orders, returning_orders: 0 })
        const top = (await get(`/admin/analytics/top-products?${APRIL}&tz=${tz}`)).data
        expect(top.by_revenue).toEqual([expect.objectContaining({ revenue, units: orders })])
        expect(top.by_units).toEqual([expect.objectContaining({ units: orders })])
        const months = (await get(`/admin/analytics/sales?${APRIL}&tz=${tz}&grain=month`)).data
        expect(revenueBy(months.series)).toEqual({ "2026-04-01": revenue })
      })

      it("buckets the edge hours into the local days and weeks of each zone", async () => {
        const sales = async (tz: string, grain: string) =>
          revenueBy(
            (await get(`/admin/analytics/sales?${APRIL}&tz=${tz}&grain=${grain}`)).data.series
          )
        expect(await sales("America/New_York", "day")).toEqual({
          "2026-04-01": "2.00",
          "2026-04-15": "4.00",
          "2026-04-30": "392.00",
        })
        expect(await sales("Asia/Tokyo", "day")).toEqual({
          "2026-04-01": "67.00",
          "2026-04-15": "4.00",
          "2026-04-30": "128.00",
        })
        expect(await sales("UTC", "day")).toEqual({
          "2026-04-01": "3.00",
          "2026-04-15": "4.00",
          "2026-04-30": "384.00",
        })
        // ISO weeks from Monday 03-30; the first and last are cut by the period.
        expect(await sales("America/New_York", "week")).toEqual({
          "2026-03-30": "2.00",
          "2026-04-13": "4.00",
          "2026-04-27": "392.00",
        })
        expect(await sales("Asia/Tokyo", "week")).toEqual({
          "2026-03-30": "67.00",
          "2026-04-13": "4.00",
          "2026-04-27": "128.00",
        })
        // A one-day period inside a zone's day: only hours (no whole UTC day fits).
        const oneDay = (
          await get(`/admin/analytics/summary?from=2026-04-30&to=2026-04-30&tz=America/New_York`)
        ).data
        expect(usdOf(oneDay).current).toMatchObject({ revenue: "392.00", orders: 3 })
      })

      it("keeps the daily rollup current when a fact changes (refresh, not rebuild)", async () => {
        const analytics = getContainer().resolve<AnalyticsModuleService>(ANALYTICS_MODULE)
        const [fact] = await analytics.listAnalyticsOrderFacts({ order_id: ordersOf.h })
        const write = (status: "cancelled" | "paid") =>
          analytics.writeOrderFacts([
            {
              order_id: fact.order_id,
              customer_id: fact.customer_id,
              currency_code: fact.currency_code,
              placed_at: new Date(fact.placed_at).toISOString(),
              status,
              total: "128",
              refunded: "0",
              units: 1,
              lines: [{ product_id: productA, quantity: 1, revenue: "128" }],
            },
          ])
        const nyDay30 = async () =>
          revenueBy((await get(`/admin/analytics/sales?${APRIL}&tz=America/New_York`)).data.series)[
            "2026-04-30"
          ]
        await write("cancelled")
        // 04-30 is a whole UTC day of the New York period: read from the daily rollup.
        const ny = (await get(`/admin/analytics/summary?${APRIL}&tz=America/New_York`)).data
        expect(usdOf(ny).current).toMatchObject({ revenue: "270.00", orders: 4 })
        expect(await nyDay30()).toBe("264.00")
        // In Tokyo h falls in the edge hours of 04-30: read from the hourly rollup.
        const tokyo = (await get(`/admin/analytics/summary?${APRIL}&tz=Asia/Tokyo`)).data
        expect(usdOf(tokyo).current).toMatchObject({ revenue: "71.00", orders: 4 })
        // In UTC April is a whole month: top products read the monthly product rollup.
        const top = (await get(`/admin/analytics/top-products?${APRIL}&tz=UTC`)).data
        expect(top.by_revenue).toEqual([expect.objectContaining({ revenue: "263.00", units: 4 })])
        await write("paid")
        const back = (await get(`/admin/analytics/summary?${APRIL}&tz=America/New_York`)).data
        expect(usdOf(back).current).toMatchObject({ revenue: "398.00", orders: 5 })
        expect(await nyDay30()).toBe("392.00")
        const topBack = (await get(`/admin/analytics/top-products?${APRIL}&tz=UTC`)).data
        expect(topBack.by_units).toEqual([expect.objectContaining({ units: 5 })])
      })
    })

    describe("the store's timezone (Europe/Paris) from the local-day rollup, across DST", () => {
      /**
       * EUR, one unit of A each, a power of two each. Paris moves to summer time on
       * 2026-03-29 (a 23-hour day: [03-28 23:00Z, 03-29 22:00Z)) and back on 2026-10-25
       * (25 hours: [10-24 22:00Z, 10-25 23:00Z)).
       */
      const DST: [string, string, number][] = [
        ["p", "2026-03-28T22:30:00Z", 1], // Paris 03-28 23:30 (CET)
        ["q", "2026-03-28T23:30:00Z", 2], // Paris 03-29 00:30
        ["r", "2026-03-29T21:30:00Z", 4], // Paris 03-29 23:30 (CEST)
        ["s", "2026-03-29T22:30:00Z", 8], // Paris 03-30 00:30
        ["t", "2026-10-24T21:30:00Z", 16], // Paris 10-24 23:30 (CEST)
        ["u", "2026-10-24T22:30:00Z", 32], // Paris 10-25 00:30
        ["v", "2026-10-25T22:30:00Z", 64], // Paris 10-25 23:30 (CET)
        ["w", "2026-10-25T23:30:00Z", 128], // Paris 10-26 00:30
      ]
      const ordersOf: Record<string, string> = {}

      beforeEach(async () => {
        const container = getContainer()
        for (const [name, placed_at, price] of DST) {
          ordersOf[name] = await createFixtureOrder(container, {
            placed_at,
            currency_code: "eur",
            customer_id: `cus_dst_${name}`,
            status: "paid",
            lines: [{ product_id: productA, title: "A", quantity: 1, unit_price: price }],
          })
        }
        await rebuildAnalytics(container)
      })

      const eurBy = async (query: string) =>
        Object.fromEntries(
          (await get(`/admin/analytics/sales?${query}`)).data.series
            .filter(
              (row: { currency_code: string; revenue: string }) =>
                row.currency_code === "eur" && row.revenue !== "0.00"
            )
            .map((row: { period_start: string; revenue: string }) => [
              row.period_start,
              row.revenue,
            ])
        )
      const eurSummary = async (query: string) =>
        (await get(`/admin/analytics/summary?${query}`)).data.currencies.find(
          (c: { currency_code: string }) => c.currency_code === "eur"
        )?.current

      /** The answers of the Paris periods around both changes, whichever rollup serves them. */
      const expectParisAnswers = async () => {
        expect(await eurBy("from=2026-03-28&to=2026-03-30&tz=Europe/Paris")).toEqual({
          "2026-03-28": "1.00",
          "2026-03-29": "6.00",
          "2026-03-30": "8.00",
        })
        expect(await eurBy("from=2026-10-24&to=2026-10-26&tz=Europe/Paris")).toEqual({
          "2026-10-24": "16.00",
          "2026-10-25": "96.00",
          "2026-10-26": "128.00",
        })
        // ISO weeks (from Monday 03-23) and months; March also holds the fixture's 40 + 18.
        expect(await eurBy("from=2026-03-28&to=2026-03-30&tz=Europe/Paris&grain=week")).toEqual({
          "2026-03-23": "7.00",
          "2026-03-30": "8.00",
        })
        expect(await eurBy("from=2026-03-01&to=2026-10-31&tz=Europe/Paris&grain=month")).toEqual({
          "2026-03-01": "73.00",
          "2026-10-01": "240.00",
        })
        // The 23-hour and the 25-hour day alone.
        expect(await eurSummary("from=2026-03-29&to=2026-03-29&tz=Europe/Paris")).toMatchObject({
          revenue: "6.00",
          orders: 2,
          units: 2,
        })
        expect(await eurSummary("from=2026-10-25&to=2026-10-25&tz=Europe/Paris")).toMatchObject({
          revenue: "96.00",
          orders: 2,
        })
        const status = (
          await get(
            "/admin/analytics/orders-by-status?from=2026-10-25&to=2026-10-25&tz=Europe/Paris"
          )
        ).data
        expect(status.statuses).toContainEqual({ status: "paid", orders: 2 })
        const customers = (
          await get("/admin/analytics/customers?from=2026-03-29&to=2026-03-29&tz=Europe/Paris")
        ).data
        expect(customers.current).toEqual({ new_customers: 2, returning_orders: 0 })
      }

      it("keeps local days of 23 and 25 hours and answers Paris periods from them", async () => {
        const analytics = getContainer().resolve<AnalyticsModuleService>(ANALYTICS_MODULE)
        expect(await analytics.listAnalyticsLocalDayZones()).toEqual([
          expect.objectContaining({ timezone: "Europe/Paris" }),
        ])
        // The local day 03-29 starts at 03-28 23:00Z and holds q and r; 10-25 holds u and v.
        const days = await analytics.listAnalyticsSalesLocalDays({
          timezone: "Europe/Paris",
          currency_code: "eur",
          bucket_start: [new Date("2026-03-28T23:00:00Z"), new Date("2026-10-24T22:00:00Z")],
        })
        expect(
          days
            .map((day) => [new Date(day.bucket_start).toISOString(), day.orders, String(day.total)])
            .sort()
        ).toEqual([
          ["2026-03-28T23:00:00.000Z", 2, "6"],
          ["2026-10-24T22:00:00.000Z", 2, "96"],
        ])
        await expectParisAnswers()
        // Other zones still read hours and UTC days: New York (UTC-4 then) and UTC.
        expect(await eurBy("from=2026-03-28&to=2026-03-30&tz=America/New_York")).toEqual({
          "2026-03-28": "3.00",
          "2026-03-29": "12.00",
        })
        expect(await eurBy("from=2026-10-24&to=2026-10-26&tz=UTC")).toEqual({
          "2026-10-24": "48.00",
          "2026-10-25": "192.00",
        })
      })

      it("keeps the local days current when a fact changes (refresh, not rebuild)", async () => {
        const analytics = getContainer().resolve<AnalyticsModuleService>(ANALYTICS_MODULE)
        const [fact] = await analytics.listAnalyticsOrderFacts({ order_id: ordersOf.r })
        const write = (status: "cancelled" | "paid") =>
          analytics.writeOrderFacts([
            {
              order_id: fact.order_id,
              customer_id: fact.customer_id,
              currency_code: fact.currency_code,
              placed_at: new Date(fact.placed_at).toISOString(),
              status,
              total: "4",
              refunded: "0",
              units: 1,
              lines: [{ product_id: productA, quantity: 1, revenue: "4" }],
            },
          ])
        await write("cancelled")
        expect(await eurBy("from=2026-03-28&to=2026-03-30&tz=Europe/Paris")).toEqual({
          "2026-03-28": "1.00",
          "2026-03-29": "2.00",
          "2026-03-30": "8.00",
        })
        const status = (
          await get(
            "/admin/analytics/orders-by-status?from=2026-03-29&to=2026-03-29&tz=Europe/Paris"
          )
        ).data
        expect(status.statuses).toContainEqual({ status: "cancelled", orders: 1 })
        await write("paid")
        await expectParisAnswers()
      })

      it("answers the same from hours when the local days are kept for another zone", async () => {
        const analytics = getContainer().resolve<AnalyticsModuleService>(ANALYTICS_MODULE)
        // As after ANALYTICS_TIMEZONE changed: the rebuild fills another zone's local days.
        await analytics.rebuildRollups(null, "America/New_York")
        expect(await analytics.listAnalyticsLocalDayZones()).toEqual([
          expect.objectContaining({ timezone: "America/New_York" }),
        ])
        await expectParisAnswers()
        expect(await eurBy("from=2026-03-28&to=2026-03-30&tz=America/New_York")).toEqual({
          "2026-03-28": "3.00",
          "2026-03-29": "12.00",
        })
      })
    })

    it("ranks top products by revenue per currency and by units", async () => {
      const { data } = await get(`/admin/analytics/top-products?${PERIOD}&tz=UTC`)
      expect(data.by_revenue).toEqual([
        {
          currency_code: "eur",
          product_id: productB,
          title: "Analytics B",
          units: 2,
          revenue: "40.00",
        },
        {
          currency_code: "eur",
          product_id: productA,
          title: "Analytics A",
          units: 2,
          revenue: "18.00",
        },
        {
          currency_code: "usd",
          product_id: productB,
          title: "Analytics B",
          units: 2,
          revenue: "50.00",
        },
        {
          currency_code: "usd",
          product_id: productA,
          title: "Analytics A",
          units: 3,
          revenue: "30.00",
        },
      ])
      expect(data.by_units).toEqual([
        { product_id: productA, title: "Analytics A", units: 5 },
        { product_id: productB, title: "Analytics B", units: 4 },
      ])
    })

    it("counts orders by their current status", async () => {
      const { data } = await get(`/admin/analytics/orders-by-status?${PERIOD}&tz=UTC`)
      expect(
        Object.fromEntries(
          data.statuses.map((s: { status: string; orders: number }) => [s.status, s.orders])
        )
      ).toEqual({
        pending: 1,
        paid: 2,
        processing: 0,
        shipped: 1,
        delivered: 1,
        cancelled: 1,
        refunded: 1,
        partially_refunded: 1,
      })
    })

    it("counts new customers and returning customers' orders", async () => {
      const { data } = await get(`/admin/analytics/customers?${PERIOD}&tz=UTC`)
      expect(data.current).toEqual({ new_customers: 3, returning_orders: 2 })
      expect(data.previous).toEqual({ new_customers: 1, returning_orders: 0 })
    })

    it("answers CSV with the JSON's figures (format=csv or Accept)", async () => {
      const json = (await get(`/admin/analytics/sales?${PERIOD}&tz=UTC`)).data
      const csv = await get(`/admin/analytics/sales?${PERIOD}&tz=UTC&format=csv`)
      expect(csv.headers["content-type"]).toMatch(/^text\/csv/)
      expect(parseCsv(csv.data)).toEqual(
        json.series.map((row: Record<string, unknown>) =>
          Object.fromEntries(Object.entries(row).map(([key, value]) => [key, String(value)]))
        )
      )
      const summary = (await get(`/admin/analytics/summary?${PERIOD}&tz=UTC`)).data
      const accepted = await api.get(`/admin/analytics/summary?${PERIOD}&tz=UTC`, {
        headers: { ...admin.headers, accept: "text/csv" },
      })
      const rows = parseCsv(accepted.data)
      const usd = summary.currencies.find(
        (c: { currency_code: string }) => c.currency_code === "usd"
      )
      expect(rows.find((row) => row.currency_code === "usd" && row.metric === "revenue")).toEqual({
        currency_code: "usd",
        metric: "revenue",
        current: usd.current.revenue,
        previous: usd.previous.revenue,
        change_percent: String(usd.change.revenue),
      })
      expect(rows).toHaveLength(summary.currencies.length * 6 + 1)
      for (const report of ["top-products", "orders-by-status", "customers", "low-stock"]) {
        const answer = await get(
          `/admin/analytics/${report}?${PERIOD}&format=csv`.replace(
            report === "low-stock" ? `?${PERIOD}&` : "\0",
            "?"
          )
        )
        expect([report, answer.status, answer.headers["content-type"]]).toEqual([
          report,
          200,
          expect.stringMatching(/^text\/csv/),
        ])
      }
    })

    it("is idempotent: a second rebuild gives the same answers", async () => {
      const before = (await get(`/admin/analytics/summary?${PERIOD}&tz=UTC`)).data
      await rebuildAnalytics(getContainer())
      const after = (await get(`/admin/analytics/summary?${PERIOD}&tz=UTC`)).data
      expect(after).toEqual(before)
    })

    it("refuses anonymous callers and customers, accepts the dashboard's session cookie", async () => {
      expect((await api.get("/admin/analytics/summary", anyStatus)).status).toBe(401)
      const [shopper] = await createShoppers(getContainer(), 1)
      expect((await get("/admin/analytics/summary", shopper.headers)).status).toBe(401)
      const session = await api.post("/auth/session", {}, { headers: admin.headers })
      const cookie = String(session.headers["set-cookie"]?.[0]).split(";")[0]
      expect(cookie).toMatch(/^connect\.sid=/)
      const withCookie = await get(`/admin/analytics/summary?${PERIOD}`, { cookie })
      expect(withCookie.status).toBe(200)
      expect(withCookie.data.currencies.length).toBe(2)
    })

    it("names the store's timezone and uses it when `tz` is absent", async () => {
      const settings = await get("/admin/analytics/settings")
      expect(settings.status).toBe(200)
      expect(settings.data).toEqual({ timezone: "Europe/Paris", low_stock_threshold: 5 })
      for (const report of ["summary", "sales", "top-products", "orders-by-status", "customers"]) {
        const implicit = await get(`/admin/analytics/${report}?${PERIOD}`)
        const explicit = await get(`/admin/analytics/${report}?${PERIOD}&tz=Europe/Paris`)
        expect([report, implicit.status, implicit.data.period.tz]).toEqual([
          report,
          200,
          "Europe/Paris",
        ])
        expect(implicit.data).toEqual(explicit.data)
      }
      // Not the same figures as another zone: the default is not UTC by accident.
      const utc = (await get(`/admin/analytics/summary?${PERIOD}&tz=UTC`)).data
      expect((await get(`/admin/analytics/summary?${PERIOD}`)).data.currencies).not.toEqual(
        utc.currencies
      )
      expect((await api.get("/admin/analytics/settings", anyStatus)).status).toBe(401)
      const [shopper] = await createShoppers(getContainer(), 1)
      expect((await get("/admin/analytics/settings", shopper.headers)).status).toBe(401)
    })

    it("rejects bad periods and timezones with 400", async () => {
      expect((await get("/admin/analytics/summary?tz=Mars/Olympus")).status).toBe(400)
      expect((await get("/admin/analytics/summary?from=2026-03-10&to=2026-03-01")).status).toBe(400)
      expect((await get("/admin/analytics/summary?from=2020-01-01&to=2026-01-01")).status).toBe(400)
      expect((await get("/admin/analytics/sales?grain=hour")).status).toBe(400)
    })

    it("keeps the rollup current from order events (placed, status moves)", async () => {
      const container = getContainer()
      const shop = await createShop(container, api, {
        name: "Kettle",
        price: "30.00",
        stock_quantity: 10,
      })
      const placed = await addAndCheckout(api, shop.alice, shop.product.id, 2)
      expect(placed.status).toBe(201)
      const orderId = placed.data.order.id
      const analytics = container.resolve<AnalyticsModuleService>(ANALYTICS_MODULE)
      const factStatus = async () =>
        (await analytics.listAnalyticsOrderFacts({ order_id: orderId }))[0]?.status
      await waitFor(async () => (await factStatus()) === "pending")
      const moved = await api.put(
        `/orders/${orderId}/status`,
        { status: "paid" },
        { headers: shop.admin.headers }
      )
      expect(moved.status).toBe(200)
      await waitFor(async () => (await factStatus()) === "paid")
      const today = new Date().toISOString().slice(0, 10)
      const { data } = await get(`/admin/analytics/summary?from=${today}&to=${today}&tz=UTC`)
      const currency = placed.data.order.currency_code
      const current = data.currencies.find(
        (c: { currency_code: string }) => c.currency_code === currency
      )
      expect(current.current).toMatchObject({ orders: 1, units: 2, gross: placed.data.order.total })
    })

    it("lists products under the low-stock threshold with stock and reservations", async () => {
      const shop = await createShop(getContainer(), api, {
        name: "Scarce",
        price: "5.00",
        stock_quantity: 3,
      })
      await addAndCheckout(api, shop.alice, shop.product.id, 1)
      await waitFor(async () => {
        const { data } = await get("/admin/analytics/low-stock?threshold=5")
        return data.items.some(
          (item: { product_id: string; available: number }) =>
            item.product_id === shop.product.id && item.available === 2
        )
      })
      const { data } = await get("/admin/analytics/low-stock?threshold=5")
      expect(data.threshold).toBe(5)
      expect(
        data.items.find((item: { product_id: string }) => item.product_id === shop.product.id)
      ).toMatchObject({
        title: "Scarce",
        available: 2,
        reserved: 1,
        stocked: 3,
        inventory_item_id: expect.stringMatching(/^iitem_/),
      })
    })
  },
})
