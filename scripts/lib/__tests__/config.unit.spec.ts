import net from "node:net"
import { ConfigError, describeFailure } from "../config-error"
import { parseDatabaseUrl } from "../database"
import { assertPortFree, findFreePort, parsePort } from "../port"
import { assertRedisReachable } from "../redis"

describe("parsePort", () => {
  it("falls back when unset and accepts a valid port", () => {
    expect(parsePort(undefined, "PORT", 9000)).toBe(9000)
    expect(parsePort("", "PORT", 9000)).toBe(9000)
    expect(parsePort("8080", "PORT", 9000)).toBe(8080)
  })

  it.each(["abc", "0", "65536", "80.5", "-1"])("rejects %s naming the variable", (value) => {
    expect(() => parsePort(value, "PORT", 9000)).toThrow(
      new ConfigError(`PORT="${value}" is not a port number (1-65535)`)
    )
  })
})

describe("parseDatabaseUrl", () => {
  it("splits a URL and points the maintenance URL at the postgres database", () => {
    const target = parseDatabaseUrl("postgres://u:p@db.internal:6543/shop")
    expect(target).toEqual({
      url: "postgres://u:p@db.internal:6543/shop",
      name: "shop",
      maintenanceUrl: "postgres://u:p@db.internal:6543/postgres",
      address: "db.internal:6543",
    })
    expect(parseDatabaseUrl("postgresql://localhost/x").address).toBe("localhost:5432")
  })

  it.each([
    ["not a url", /not a valid URL/],
    ["mysql://localhost/shop", /must start with postgres:\/\//],
    ["postgres://localhost:5432", /names no database/],
  ])("rejects %s", (url, message) => {
    expect(() => parseDatabaseUrl(url)).toThrow(message)
  })
})

describe("ports", () => {
  it("finds a free port and reports one in use", async () => {
    const port = await findFreePort()
    await expect(assertPortFree(port, "PORT", "127.0.0.1")).resolves.toBeUndefined()

    const server = net.createServer().listen(port, "127.0.0.1")
    await new Promise((resolve) => server.once("listening", resolve))
    try {
      await expect(assertPortFree(port, "PORT", "127.0.0.1")).rejects.toThrow(
        `port ${port} is already in use: stop the process using it or set PORT to a free port`
      )
    } finally {
      server.close()
    }
  })
})

describe("assertRedisReachable", () => {
  it("rejects a malformed or non-redis URL", async () => {
    await expect(assertRedisReachable("nope")).rejects.toThrow(/REDIS_URL is not a valid URL/)
    await expect(assertRedisReachable("http://localhost:6379")).rejects.toThrow(
      /must start with redis:\/\//
    )
  })

  it("names the address of a Redis that does not answer", async () => {
    const port = await findFreePort()
    await expect(assertRedisReachable(`redis://127.0.0.1:${port}`)).rejects.toThrow(
      new RegExp(`cannot reach Redis at 127.0.0.1:${port}`)
    )
  })
})

describe("describeFailure", () => {
  it("prints a ConfigError as is and only the first line of anything else", () => {
    expect(describeFailure(new ConfigError("fix it"))).toBe("fix it")
    expect(describeFailure(new Error("boom\n    at x.ts:1"))).toBe("unexpected failure: boom")
    expect(describeFailure("plain")).toBe("unexpected failure: plain")
  })
})
