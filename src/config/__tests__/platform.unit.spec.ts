import { parseTrustProxy, readPlatformSettings } from "../platform"

describe("readPlatformSettings", () => {
  it("has safe defaults", () => {
    expect(readPlatformSettings({})).toEqual({
      isProduction: false,
      storeCors: "http://localhost:8000,http://localhost:3000",
      forceHttps: false,
      trustProxy: false,
      jsonBodyLimit: "100kb",
      redisUrl: undefined,
      metricsToken: undefined,
      countSqlStatements: false,
      keepAliveTimeoutMs: 65_000,
      passwordHashingMaxWaiting: 100,
      rateLimits: {
        enabled: true,
        global: { points: 600, durationSeconds: 60 },
        auth: { points: 5, durationSeconds: 60 },
        authPerIp: { points: 20, durationSeconds: 60 },
        login: { freeFailures: 5, baseDelaySeconds: 1, maxDelaySeconds: 300, windowSeconds: 86400 },
      },
    })
  })

  it("reads every variable", () => {
    const settings = readPlatformSettings({
      NODE_ENV: "production",
      STORE_CORS: "https://shop.example",
      FORCE_HTTPS: "true",
      TRUST_PROXY: "2",
      JSON_BODY_LIMIT: "1mb",
      REDIS_URL: "redis://cache:6379",
      METRICS_TOKEN: "t",
      SQL_STATEMENT_COUNTER: "true",
      RATE_LIMIT_ENABLED: "false",
      RATE_LIMIT_GLOBAL_POINTS: "1000",
      RATE_LIMIT_GLOBAL_DURATION: "30",
      RATE_LIMIT_AUTH_POINTS: "3",
      RATE_LIMIT_AUTH_DURATION: "300",
      RATE_LIMIT_AUTH_IP_POINTS: "10",
      RATE_LIMIT_AUTH_IP_DURATION: "120",
      LOGIN_FREE_FAILURES: "3",
      LOGIN_DELAY_BASE_SECONDS: "2",
      LOGIN_DELAY_MAX_SECONDS: "60",
      LOGIN_FAILURE_WINDOW_SECONDS: "3600",
      HTTP_KEEP_ALIVE_TIMEOUT_MS: "75000",
      PASSWORD_HASHING_MAX_WAITING: "40",
    })
    expect(settings).toEqual({
      isProduction: true,
      storeCors: "https://shop.example",
      forceHttps: true,
      trustProxy: 2,
      jsonBodyLimit: "1mb",
      redisUrl: "redis://cache:6379",
      metricsToken: "t",
      countSqlStatements: true,
      keepAliveTimeoutMs: 75_000,
      passwordHashingMaxWaiting: 40,
      rateLimits: {
        enabled: false,
        global: { points: 1000, durationSeconds: 30 },
        auth: { points: 3, durationSeconds: 300 },
        authPerIp: { points: 10, durationSeconds: 120 },
        login: { freeFailures: 3, baseDelaySeconds: 2, maxDelaySeconds: 60, windowSeconds: 3600 },
      },
    })
  })

  it("trusts no proxy unless TRUST_PROXY names one", () => {
    expect(readPlatformSettings({}).trustProxy).toBe(false)
    expect(readPlatformSettings({ TRUST_PROXY: "loopback" }).trustProxy).toBe("loopback")
  })

  it("refuses a bad PASSWORD_HASHING_MAX_WAITING at start-up, not at the first login", () => {
    expect(() => readPlatformSettings({ PASSWORD_HASHING_MAX_WAITING: "none" })).toThrow(
      /PASSWORD_HASHING_MAX_WAITING must be a positive integer/
    )
  })

  it.each(["0", "-1", "1.5", "ten"])("refuses a rate limit of %s", (value) => {
    expect(() => readPlatformSettings({ RATE_LIMIT_AUTH_POINTS: value })).toThrow(
      /RATE_LIMIT_AUTH_POINTS must be a positive integer/
    )
  })

  it.each([
    ["true", true],
    ["false", false],
    ["1", 1],
    ["10.0.0.0/8, 127.0.0.1", "10.0.0.0/8, 127.0.0.1"],
  ])("parses TRUST_PROXY=%s", (value, expected) => {
    expect(parseTrustProxy(value)).toEqual(expected)
  })
})
