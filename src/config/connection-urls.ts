/**
 * DATABASE_URL and REDIS_URL from their parts, for platforms that hand out credentials as
 * separate values (AWS ECS injects the RDS secret's host, port, username and password one
 * variable each, and the ElastiCache endpoint and auth token likewise; infra/ and
 * docs/DEPLOY-AWS.md). A URL that is set wins; parts are only read when it is not.
 *
 * - DATABASE_HOST, DATABASE_PORT (5432), DATABASE_USER, DATABASE_PASSWORD,
 *   DATABASE_NAME (medusa), DATABASE_SSLMODE (no-verify when unset: RDS requires TLS, and
 *   its certificate authority is not in Node's store; set verify-full with
 *   NODE_EXTRA_CA_CERTS pointing at Amazon's bundle to check the server too).
 * - REDIS_HOST, REDIS_PORT (6379), REDIS_AUTH_TOKEN, REDIS_TLS (true: rediss://).
 */
export function connectionUrlsFrom(env: NodeJS.ProcessEnv): {
  databaseUrl?: string
  redisUrl?: string
} {
  return {
    databaseUrl: env.DATABASE_URL || databaseUrlFromParts(env),
    redisUrl: env.REDIS_URL || redisUrlFromParts(env),
  }
}

function databaseUrlFromParts(env: NodeJS.ProcessEnv): string | undefined {
  if (!env.DATABASE_HOST) {
    return undefined
  }
  const user = encodeURIComponent(env.DATABASE_USER || "postgres")
  const password = env.DATABASE_PASSWORD ? `:${encodeURIComponent(env.DATABASE_PASSWORD)}` : ""
  const name = encodeURIComponent(env.DATABASE_NAME || "medusa")
  const sslmode = encodeURIComponent(env.DATABASE_SSLMODE || "no-verify")
  return `postgres://${user}${password}@${env.DATABASE_HOST}:${env.DATABASE_PORT || 5432}/${name}?sslmode=${sslmode}`
}

function redisUrlFromParts(env: NodeJS.ProcessEnv): string | undefined {
  if (!env.REDIS_HOST) {
    return undefined
  }
  const scheme = env.REDIS_TLS === "false" ? "redis" : "rediss"
  const auth = env.REDIS_AUTH_TOKEN ? `:${encodeURIComponent(env.REDIS_AUTH_TOKEN)}@` : ""
  return `${scheme}://${auth}${env.REDIS_HOST}:${env.REDIS_PORT || 6379}`
}

/** Sets DATABASE_URL and REDIS_URL from their parts when they are unset (see above). */
export function applyConnectionUrls(env: NodeJS.ProcessEnv): void {
  const { databaseUrl, redisUrl } = connectionUrlsFrom(env)
  if (databaseUrl) {
    env.DATABASE_URL = databaseUrl
  }
  if (redisUrl) {
    env.REDIS_URL = redisUrl
  }
}
