import { positiveIntFromEnv } from "../utils/env"
import type { LoginThrottleRule } from "../utils/identity/login-delay"
import { passwordHashingMaxWaiting } from "../utils/identity/password-hashing"
/**
 * Settings of the HTTP platform, read from the environment when first needed (after
 * medusa-config.ts has loaded .env files). README.md lists every variable.
 */
export type RateLimitRule = { points: number; durationSeconds: number }
export type { LoginThrottleRule }

export type PlatformSettings = {
  isProduction: boolean
  storeCors: string
  forceHttps: boolean
  /**
   * Express "trust proxy" value: which peers may set X-Forwarded-* headers. Default
   * `false` (none): the client address is the TCP peer unless a proxy is configured.
   */
  trustProxy: string | number | boolean
  jsonBodyLimit: string
  redisUrl?: string
  metricsToken?: string
  /** X-SQL-Statements on every response (benchmarks, statement-count tests). */
  countSqlStatements: boolean
  /**
   * How long an idle keep-alive connection stays open (ms). Longer than a load balancer's
   * idle timeout (AWS ALB: 60 s), so the balancer, not the server, closes idle connections
   * and never sends a request on one the server is closing.
   */
  keepAliveTimeoutMs: number
  /**
   * PASSWORD_HASHING_MAX_WAITING, read here so a bad value stops the start-up; the
   * hashing lane reads it again when it is made (utils/identity/password-hashing.ts).
   */
  passwordHashingMaxWaiting: number
  rateLimits: {
    enabled: boolean
    global: RateLimitRule
    auth: RateLimitRule
    authPerIp: RateLimitRule
    login: LoginThrottleRule
  }
}

const DEFAULT_STORE_CORS = "http://localhost:8000,http://localhost:3000"
/** No proxy is trusted unless TRUST_PROXY names it: a client cannot pick its own address. */
const DEFAULT_TRUST_PROXY = "false"

function rule(env: NodeJS.ProcessEnv, prefix: string, points: number, duration: number) {
  return {
    points: positiveIntFromEnv(env[`${prefix}_POINTS`], points, `${prefix}_POINTS`),
    durationSeconds: positiveIntFromEnv(env[`${prefix}_DURATION`], duration, `${prefix}_DURATION`),
  }
}

function loginRule(env: NodeJS.ProcessEnv): LoginThrottleRule {
  const read = (name: string, fallback: number) => positiveIntFromEnv(env[name], fallback, name)
  const baseDelaySeconds = read("LOGIN_DELAY_BASE_SECONDS", 1)
  return {
    freeFailures: read("LOGIN_FREE_FAILURES", 5),
    baseDelaySeconds,
    maxDelaySeconds: Math.max(baseDelaySeconds, read("LOGIN_DELAY_MAX_SECONDS", 300)),
    windowSeconds: read("LOGIN_FAILURE_WINDOW_SECONDS", 86_400),
  }
}

/** Parses TRUST_PROXY: a hop count, true/false, or a list of addresses/subnets. */
export function parseTrustProxy(value: string | undefined): string | number | boolean {
  const raw = (value ?? DEFAULT_TRUST_PROXY).trim()
  if (raw === "true" || raw === "false") {
    return raw === "true"
  }
  if (/^\d+$/.test(raw)) {
    return Number(raw)
  }
  return raw
}

export function readPlatformSettings(env: NodeJS.ProcessEnv = process.env): PlatformSettings {
  return {
    isProduction: env.NODE_ENV === "production",
    storeCors: env.STORE_CORS || DEFAULT_STORE_CORS,
    forceHttps: env.FORCE_HTTPS === "true",
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    jsonBodyLimit: env.JSON_BODY_LIMIT || "100kb",
    redisUrl: env.REDIS_URL || undefined,
    metricsToken: env.METRICS_TOKEN || undefined,
    countSqlStatements: env.SQL_STATEMENT_COUNTER === "true",
    keepAliveTimeoutMs: positiveIntFromEnv(
      env.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      65_000,
      "HTTP_KEEP_ALIVE_TIMEOUT_MS"
    ),
    passwordHashingMaxWaiting: passwordHashingMaxWaiting(env),
    rateLimits: {
      enabled: env.RATE_LIMIT_ENABLED !== "false",
      global: rule(env, "RATE_LIMIT_GLOBAL", 600, 60),
      auth: rule(env, "RATE_LIMIT_AUTH", 5, 60),
      authPerIp: rule(env, "RATE_LIMIT_AUTH_IP", 20, 60),
      login: loginRule(env),
    },
  }
}

let cached: PlatformSettings | undefined

export function platformSettings(): PlatformSettings {
  cached ??= readPlatformSettings()
  return cached
}
