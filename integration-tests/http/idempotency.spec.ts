import path from "node:path"
import { randomUUID } from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createStep, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { createCustomer, createStoreContext, type CustomerSession } from "../helpers"
import purgeIdempotencyKeys from "../../src/jobs/purge-idempotency-keys"
import {
  INVALID_KEY_MESSAGE,
  KEY_IN_PROGRESS_MESSAGE,
  KEY_REUSED_MESSAGE,
} from "../../src/api/utils/idempotency"
import { IDEMPOTENCY_MODULE } from "../../src/modules/idempotency"
import type IdempotencyModuleService from "../../src/modules/idempotency/service"
import {
  recordIdempotentResponseStep,
  type RecordIdempotentResponseInput,
} from "../../src/workflows/idempotency/steps/record-idempotent-response"
import {
  deleteExpiredIdempotencyKeysStep,
  type DeleteExpiredIdempotencyKeysInput,
} from "../../src/workflows/idempotency/steps/delete-expired-idempotency-keys"

const anyStatus = { validateStatus: () => true }
const ROUTE = "/samples/idempotent"
const ANONYMOUS_SCOPE = "anonymous POST /samples/idempotent"
const HOUR = 3_600_000

const failStep = createStep("test-idempotency-fail", async () => {
  throw new Error("a later step failed")
})

// The steps followed by one that fails, so their compensations run.
const recordThenFail = createWorkflow(
  "test-idempotency-record-then-fail",
  (input: RecordIdempotentResponseInput) => {
    recordIdempotentResponseStep(input)
    failStep()
  }
)
const purgeThenFail = createWorkflow(
  "test-idempotency-purge-then-fail",
  (input: DeleteExpiredIdempotencyKeysInput) => {
    deleteExpiredIdempotencyKeysStep(input)
    failStep()
  }
)

type SampleBody = { name: string; fail?: boolean; status?: number; delay_ms?: number }
type SampleRun = { id: string; run: number; name: string; actor: string | null }

