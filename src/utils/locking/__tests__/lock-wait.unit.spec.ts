import { InMemoryLockingProvider } from "@medusajs/locking/dist/providers/in-memory"
import { MedusaError } from "@medusajs/framework/utils"
import { isLockWaitGivenUp } from "../lock-wait"

/** What `promise` was rejected with. */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error("expected a rejection")
}

describe("isLockWaitGivenUp", () => {
  it("recognises what Medusa's in-memory provider throws for a busy key", async () => {
    const locking = new InMemoryLockingProvider()
    await locking.acquire("busy", { ownerId: "holder", expire: 5 })

    const refused = await rejectionOf(locking.acquire("busy", { ownerId: "other" }))
    expect(isLockWaitGivenUp(refused)).toBe(true)

    const timedOut = await rejectionOf(locking.execute("busy", async () => "ran", { timeout: 1 }))
    expect(isLockWaitGivenUp(timedOut)).toBe(true)
    await locking.release("busy", { ownerId: "holder" })
  })

  it("recognises the Redis provider's conflict", () => {
    const conflict = new MedusaError(
      MedusaError.Types.CONFLICT,
      'Failed to acquire lock for key "order-status:order_1"'
    )
    expect(isLockWaitGivenUp(conflict)).toBe(true)
    // As a workflow run rethrows a step's error: serialised, no longer an Error.
    expect(isLockWaitGivenUp({ name: "Error", message: conflict.message })).toBe(true)
  })

  it("with a key, recognises only that lock's refusal", () => {
    const refusal = { message: 'Failed to acquire lock for key "order-status:order_1"' }
    expect(isLockWaitGivenUp(refusal, "order-status:order_1")).toBe(true)
    expect(isLockWaitGivenUp(refusal, "order-status:order_10")).toBe(false)
    expect(isLockWaitGivenUp(refusal, "inventory:iitem_1")).toBe(false)
    expect(
      isLockWaitGivenUp({ message: "Timed-out acquiring lock." }, "order-status:order_1")
    ).toBe(false)
  })

  it("leaves every other error alone", () => {
    expect(isLockWaitGivenUp(new MedusaError(MedusaError.Types.CONFLICT, "Order is paid"))).toBe(
      false
    )
    expect(isLockWaitGivenUp(new Error("connect ECONNREFUSED 127.0.0.1:6379"))).toBe(false)
    expect(isLockWaitGivenUp("Timed-out acquiring lock.")).toBe(false)
    expect(isLockWaitGivenUp(undefined)).toBe(false)
  })
})
