import { InMemoryLockingProvider } from "@medusajs/locking/dist/providers/in-memory"
import OrderedInMemoryLockingProvider from "../service"

type Provider = InMemoryLockingProvider

/** Runs a job under `keys`; what it came to, or its error's message. */
const run = (provider: Provider, keys: string[], timeout: number) =>
  provider.execute(keys, async () => "ran", { timeout }).catch((e: Error) => e.message)

/**
 * Two callers naming the same two keys in opposite orders while both keys are held by
 * others, then freed: y first, so the second caller gets y and waits for x, which the first
 * caller then gets while it still wants y.
 */
async function oppositeOrders(provider: Provider): Promise<string[]> {
  await provider.acquire(["x"], { ownerId: "holder-x" })
  await provider.acquire(["y"], { ownerId: "holder-y" })
  const first = run(provider, ["x", "y"], 1)
  const second = run(provider, ["y", "x"], 1)
  await provider.release(["y"], { ownerId: "holder-y" })
  await new Promise((resolve) => setImmediate(resolve))
  await provider.release(["x"], { ownerId: "holder-x" })
  return Promise.all([first, second])
}

describe("in-memory locking provider: several keys", () => {
  it("takes them in one order, so callers naming them in opposite orders both run", async () => {
    expect(await oppositeOrders(new OrderedInMemoryLockingProvider())).toEqual(["ran", "ran"])
  })

  it("Medusa's provider holds one key each and both give up", async () => {
    const outcomes = await oppositeOrders(new InMemoryLockingProvider())
    expect(outcomes).toContain("Timed-out acquiring lock.")
  })

  it("frees the keys of a given-up wait once the key it waited for is free", async () => {
    const provider = new OrderedInMemoryLockingProvider()
    await provider.acquire(["b"], { ownerId: "holder-b" })
    // a is taken, then b waited for until the time-out. Medusa's in-memory wait ends only
    // when b is released; then a is handed back (execute), never kept.
    expect(await run(provider, ["b", "a"], 1)).toBe("Timed-out acquiring lock.")
    await provider.release(["b"], { ownerId: "holder-b" })
    expect(await run(provider, ["a"], 1)).toBe("ran")
    expect(await run(provider, ["a", "b"], 1)).toBe("ran")
  })
})
