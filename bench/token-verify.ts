/**
 * In-process cost of what every authenticated request pays on the engine's routes:
 * verifying the access token with Medusa's own function, then the revocation lookup
 * of the platform module (Redis when REDIS_URL is set, this process's memory otherwise).
 *
 *   REDIS_URL=redis://localhost:6379 npx ts-node bench/token-verify.ts
 */
import { createSecretKey } from "node:crypto"
import { performance } from "node:perf_hooks"
import { getAuthContextFromJwtToken } from "@medusajs/framework/http"
import type { ConfigModule } from "@medusajs/framework/types"
import { standalonePlatform } from "../src/modules/platform/__tests__/standalone"
import { signAccessToken } from "../src/utils/identity/tokens"

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 20_000)
const SECRET = "bench-secret"

async function main(): Promise<void> {
  const token = signAccessToken(
    {
      actor_id: "cus_bench",
      actor_type: "customer",
      auth_identity_id: "authid_bench",
      app_metadata: { customer_id: "cus_bench" },
      user_metadata: {},
      sid: "fam_bench",
    },
    { jwtSecret: SECRET } as ConfigModule["projectConfig"]["http"],
    900
  )
  const header = `Bearer ${token}`
  const platform = await standalonePlatform({ redisUrl: process.env.REDIS_URL || undefined })
  const redis = platform.redis()
  if (redis) {
    await platform.whenReady()
  }

  // What Medusa's own middleware passes (a string secret) and what the engine's routes
  // pass (the same secret as a KeyObject, see src/api/utils/auth.ts).
  const key = createSecretKey(Buffer.from(SECRET))
  const verifyWithString = () =>
    getAuthContextFromJwtToken(header, SECRET, ["bearer"], ["customer", "user"], undefined, {})
  const verify = () =>
    getAuthContextFromJwtToken(
      header,
      key as unknown as string,
      ["bearer"],
      ["customer", "user"],
      undefined,
      {}
    )

  for (let i = 0; i < 1000; i++) {
    await platform.isTokenRevoked(verify() ?? {})
  }

  let started = performance.now()
  for (let i = 0; i < ITERATIONS; i++) {
    verifyWithString()
  }
  const stringUs = ((performance.now() - started) * 1000) / ITERATIONS

  started = performance.now()
  for (let i = 0; i < ITERATIONS; i++) {
    verify()
  }
  const verifyUs = ((performance.now() - started) * 1000) / ITERATIONS

  started = performance.now()
  for (let i = 0; i < ITERATIONS; i++) {
    await platform.isTokenRevoked(verify() ?? {})
  }
  const totalUs = ((performance.now() - started) * 1000) / ITERATIONS

  const store = redis ? "Redis" : "memory"
  process.stdout.write(
    [
      `iterations: ${ITERATIONS}`,
      `JWT verification, string secret (Medusa's /store and /admin): ${stringUs.toFixed(1)} µs/request`,
      `JWT verification, KeyObject secret (engine routes): ${verifyUs.toFixed(1)} µs/request`,
      `verification + revocation lookup (${store}): ${totalUs.toFixed(1)} µs/request`,
      "",
    ].join("\n")
  )
  await platform.__hooks.onApplicationShutdown()
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`)
  process.exit(1)
})
