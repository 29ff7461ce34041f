import { randomUUID } from "node:crypto"
import Redis from "ioredis"
import { RedisLockingProvider } from "@medusajs/locking-redis/dist/services/redis-lock"
import { TcpProxy } from "../../../../integration-tests/helpers/tcp-proxy"
import { useTestRedis } from "../../../../integration-tests/helpers/redis"
import EngineRedisLockingProvider, { ACQUISITION_KEY_SUFFIX } from "../service"

// Medusa's Redis locking provider and the engine's, on this jest worker's Redis database
// (integration-tests/setup.js), each on its own client: each defines its scripts on the
// client it is given. Keys are unique to the run.
const REDIS_URL = new URL(useTestRedis())
const PREFIX = `test_lock:${randomUUID()}:`

type Provider = typeof RedisLockingProvider
type Dependencies = ConstructorParameters<Provider>[0]

function providerOn(Provider: Provider, client: Redis): RedisLockingProvider {
  return new Provider(
    { redisClient: client as unknown as Dependencies["redisClient"], prefix: PREFIX },
    {}
  )
}

/** What `promise` came to within `ms`: "waiting" when it has not settled yet. */
async function within<T>(ms: number, promise: Promise<T>): Promise<T | "waiting"> {
  let timer: NodeJS.Timeout | undefined
  const waiting = new Promise<"waiting">((resolve) => {
    timer = setTimeout(() => resolve("waiting"), ms)
  })
  try {
    return await Promise.race([promise, waiting])
  } finally {
    clearTimeout(timer)
  }
}

