import { randomUUID } from "node:crypto"
import { setTimeout as sleep } from "node:timers/promises"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { ILockingModule, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep, // the anonymous step, for contrast
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import { acquireOwnedLockStep } from "../../src/workflows/locking/steps/acquire-owned-lock"
import { useTestRedis, waitFor } from "../helpers"

// The workflows' locks on the app's Redis locking provider (src/modules/locking-redis).
useTestRedis()

jest.setTimeout(120_000)

type LockedWork = { key: string | string[]; ttl: number; work_ms: number }

/** Holds `ms` inside the lock: long enough for a test to act meanwhile. */
const workStep = createStep("test-locked-work", async (input: { ms: number }) => {
  await sleep(input.ms)
  return new StepResponse(true)
})

/** Takes the lock as its own owner, works, releases it as that owner. */
const ownedLockWorkflow = createWorkflow("test-owned-lock", (input: LockedWork) => {
  const ownedLock = acquireOwnedLockStep({ key: input.key, timeout: 5, ttl: input.ttl })
  workStep({ ms: input.work_ms })
  releaseLockStep({ key: input.key, ownerId: ownedLock.owner_id })
  return new WorkflowResponse(true)
})

/** The same with Medusa's anonymous lock steps. */
const anonymousLockWorkflow = createWorkflow("test-anonymous-lock", (input: LockedWork) => {
  acquireLockStep({ key: input.key, timeout: 5, ttl: input.ttl })
  workStep({ ms: input.work_ms })
  releaseLockStep({ key: input.key })
  return new WorkflowResponse(true)
})

/** Given no key at all (Medusa's step takes nothing then, and neither does this one). */
const noKeyLockWorkflow = createWorkflow("test-no-key-lock", () => {
  acquireOwnedLockStep({ key: undefined, timeout: 1, ttl: 30 })
  return new WorkflowResponse(true)
})

/** Runs inside a workflow that holds the same key already. */
const nestedLockWorkflow = createWorkflow("test-nested-lock", (input: LockedWork) => {
  const ownedLock = acquireOwnedLockStep({ key: input.key, timeout: 2, ttl: input.ttl })
  releaseLockStep({ key: input.key, ownerId: ownedLock.owner_id })
  return new WorkflowResponse(true)
})

const parentLockWorkflow = createWorkflow("test-parent-lock", (input: LockedWork) => {
  const ownedLock = acquireOwnedLockStep({ key: input.key, timeout: 2, ttl: input.ttl })
  nestedLockWorkflow.runAsStep({ input })
  releaseLockStep({ key: input.key, ownerId: ownedLock.owner_id })
  return new WorkflowResponse(true)
})

/**
 * The locking module's first acquisition of `key` runs in Redis and then fails, as when
 * the client gave up on Redis's answer: the key is taken, the caller is told it is not.
 */
function losingFirstAnswerFor(locking: ILockingModule, key: string) {
  const acquire = locking.acquire.bind(locking)
  let lost = 0
  const spied = jest.spyOn(locking, "acquire").mockImplementation(async (keys, args) => {
    await acquire(keys, args)
    if ([keys].flat().includes(key) && lost++ === 0) {
      throw new Error("Connection is closed.")
    }
  })
  return { restore: () => spied.mockRestore(), lost: () => lost }
}

medusaIntegrationTestRunner({
  testSuite: ({ getContainer }) => {
    let container: MedusaContainer
    let locking: ILockingModule

    beforeEach(() => {
      container = getContainer()
      locking = container.resolve(Modules.LOCKING)
    })

    /** Runs `workflow` to its end and fails the test on any step's error. */
    async function expectDone(workflow: typeof ownedLockWorkflow, input: LockedWork) {
      const { errors } = await workflow(container).run({ input, throwOnError: false })
      expect(errors.map(({ error }) => error.message)).toEqual([])
    }

    const newKey = () => `test-lock:${randomUUID()}`

    /** Whether another caller can take `key` now (and then gives it back). */
    async function takenBySomeoneElse(key: string): Promise<boolean> {
      const probe = `probe:${randomUUID()}`
      try {
        await locking.acquire(key, { ownerId: probe, expire: 5 })
      } catch {
        return true
      }
      await locking.release(key, { ownerId: probe })
      return false
    }

    describe("an attempt Redis ran whose answer was lost", () => {
      it("is the run's own: the next attempt takes the key and the run goes on", async () => {
        const key = newKey()
        const fault = losingFirstAnswerFor(locking, key)
        try {
          // Done without errors: not refused at its 5 s time-out.
          await expectDone(ownedLockWorkflow, { key, ttl: 30, work_ms: 0 })
        } finally {
          fault.restore()
        }
        expect(fault.lost()).toBeGreaterThanOrEqual(2)
        expect(await takenBySomeoneElse(key)).toBe(false)
      })

      it("with Medusa's anonymous step, waits on itself until its time-out (the old way)", async () => {
        const key = newKey()
        const fault = losingFirstAnswerFor(locking, key)
        try {
          // Refused: the step throws the refusal only once its 5 s time-out has passed.
          const { errors } = await anonymousLockWorkflow(container).run({
            input: { key, ttl: 30, work_ms: 0 },
            throwOnError: false,
          })
          expect(errors.map(({ error }) => error.message)).toEqual([
            `Failed to acquire lock for key "${key}"`,
          ])
        } finally {
          fault.restore()
        }
        // And the key stays taken by nobody who will release it.
        expect(await takenBySomeoneElse(key)).toBe(true)
        await locking.release(key)
      })
    })

    describe("a run whose lease ran out while it worked", () => {
      /**
       * Run A takes the key with a 1 s lease and works 2 s; run B takes the key once A's
       * lease is over and works 3 s. When A finishes and releases, is B's lock still held?
       */
      async function releaseAfterLapse(
        workflow: typeof ownedLockWorkflow | typeof anonymousLockWorkflow
      ): Promise<{ heldAfterFirstRelease: boolean }> {
        const key = newKey()
        const first = expectDone(workflow, { key, ttl: 1, work_ms: 2_000 })
        // The second starts once the first has the key and its lease has run out.
        await waitFor(() => takenBySomeoneElse(key))
        await waitFor(async () => !(await takenBySomeoneElse(key)))
        const second = expectDone(workflow, { key, ttl: 30, work_ms: 3_000 })
        await first
        const heldAfterFirstRelease = await takenBySomeoneElse(key)
        await second
        expect(await takenBySomeoneElse(key)).toBe(false)
        return { heldAfterFirstRelease }
      }

      it("releases only its own lock: the run that took the key since keeps it", async () => {
        expect(await releaseAfterLapse(ownedLockWorkflow)).toEqual({
          heldAfterFirstRelease: true,
        })
      })

      it("anonymous, released the other run's lock (the old way)", async () => {
        expect(await releaseAfterLapse(anonymousLockWorkflow)).toEqual({
          heldAfterFirstRelease: false,
        })
      })
    })

    it("is skipped in a workflow run inside another, which holds the lock", async () => {
      const key = newKey()
      // Done without errors: the nested step did not wait for its parent's lock and fail.
      await expectDone(parentLockWorkflow, { key, ttl: 30, work_ms: 0 })
      expect(await takenBySomeoneElse(key)).toBe(false)
    })

    it("takes nothing for no key, and several keys together", async () => {
      await expectDone(ownedLockWorkflow, { key: [], ttl: 30, work_ms: 0 })
      const { errors } = await noKeyLockWorkflow(container).run({ throwOnError: false })
      expect(errors).toEqual([])
      expect(await takenBySomeoneElse("undefined")).toBe(false)
      const keys = [newKey(), newKey()]
      const run = expectDone(ownedLockWorkflow, { key: keys, ttl: 30, work_ms: 1_000 })
      await waitFor(() => takenBySomeoneElse(keys[0]))
      expect(await takenBySomeoneElse(keys[1])).toBe(true)
      await run
      expect(await takenBySomeoneElse(keys[0])).toBe(false)
      expect(await takenBySomeoneElse(keys[1])).toBe(false)
    })
  },
})
