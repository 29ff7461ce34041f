import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { IDEMPOTENCY_MODULE } from ".."
import { IdempotencyKey } from "../models/idempotency-key"
import type IdempotencyModuleService from "../service"
import type { RecordResponseInput } from "../types"

jest.setTimeout(60000)

const HOUR = 3_600_000

// Like every database-backed module test, it needs NODE_OPTIONS=--experimental-vm-modules
// (set by `npm run test:integration:modules` and `npm test`).
moduleIntegrationTestRunner<IdempotencyModuleService>({
  moduleName: IDEMPOTENCY_MODULE,
  moduleModels: [IdempotencyKey],
  resolve: "./src/modules/idempotency",
  testSuite: ({ service }) => {
    const now = new Date()
    const past = new Date(now.getTime() - HOUR)
    const future = new Date(now.getTime() + HOUR)

    const response = (overrides: Partial<RecordResponseInput> = {}): RecordResponseInput => ({
      scope: "cus_1 POST /cart/checkout",
      key: "key-1",
      fingerprint: "f1",
      response_status: 201,
      response_body: { order: { id: "order_1", items: [{ quantity: 2 }] } },
      expires_at: future,
      now,
      ...overrides,
    })

    it("keeps one record per scope and key", async () => {
      const row = {
        scope: "s",
        key: "k",
        fingerprint: "f",
        response_status: 200,
        expires_at: future,
      }
      await service.createIdempotencyKeys(row)
      await expect(service.createIdempotencyKeys(row)).rejects.toThrow()
      await service.createIdempotencyKeys({ ...row, scope: "other" })
      await service.createIdempotencyKeys({ ...row, key: "other" })
      expect(await service.listIdempotencyKeys({})).toHaveLength(3)
    })

    it("records a response and finds it while it lives, JSON body intact", async () => {
      const { written, previous } = await service.recordResponse(response())
      expect(previous).toBeNull()
      expect(written).toMatchObject({ scope: "cus_1 POST /cart/checkout", key: "key-1" })

      const live = await service.findLiveKey("cus_1 POST /cart/checkout", "key-1", now)
      expect(live).toMatchObject({
        id: written?.id,
        fingerprint: "f1",
        response_status: 201,
        response_body: { order: { id: "order_1", items: [{ quantity: 2 }] } },
      })
      expect(live?.expires_at.getTime()).toBe(future.getTime())
      expect(await service.findLiveKey("cus_2 POST /cart/checkout", "key-1", now)).toBeNull()
      expect(await service.findLiveKey("cus_1 POST /cart/checkout", "key-1", future)).toBeNull()
    })

    it("stores a response without a body as null", async () => {
      await service.recordResponse(response({ response_status: 204, response_body: null }))
      const live = await service.findLiveKey("cus_1 POST /cart/checkout", "key-1", now)
      expect(live).toMatchObject({ response_status: 204, response_body: null })
    })

    it("never overwrites a live record: the first writer wins", async () => {
      const first = await service.recordResponse(response())
      const second = await service.recordResponse(
        response({ fingerprint: "f2", response_body: { order: { id: "order_2" } } })
      )
      expect(second).toEqual({ written: null, previous: null })
      const live = await service.findLiveKey("cus_1 POST /cart/checkout", "key-1", now)
      expect(live).toMatchObject({ id: first.written?.id, fingerprint: "f1" })
    })

    it("overwrites an expired record and can put it back", async () => {
      const old = await service.recordResponse(response({ expires_at: past, now: past }))
      expect(await service.findLiveKey("cus_1 POST /cart/checkout", "key-1", now)).toBeNull()

      const { written, previous } = await service.recordResponse(
        response({ fingerprint: "f2", response_body: { order: { id: "order_2" } } })
      )
      expect(written).toMatchObject({ id: old.written?.id, fingerprint: "f2" })
      expect(previous).toMatchObject({
        fingerprint: "f1",
        response_body: old.written?.response_body,
      })
      expect(await service.listIdempotencyKeys({})).toHaveLength(1)

      await service.restoreKey(previous!)
      const [restored] = await service.listIdempotencyKeys({})
      expect(restored).toMatchObject({
        id: old.written?.id,
        fingerprint: "f1",
        response_body: { order: { id: "order_1", items: [{ quantity: 2 }] } },
      })
      expect(new Date(restored.expires_at).getTime()).toBe(past.getTime())
    })

    it("purges expired records in batches, oldest first, and can put them back", async () => {
      for (let i = 0; i < 3; i++) {
        await service.recordResponse(
          response({ key: `old-${i}`, expires_at: new Date(past.getTime() - i * HOUR), now: past })
        )
      }
      await service.recordResponse(response({ key: "live" }))

      // The two that expired first (a DELETE returns its rows in no particular order).
      const batch = await service.deleteExpiredKeys(now, 2)
      expect(batch.map((row) => row.key).sort()).toEqual(["old-1", "old-2"])
      const rest = await service.deleteExpiredKeys(now, 2)
      expect(rest.map((row) => row.key)).toEqual(["old-0"])
      expect(await service.deleteExpiredKeys(now, 2)).toEqual([])
      expect((await service.listIdempotencyKeys({})).map((row) => row.key)).toEqual(["live"])

      // Undo: the rows come back, except one whose scope and key were reused meanwhile.
      await service.recordResponse(response({ key: "old-1", fingerprint: "new" }))
      await service.reinsertKeys(batch)
      const keys = await service.listIdempotencyKeys({}, { order: { key: "ASC" } })
      expect(keys.map((row) => [row.key, row.fingerprint])).toEqual([
        ["live", "f1"],
        ["old-1", "new"],
        ["old-2", "f1"],
      ])
    })
  },
})
