import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible"
import type Redis from "ioredis"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { isContractPath, routingPath } from "./contract"
import { PLATFORM_MODULE } from "../../modules/platform"
import type PlatformModuleService from "../../modules/platform/service"
import { sendError } from "./respond"
import { platformSettings, type RateLimitRule } from "../../config/platform"

export type LimiterName = "global" | "auth" | "auth-ip"

/**
 * A limiter shared by every instance through Redis when there is one, with an in-memory
 * limiter as insurance: while Redis is unreachable each instance limits on its own
 * rather than failing requests or letting everything through.
 */
export function createLimiter(
  name: LimiterName,
  rule: RateLimitRule,
  redis: Redis | undefined
): RateLimiterAbstract {
  const options = { keyPrefix: `rl:${name}`, points: rule.points, duration: rule.durationSeconds }
  const memory = new RateLimiterMemory(options)
  if (!redis) {
    return memory
  }
  return new RateLimiterRedis({
    ...options,
    storeClient: redis,
    insuranceLimiter: memory,
    rejectIfRedisNotReady: true,
  })
}

function setLimitHeaders(res: MedusaResponse, limit: number, result: RateLimiterRes): number {
  const resetSeconds = Math.max(1, Math.ceil(result.msBeforeNext / 1000))
  res.setHeader("RateLimit-Limit", String(limit))
  res.setHeader("RateLimit-Remaining", String(Math.max(0, result.remainingPoints)))
  res.setHeader("RateLimit-Reset", String(resetSeconds))
  return resetSeconds
}

/** Consumes one point; false (and a 429 sent) when the key is over its limit. */
async function consume(
  limiter: RateLimiterAbstract,
  key: string,
  res: MedusaResponse
): Promise<boolean> {
  try {
    setLimitHeaders(res, limiter.points, await limiter.consume(key))
    return true
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) {
      throw rejection
    }
    const retryAfter = setLimitHeaders(res, limiter.points, rejection)
    sendError(
      res,
      429,
      { type: "too_many_requests", message: `Too many requests; retry in ${retryAfter} s` },
      { "Retry-After": String(retryAfter) }
    )
    return false
  }
}

function clientIp(req: MedusaRequest): string {
  return req.ip ?? req.socket.remoteAddress ?? "unknown"
}

/** The account an auth request is about, from its (not yet validated) body. */
export function accountOf(body: unknown): string {
  if (typeof body !== "object" || body === null) {
    return "-"
  }
  const { email, username } = body as Record<string, unknown>
  const account = typeof email === "string" ? email : typeof username === "string" ? username : ""
  return account.trim().toLowerCase().slice(0, 254) || "-"
}

type Limiters = Record<LimiterName, RateLimiterAbstract>

/** Limiters per platform module: they use its Redis connection, which lives as long as the app. */
const limitersByPlatform = new WeakMap<PlatformModuleService, Limiters>()

function platformLimiters(req: MedusaRequest): Limiters {
  const platform = req.scope.resolve<PlatformModuleService>(PLATFORM_MODULE)
  let limiters = limitersByPlatform.get(platform)
  if (!limiters) {
    const { rateLimits } = platformSettings()
    const redis = platform.redis()
    limiters = {
      global: createLimiter("global", rateLimits.global, redis),
      auth: createLimiter("auth", rateLimits.auth, redis),
      "auth-ip": createLimiter("auth-ip", rateLimits.authPerIp, redis),
    }
    limitersByPlatform.set(platform, limiters)
  }
  return limiters
}

/**
 * Paths the global per-IP limit covers: the contract and Medusa's public APIs. Express
 * routes paths case-insensitively, so `/PRODUCTS` is `/products` here too.
 */
export function isGloballyLimited(path: string): boolean {
  const routed = routingPath(path)
  return isContractPath(routed) || routed.startsWith("/store/") || routed.startsWith("/auth/")
}

export async function globalRateLimit(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
): Promise<void> {
  if (!platformSettings().rateLimits.enabled || !isGloballyLimited(req.path)) {
    return next()
  }
  if (await consume(platformLimiters(req).global, clientIp(req), res)) {
    next()
  }
}

/**
 * Sign-in (the engine's and Medusa's): per IP only; the account's failures are counted by
 * the login throttle (login-throttle.ts), so successful sign-ins use up nothing.
 */
export async function authIpRateLimit(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
): Promise<void> {
  if (!platformSettings().rateLimits.enabled) {
    return next()
  }
  if (await consume(platformLimiters(req)["auth-ip"], clientIp(req), res)) {
    next()
  }
}

/**
 * Registration, password-reset requests and resets: per IP, and per IP and account
 * together (every request counts: each one sends an email or changes an account).
 */
export async function authRateLimit(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
): Promise<void> {
  if (!platformSettings().rateLimits.enabled) {
    return next()
  }
  const ip = clientIp(req)
  const { auth, "auth-ip": authIp } = platformLimiters(req)
  if (
    (await consume(authIp, ip, res)) &&
    (await consume(auth, `${ip}:${accountOf(req.body)}`, res))
  ) {
    next()
  }
}