// runIdempotent end to end, through a sample route of the fixture app that counts its
// handler's runs (integration-tests/fixtures/platform-app/src/api/samples/idempotent).
// The locks are the locking module's in-memory ones here (no REDIS_URL): the same
// execute() the Redis provider implements across processes.
medusaIntegrationTestRunner({
  cwd: path.join(__dirname, "../fixtures/platform-app"),
  testSuite: ({ api, getContainer }) => {
    const newKey = () => `key-${randomUUID()}`

    const post = (body: SampleBody, key?: string, headers: Record<string, string> = {}) =>
      api.post(ROUTE, body, {
        headers: { ...(key === undefined ? {} : { "idempotency-key": key }), ...headers },
        ...anyStatus,
      })

    const runs = async (): Promise<number> => (await api.get(ROUTE)).data.runs

    const keys = () => getContainer().resolve<IdempotencyModuleService>(IDEMPOTENCY_MODULE)

    it("runs the handler every time without a key", async () => {
      const before = await runs()
      const first = await post({ name: "lamp" })
      const second = await post({ name: "lamp" })
      expect([first.status, second.status]).toEqual([201, 201])
      expect(first.data.id).not.toBe(second.data.id)
      expect(second.headers["idempotent-replayed"]).toBeUndefined()
      expect(await runs()).toBe(before + 2)
    })

    it("replays a success for the same key and request, without running the handler", async () => {
      const key = newKey()
      const first = await post({ name: "lamp", status: 201 }, key)
      expect(first.status).toBe(201)
      expect(first.headers["idempotent-replayed"]).toBeUndefined()
      const after = await runs()

      // The same request, keys in another order.
      const retry = await post({ status: 201, name: "lamp" }, key)
      expect(retry.status).toBe(201)
      expect(retry.headers["idempotent-replayed"]).toBe("true")
      expect(retry.data).toEqual(first.data)
      expect(await runs()).toBe(after)
    })

    it("replays the status the handler chose", async () => {
      const key = newKey()
      const first = await post({ name: "lamp", status: 202 }, key)
      const retry = await post({ name: "lamp", status: 202 }, key)
      expect([first.status, retry.status]).toEqual([202, 202])
      expect(retry.data).toEqual(first.data)
    })

    it("refuses the key with a different request: 409", async () => {
      const key = newKey()
      await post({ name: "lamp" }, key)
      const before = await runs()
      const other = await post({ name: "chair" }, key)
      expect(other.status).toBe(409)
      expect(other.data).toEqual({ type: "conflict", message: KEY_REUSED_MESSAGE })
      expect(await runs()).toBe(before)
    })

    it("refuses a malformed key with 400 before running the handler", async () => {
      const before = await runs()
      for (const key of ["", "x".repeat(256), "clé", "tab\tinside"]) {
        const response = await post({ name: "lamp" }, key)
        expect({ key, status: response.status, body: response.data }).toEqual({
          key,
          status: 400,
          body: { type: "invalid_data", message: INVALID_KEY_MESSAGE },
        })
      }
      expect((await post({ name: "lamp" }, "x".repeat(255))).status).toBe(201)
      expect(await runs()).toBe(before + 1)
    })

    it("runs five concurrent requests with one key once; all get its response", async () => {
      const key = newKey()
      const before = await runs()
      const responses = await Promise.all(
        Array.from({ length: 5 }, () => post({ name: "lamp", delay_ms: 300 }, key))
      )
      expect(responses.map((response) => response.status)).toEqual([201, 201, 201, 201, 201])
      const bodies = responses.map((response) => response.data as SampleRun)
      expect(new Set(bodies.map((body) => body.id)).size).toBe(1)
      expect(bodies.every((body) => body.run === bodies[0].run)).toBe(true)
      expect(
        responses.filter((response) => response.headers["idempotent-replayed"] === "true")
      ).toHaveLength(4)
      expect(await runs()).toBe(before + 1)
    })

    it("does not remember failures: a retry runs again", async () => {
      const key = newKey()
      const before = await runs()
      const failed = await post({ name: "lamp", fail: true }, key)
      const again = await post({ name: "lamp", fail: true }, key)
      expect([failed.status, again.status]).toEqual([400, 400])
      expect(again.data).toEqual({ type: "not_allowed", message: "Failing as asked" })
      expect(await runs()).toBe(before + 2)

      // Nothing was stored for the key: another request with it is not a 409 either.
      const success = await post({ name: "lamp" }, key)
      expect(success.status).toBe(201)
      expect(success.headers["idempotent-replayed"]).toBeUndefined()
      expect((await post({ name: "lamp" }, key)).headers["idempotent-replayed"]).toBe("true")
    })

    it("does not remember a non-2xx status the handler returned", async () => {
      const key = newKey()
      const before = await runs()
      const first = await post({ name: "lamp", status: 422 }, key)
      const second = await post({ name: "lamp", status: 422 }, key)
      expect([first.status, second.status]).toEqual([422, 422])
      expect(second.data.id).not.toBe(first.data.id)
      expect(await runs()).toBe(before + 2)
    })

    it("keeps each caller's keys apart", async () => {
      const store = await createStoreContext(getContainer())
      const alice: CustomerSession = await createCustomer(api, store.storeHeaders)
      const bob: CustomerSession = await createCustomer(api, store.storeHeaders)
      const key = newKey()

      const asAlice = await post({ name: "alice's" }, key, alice.headers)
      const asBob = await post({ name: "bob's" }, key, bob.headers)
      const anonymous = await post({ name: "nobody's" }, key)
      expect([asAlice.status, asBob.status, anonymous.status]).toEqual([201, 201, 201])
      expect([asAlice.data.actor, asBob.data.actor, anonymous.data.actor]).toEqual([
        alice.customer.id,
        bob.customer.id,
        null,
      ])

      const aliceAgain = await post({ name: "alice's" }, key, alice.headers)
      expect(aliceAgain.headers["idempotent-replayed"]).toBe("true")
      expect(aliceAgain.data).toEqual(asAlice.data)
      // Bob's key is his: Alice's request with it is not his to replay or refuse.
      const bobAgain = await post({ name: "bob's" }, key, bob.headers)
      expect(bobAgain.data).toEqual(asBob.data)
    })

    it("answers 409 to a request that waited too long for one in progress with its key", async () => {
      const key = newKey()
      // The sample waits 2 s for the lock and holds it for 4 s: whichever of the two gets it
      // first answers 201, the other gives up waiting with a 409 (no guess at who is first).
      const both = await Promise.all([
        post({ name: "lamp", delay_ms: 4000 }, key),
        post({ name: "lamp", delay_ms: 4000 }, key),
      ])
      const first = both.find((response) => response.status === 201)
      const impatient = both.find((response) => response.status !== 201)
      expect(first).toBeDefined()
      expect(impatient?.status).toBe(409)
      expect(impatient?.data).toEqual({ type: "conflict", message: KEY_IN_PROGRESS_MESSAGE })
      if (!first) {
        return
      }
      const retry = await post({ name: "lamp", delay_ms: 4000 }, key)
      expect(retry.headers["idempotent-replayed"]).toBe("true")
      expect(retry.data).toEqual(first.data)
    })

    it("ignores and overwrites an expired record", async () => {
      const key = newKey()
      const past = new Date(Date.now() - HOUR)
      await keys().recordResponse({
        scope: ANONYMOUS_SCOPE,
        key,
        fingerprint: "an-older-request",
        response_status: 201,
        response_body: { id: "old" },
        expires_at: past,
        now: past,
      })
      const response = await post({ name: "lamp" }, key)
      expect(response.status).toBe(201)
      expect(response.headers["idempotent-replayed"]).toBeUndefined()
      const live = await keys().findLiveKey(ANONYMOUS_SCOPE, key, new Date())
      expect(live?.response_body).toEqual(response.data)
      expect(live!.expires_at.getTime()).toBeGreaterThan(Date.now() + 23 * HOUR)
    })

    it("purges expired records in batches with the scheduled job, live ones stay", async () => {
      const prefix = `purge-${randomUUID()}`
      const past = new Date(Date.now() - HOUR)
      for (let i = 0; i < 120; i++) {
        await keys().recordResponse({
          scope: ANONYMOUS_SCOPE,
          key: `${prefix}-expired-${i}`,
          fingerprint: "f",
          response_status: 201,
          response_body: { i },
          expires_at: past,
          now: past,
        })
      }
      const live = await post({ name: "lamp" }, `${prefix}-live`)
      expect(live.status).toBe(201)

      expect(await purgeIdempotencyKeys(getContainer())).toBeGreaterThanOrEqual(120)
      const left = await keys().listIdempotencyKeys({ scope: ANONYMOUS_SCOPE })
      expect(left.filter((row) => row.key.startsWith(prefix)).map((row) => row.key)).toEqual([
        `${prefix}-live`,
      ])
      expect(await purgeIdempotencyKeys(getContainer())).toBe(0)
    })

    it("undoes a recorded response and a purge when a later step fails", async () => {
      const key = newKey()
      const now = new Date()
      const past = new Date(now.getTime() - HOUR)
      const record = (fingerprint: string, expiresAt: Date) => ({
        scope: ANONYMOUS_SCOPE,
        key,
        fingerprint,
        response_status: 201,
        response_body: { fingerprint },
        expires_at: expiresAt.toISOString(),
        now: now.toISOString(),
      })
      const rows = () => keys().listIdempotencyKeys({ scope: ANONYMOUS_SCOPE, key })

      // An insert is deleted again.
      const inserted = await recordThenFail(getContainer()).run({
        input: record("new", new Date(now.getTime() + HOUR)),
        throwOnError: false,
      })
      expect(inserted.errors).toHaveLength(1)
      expect(await rows()).toEqual([])

      // An overwrite of an expired record puts the expired one back.
      await keys().recordResponse({
        ...record("expired", past),
        expires_at: past,
        now: past,
      })
      await recordThenFail(getContainer()).run({
        input: record("new", new Date(now.getTime() + HOUR)),
        throwOnError: false,
      })
      expect(await rows()).toEqual([
        expect.objectContaining({
          fingerprint: "expired",
          response_body: { fingerprint: "expired" },
        }),
      ])

      // A purge puts the deleted rows back.
      await purgeThenFail(getContainer()).run({
        input: { before: now.toISOString(), limit: 100 },
        throwOnError: false,
      })
      expect(await rows()).toEqual([expect.objectContaining({ fingerprint: "expired" })])
    })
  },
})