describe("Redis locking provider: idempotent acquisition", () => {
  const clients: Redis[] = []
  let direct: Redis

  function client(url: URL = REDIS_URL): Redis {
    const made = new Redis(url.toString())
    // A relay cut shows as an error event before ioredis reconnects; the tests watch the
    // commands instead.
    made.on("error", () => {})
    clients.push(made)
    return made
  }

  beforeAll(() => {
    direct = client()
  })

  afterAll(async () => {
    const keys = await direct.keys(`${PREFIX}*`)
    if (keys.length) {
      await direct.del(...keys)
    }
    for (const made of clients) {
      made.disconnect()
    }
  })

  it("takes a key its owner already holds at once, also when waiting in the queue", async () => {
    const engine = providerOn(EngineRedisLockingProvider, client())
    const owner = { ownerId: `owner:${randomUUID()}`, awaitQueue: true, expire: 10 }
    await engine.acquire("held-twice", owner)
    await direct.expire(`${PREFIX}held-twice`, 5)
    expect(await within(1_000, engine.acquire("held-twice", owner))).toBeUndefined()
    // Taken again, as Medusa does without the queue: the lease starts over.
    expect(await direct.ttl(`${PREFIX}held-twice`)).toBeGreaterThan(5)

    // Medusa's provider backs off against its own key until it gives up.
    const medusa = providerOn(RedisLockingProvider, client())
    await medusa.acquire("medusa-held-twice", owner)
    const stop = { cancelled: false }
    const again = medusa.acquire_("medusa-held-twice", owner, stop)
    expect(await within(1_000, again)).toBe("waiting")
    stop.cancelled = true
    await expect(again).rejects.toThrow('Failed to acquire lock for key "medusa-held-twice"')
  })

  it("still makes every other caller wait: another owner, and any anonymous one", async () => {
    const engine = providerOn(EngineRedisLockingProvider, client())
    const first = { ownerId: `owner:${randomUUID()}`, awaitQueue: true, expire: 10 }
    const second = { ownerId: `owner:${randomUUID()}`, awaitQueue: true, expire: 10 }
    await engine.acquire("contended", first)
    const waiting = engine.acquire("contended", second)
    expect(await within(500, waiting)).toBe("waiting")
    expect(await engine.release("contended", first)).toBe(true)
    await waiting
    expect(await direct.get(`${PREFIX}contended`)).toBe(second.ownerId)

    // No owner given ("*"): two such callers are never the same one.
    await engine.acquire("anonymous", { expire: 10 })
    await expect(engine.acquire("anonymous", { expire: 10 })).rejects.toThrow(
      'Failed to acquire lock for key "anonymous"'
    )
  })

  it("takes an anonymous key again only for the same acquisition, sent twice", async () => {
    const redis = client()
    providerOn(EngineRedisLockingProvider, redis)
    // The script as the provider calls it, with the acquisition id chosen here: a command
    // that ioredis sends again is the same command, id included.
    const acquisition = redis as unknown as {
      acquireLockOnce: (...args: [string, string, string, number, string]) => Promise<number>
    }
    const key = `${PREFIX}sent-twice`
    const send = (id: string) =>
      acquisition.acquireLockOnce(key, `${key}${ACQUISITION_KEY_SUFFIX}`, "*", 10, id)
    expect(await send("first")).toBe(1)
    expect(await send("first")).toBe(1)
    expect(await send("second")).toBe(0)

    // Released and taken by another anonymous caller: the first id no longer takes it.
    await redis.del(key)
    expect(await send("third")).toBe(1)
    expect(await send("first")).toBe(0)
    expect(await direct.ttl(`${key}${ACQUISITION_KEY_SUFFIX}`)).toBeGreaterThan(0)
  })

  describe("through a relay that loses the reply to the acquisition", () => {
    const relay = new TcpProxy({
      host: REDIS_URL.hostname,
      port: Number(REDIS_URL.port || 6379),
    })

    beforeAll(async () => {
      await relay.start()
    })

    afterAll(async () => {
      await relay.stop()
    })

    /**
     * Runs `call` on a provider that reaches Redis through the relay, with the reply to
     * the acquisition of `key` lost (Redis took the key) and the connection closed: ioredis
     * reconnects and sends the acquisition again (`autoResendUnfulfilledCommands`, its
     * default). What `call` came to, and how long it took.
     */
    async function losingTheReply<T>(
      Provider: Provider,
      key: string,
      call: (provider: RedisLockingProvider) => Promise<T>
    ) {
      const relayed = new URL(REDIS_URL)
      relayed.hostname = "127.0.0.1"
      relayed.port = String(relay.port)
      const provider = providerOn(Provider, client(relayed))
      // Loads the scripts into Redis first: ioredis sends EVALSHA and, when Redis does not
      // know the script, EVAL; the lost reply must be the one to the acquisition itself.
      // (Each call leaves a timer of its time-out behind: kept short.)
      await provider.execute(`${key}-warm-up`, async () => {}, { timeout: 1 })
      await provider.acquire(`${key}-warm-up`, { expire: 1 })

      let lost = false
      void relay.dropReplyTo(`${PREFIX}${key}`).then(() => (lost = true))
      const started = Date.now()
      const outcome = await call(provider).then(
        (value) => ({ value }),
        (error: Error) => ({ error: error.message })
      )
      expect(lost).toBe(true)
      return { ...outcome, ms: Date.now() - started }
    }

    const executeCounting = (key: string) => {
      const job = { runs: 0 }
      const call = (provider: RedisLockingProvider) =>
        provider.execute(key, async () => ++job.runs, { timeout: 2 })
      return { job, call }
    }

    it("execute runs the job at once and releases the key", async () => {
      const { job, call } = executeCounting("lost-reply")
      const result = await losingTheReply(EngineRedisLockingProvider, "lost-reply", call)
      expect(result).toMatchObject({ value: 1 })
      expect(job.runs).toBe(1)
      expect(result.ms).toBeLessThan(1_500)
      expect(await direct.exists(`${PREFIX}lost-reply`)).toBe(0)
    })

    it("an acquisition without an owner takes the key once, and only that one", async () => {
      const result = await losingTheReply(EngineRedisLockingProvider, "anonymous-lost", (p) =>
        p.acquire("anonymous-lost", { expire: 10 })
      )
      expect(result).toMatchObject({ value: undefined })
      expect(result.ms).toBeLessThan(1_500)
      expect(await direct.get(`${PREFIX}anonymous-lost`)).toBe("*")
      const engine = providerOn(EngineRedisLockingProvider, client())
      await expect(engine.acquire("anonymous-lost", { expire: 10 })).rejects.toThrow(
        'Failed to acquire lock for key "anonymous-lost"'
      )
    })

    it("Medusa's provider waits on itself until its time-out and leaves the key held", async () => {
      const { job, call } = executeCounting("medusa-lost-reply")
      const result = await losingTheReply(RedisLockingProvider, "medusa-lost-reply", call)
      expect(result).toMatchObject({ error: "Timed-out acquiring lock." })
      expect(job.runs).toBe(0)
      expect(result.ms).toBeGreaterThanOrEqual(2_000)
      expect(await direct.get(`${PREFIX}medusa-lost-reply`)).toMatch(/^execute:/)

      // Without an owner it is refused at once, and the key stays taken all the same.
      const anonymous = await losingTheReply(RedisLockingProvider, "medusa-anonymous", (p) =>
        p.acquire("medusa-anonymous", { expire: 10 })
      )
      expect(anonymous).toMatchObject({
        error: 'Failed to acquire lock for key "medusa-anonymous"',
      })
      expect(await direct.get(`${PREFIX}medusa-anonymous`)).toBe("*")
    })
  })

  describe("several keys", () => {
    /** Runs a job under `keys` with the provider's execute; what it came to, or its error. */
    const run = (provider: RedisLockingProvider, keys: string[], timeout: number) =>
      provider.execute(keys, async () => "ran", { timeout }).catch((e: Error) => e.message)

    /** Another owner holds `key` until the returned function is called. */
    async function heldElsewhere(key: string): Promise<() => Promise<void>> {
      const ownerId = `other:${randomUUID()}`
      const other = providerOn(EngineRedisLockingProvider, client())
      await other.acquire(key, { ownerId, expire: 30 })
      return async () => {
        await other.release(key, { ownerId })
      }
    }

    it("are taken in one order: waiting for the first, a caller holds none of the later ones", async () => {
      const engine = providerOn(EngineRedisLockingProvider, client())
      const freeA = await heldElsewhere("order-a")
      // Named b, a: taken as a, b, so while a is held elsewhere this caller holds nothing.
      const waiting = run(engine, ["order-b", "order-a"], 10)
      expect(await within(300, waiting)).toBe("waiting")
      expect(await run(engine, ["order-b"], 1)).toBe("ran")
      await freeA()
      expect(await waiting).toBe("ran")
      expect(await direct.exists(`${PREFIX}order-a`, `${PREFIX}order-b`)).toBe(0)

      // Medusa's provider takes b at once and waits for a holding it: b's caller times out.
      const medusa = providerOn(RedisLockingProvider, client())
      const freeC = await heldElsewhere("medusa-order-c")
      const medusaWaiting = run(medusa, ["medusa-order-d", "medusa-order-c"], 10)
      expect(await within(300, medusaWaiting)).toBe("waiting")
      expect(await run(medusa, ["medusa-order-d"], 1)).toBe("Timed-out acquiring lock.")
      await freeC()
      expect(await medusaWaiting).toBe("ran")
    })

    it("taken before a wait is given up are handed back, not left for their lease", async () => {
      const engine = providerOn(EngineRedisLockingProvider, client())
      const freeF = await heldElsewhere("given-up-f")
      // e is taken, f is held elsewhere past the time-out. The given-up wait hands e back
      // when it next wakes (within its retry interval), not after the 60 s lease.
      expect(await run(engine, ["given-up-e", "given-up-f"], 1)).toBe("Timed-out acquiring lock.")
      expect(await run(engine, ["given-up-e"], 3)).toBe("ran")
      await freeF()

      // Medusa's provider leaves e locked for the rest of its lease.
      const medusa = providerOn(RedisLockingProvider, client())
      const freeH = await heldElsewhere("medusa-given-up-h")
      expect(await run(medusa, ["medusa-given-up-g", "medusa-given-up-h"], 1)).toBe(
        "Timed-out acquiring lock."
      )
      expect(await run(medusa, ["medusa-given-up-g"], 3)).toBe("Timed-out acquiring lock.")
      expect(await direct.get(`${PREFIX}medusa-given-up-g`)).toMatch(/^execute:/)
      await freeH()
    }, 15_000)

    it("two callers naming the same keys in opposite orders both run, whoever gets a key first", async () => {
      const engine = providerOn(EngineRedisLockingProvider, client())
      for (let round = 0; round < 5; round++) {
        const [x, y] = [`pair-${round}-x`, `pair-${round}-y`]
        const [freeX, freeY] = [await heldElsewhere(x), await heldElsewhere(y)]
        const first = run(engine, [x, y], 5)
        const second = run(engine, [y, x], 5)
        await Promise.all([freeY(), freeX()])
        expect(await Promise.all([first, second])).toEqual(["ran", "ran"])
      }
    })
  })
})
