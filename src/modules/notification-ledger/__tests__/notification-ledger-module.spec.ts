import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { NOTIFICATION_LEDGER_MODULE } from ".."
import { LowStockAlert } from "../models/low-stock-alert"
import { NotificationDelivery } from "../models/notification-delivery"
import type NotificationLedgerModuleService from "../service"

jest.setTimeout(60000)

const LEASE = 60_000

// Like every database-backed module test, it needs NODE_OPTIONS=--experimental-vm-modules
// (set by `npm run test:integration:modules` and `npm test`).
moduleIntegrationTestRunner<NotificationLedgerModuleService>({
  moduleName: NOTIFICATION_LEDGER_MODULE,
  moduleModels: [NotificationDelivery, LowStockAlert],
  resolve: "./src/modules/notification-ledger",
  testSuite: ({ service }) => {
    describe("claimDelivery", () => {
      it("claims a new key once; a sent message is never claimed again", async () => {
        const now = new Date()
        const { claim } = await service.claimDelivery("order:osc_1:a@shop.test", now, LEASE)
        expect(claim).toEqual(expect.objectContaining({ status: "sending", attempts: 1 }))
        expect(await service.claimDelivery("order:osc_1:a@shop.test", now, LEASE)).toEqual({
          claim: null,
          status: "sending",
        })

        await service.markDeliverySent(claim!.id, "noti_1", new Date())
        const later = new Date(now.getTime() + 10 * LEASE)
        expect(await service.claimDelivery("order:osc_1:a@shop.test", later, LEASE)).toEqual({
          claim: null,
          status: "sent",
        })
        const [row] = await service.listNotificationDeliveries({ key: "order:osc_1:a@shop.test" })
        expect(row).toEqual(
          expect.objectContaining({ status: "sent", notification_id: "noti_1", attempts: 1 })
        )
      })

      it("claims a failed message again at once, counting the attempts", async () => {
        const now = new Date()
        const { claim: first } = await service.claimDelivery("k-failed", now, LEASE)
        await service.markDeliveryFailed(first!.id, "SMTP 451 try later")
        const [failed] = await service.listNotificationDeliveries({ key: "k-failed" })
        expect(failed).toEqual(
          expect.objectContaining({ status: "failed", last_error: "SMTP 451 try later" })
        )

        const { claim: second } = await service.claimDelivery("k-failed", now, LEASE)
        expect(second).toEqual(
          expect.objectContaining({ id: first!.id, status: "sending", attempts: 2 })
        )
      })

      it("leaves a fresh claim alone and takes over one older than the lease", async () => {
        const start = new Date()
        await service.claimDelivery("k-stale", start, LEASE)
        const fresh = await service.claimDelivery(
          "k-stale",
          new Date(start.getTime() + LEASE / 2),
          LEASE
        )
        expect(fresh.claim).toBeNull()
        const { claim: takeover } = await service.claimDelivery(
          "k-stale",
          new Date(start.getTime() + LEASE + 1),
          LEASE
        )
        expect(takeover).toEqual(expect.objectContaining({ attempts: 2 }))
      })

      it("gives one of many concurrent claims of a key the message", async () => {
        const now = new Date()
        const claims = await Promise.all(
          Array.from({ length: 8 }, () => service.claimDelivery("k-race", now, LEASE))
        )
        expect(claims.filter(({ claim }) => claim)).toHaveLength(1)
        expect(claims.filter(({ claim }) => !claim).every((c) => c.status === "sending")).toBe(true)
      })

      it("does not mark a message failed once it was sent", async () => {
        const { claim } = await service.claimDelivery("k-sent", new Date(), LEASE)
        await service.markDeliverySent(claim!.id, null, new Date())
        await service.markDeliveryFailed(claim!.id, "late error")
        const [row] = await service.listNotificationDeliveries({ key: "k-sent" })
        expect(row.status).toBe("sent")
      })
    })

    describe("low-stock alerts", () => {
      const crossing = (product: string, version: string, stock = 2) => ({
        crossing_key: `${product}:${version}`,
        product_id: product,
        stock_quantity: stock,
        threshold: 5,
      })

      it("records a crossing once, however often it is reported", async () => {
        const [first] = await service.recordLowStockAlerts([crossing("prod_1", "v1")])
        expect(first).toEqual(expect.objectContaining({ product_id: "prod_1", digest_id: null }))
        expect(await service.recordLowStockAlerts([crossing("prod_1", "v1")])).toEqual([])
        // A later crossing of the same product is a new alert.
        expect(await service.recordLowStockAlerts([crossing("prod_1", "v7")])).toHaveLength(1)
      })

      it("gathers the waiting alerts into the trigger's digest, once", async () => {
        const [a, b, c] = await service.recordLowStockAlerts([
          crossing("prod_a", "v1"),
          crossing("prod_b", "v1"),
          crossing("prod_c", "v1"),
        ])

        const digest = await service.claimLowStockDigest(b.id, 100)
        expect(digest.map((alert) => alert.product_id).sort()).toEqual([
          "prod_a",
          "prod_b",
          "prod_c",
        ])
        expect(new Set(digest.map((alert) => alert.digest_id))).toEqual(new Set([b.id]))

        // The same event again (a retry) finds the same digest; the other alerts' own
        // events find they were sent with it.
        expect(await service.claimLowStockDigest(b.id, 100)).toHaveLength(3)
        expect(await service.claimLowStockDigest(a.id, 100)).toEqual([])
        expect(await service.claimLowStockDigest(c.id, 100)).toEqual([])

        // A crossing after the digest waits for its own.
        const [d] = await service.recordLowStockAlerts([crossing("prod_d", "v2")])
        expect((await service.claimLowStockDigest(d.id, 100)).map((x) => x.id)).toEqual([d.id])
        expect(await service.claimLowStockDigest("lsa_unknown", 100)).toEqual([])
      })

      it("sends crossings whose digests are claimed at the same moment in one digest", async () => {
        // Two products cross together, so their delayed digest events fire together: each
        // claim locks its own trigger first, and must not then skip the other's as taken.
        for (let round = 0; round < 5; round++) {
          const alerts = await service.recordLowStockAlerts([
            crossing(`lamp_${round}`, "v1"),
            crossing(`vase_${round}`, "v1"),
          ])
          const digests = await Promise.all(
            alerts.map((alert) => service.claimLowStockDigest(alert.id, 100))
          )
          const sent = digests.filter((digest) => digest.length > 0)
          expect(sent).toHaveLength(1)
          expect(sent[0].map((alert) => alert.id).sort()).toEqual(
            alerts.map((alert) => alert.id).sort()
          )
        }
      })

      it("caps a digest; the rest go out with their own events", async () => {
        const alerts = await service.recordLowStockAlerts(
          ["p1", "p2", "p3", "p4"].map((id) => crossing(id, "v1"))
        )
        const first = await service.claimLowStockDigest(alerts[3].id, 2)
        // The trigger itself plus two of the waiting ones.
        expect(first).toHaveLength(3)
        expect(first.map((alert) => alert.product_id)).toContain("p4")
        const left = alerts.find((alert) => !first.some((taken) => taken.id === alert.id))!
        const rest = await service.claimLowStockDigest(left.id, 2)
        expect(rest.map((alert) => alert.id)).toEqual([left.id])
      })
    })
  },
})
