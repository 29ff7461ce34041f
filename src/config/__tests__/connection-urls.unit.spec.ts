import { applyConnectionUrls, connectionUrlsFrom } from "../connection-urls"

describe("connectionUrlsFrom", () => {
  it("keeps URLs that are set, whatever the parts say", () => {
    expect(
      connectionUrlsFrom({
        DATABASE_URL: "postgres://a@db/x",
        DATABASE_HOST: "other",
        REDIS_URL: "redis://r:6379",
        REDIS_HOST: "other",
      })
    ).toEqual({ databaseUrl: "postgres://a@db/x", redisUrl: "redis://r:6379" })
  })

  it("builds them from the parts ECS injects, escaping the secrets", () => {
    expect(
      connectionUrlsFrom({
        DATABASE_HOST: "db.rds.example",
        DATABASE_PORT: "5433",
        DATABASE_USER: "engine",
        DATABASE_PASSWORD: "p@ss/w:rd",
        REDIS_HOST: "cache.example",
        REDIS_AUTH_TOKEN: "t@ken",
      })
    ).toEqual({
      databaseUrl: "postgres://engine:p%40ss%2Fw%3Ard@db.rds.example:5433/medusa?sslmode=no-verify",
      redisUrl: "rediss://:t%40ken@cache.example:6379",
    })
  })

  it("honours the TLS settings and leaves both unset without parts", () => {
    expect(
      connectionUrlsFrom({
        DATABASE_HOST: "db",
        DATABASE_SSLMODE: "verify-full",
        DATABASE_NAME: "shop",
        REDIS_HOST: "cache",
        REDIS_TLS: "false",
      })
    ).toEqual({
      databaseUrl: "postgres://postgres@db:5432/shop?sslmode=verify-full",
      redisUrl: "redis://cache:6379",
    })
    expect(connectionUrlsFrom({})).toEqual({ databaseUrl: undefined, redisUrl: undefined })
  })
})

describe("applyConnectionUrls", () => {
  it("writes the built URLs into the environment", () => {
    const env: NodeJS.ProcessEnv = { DATABASE_HOST: "db", REDIS_HOST: "cache" }
    applyConnectionUrls(env)
    expect(env.DATABASE_URL).toBe("postgres://postgres@db:5432/medusa?sslmode=no-verify")
    expect(env.REDIS_URL).toBe("rediss://cache:6379")
  })
})
