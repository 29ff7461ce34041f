import net from "node:net"
import { findFreePort } from "../../scripts/lib/port"
import { startDev } from "./dev-process"

jest.setTimeout(60_000)

/** Runs the dev command expecting it to stop; returns its one error line. */
async function failingRun(settings: Record<string, string>): Promise<string> {
  const dev = startDev({ PORT: String(await findFreePort()), ...settings })
  const code = await dev.exited
  expect(code).toBe(1)
  const lines = dev.stderr().trim().split("\n")
  // One clear line, never a stack trace.
  expect(lines).toHaveLength(1)
  expect(dev.stderr()).not.toMatch(/^\s+at /m)
  return lines[0]
}

describe("npm run dev with bad configuration", () => {
  it("names an unreachable DATABASE_URL", async () => {
    const port = await findFreePort()
    const line = await failingRun({ DATABASE_URL: `postgres://postgres@localhost:${port}/shop` })
    expect(line).toBe(
      `[dev] error: cannot reach PostgreSQL at localhost:${port} (ECONNREFUSED): start it, fix DATABASE_URL, or unset DATABASE_URL to use the embedded database`
    )
  })

  it("rejects a DATABASE_URL that is not a postgres URL", async () => {
    const line = await failingRun({ DATABASE_URL: "mysql://localhost/shop" })
    expect(line).toBe('[dev] error: DATABASE_URL must start with postgres:// (got "mysql:")')
  })

  it("names a PORT already in use", async () => {
    const server = net.createServer()
    await new Promise<void>((resolve) => server.listen(0, "0.0.0.0", resolve))
    const port = (server.address() as net.AddressInfo).port
    try {
      const line = await failingRun({ PORT: String(port) })
      expect(line).toBe(
        `[dev] error: port ${port} is already in use: stop the process using it or set PORT to a free port`
      )
    } finally {
      server.close()
    }
  })

  it("names an unreachable REDIS_URL", async () => {
    const port = await findFreePort()
    const line = await failingRun({ REDIS_URL: `redis://127.0.0.1:${port}` })
    expect(line).toMatch(
      new RegExp(
        `^\\[dev\\] error: cannot reach Redis at 127\\.0\\.0\\.1:${port} \\(.+\\): start it, fix REDIS_URL, or unset REDIS_URL`
      )
    )
  })

  it("rejects a malformed REDIS_URL and an invalid EMBEDDED_PG_PORT", async () => {
    expect(await failingRun({ REDIS_URL: "localhost:6379" })).toBe(
      '[dev] error: REDIS_URL must start with redis:// or rediss:// (got "localhost:")'
    )
    expect(await failingRun({ EMBEDDED_PG_PORT: "seventy" })).toBe(
      '[dev] error: EMBEDDED_PG_PORT="seventy" is not a port number (1-65535)'
    )
  })
})
