import { createServer } from "node:http"
import { readPlatformSettings } from "../../../config/platform"
import { applyKeepAlive } from "../keep-alive"

describe("applyKeepAlive", () => {
  it("keeps idle connections for the setting and lets the headers wait longer", () => {
    const server = createServer()
    applyKeepAlive(server, 65_000)
    expect(server.keepAliveTimeout).toBe(65_000)
    expect(server.headersTimeout).toBeGreaterThan(65_000)
  })

  it("reads HTTP_KEEP_ALIVE_TIMEOUT_MS, 65 s by default (an ALB's idle timeout is 60 s)", () => {
    expect(readPlatformSettings({}).keepAliveTimeoutMs).toBe(65_000)
    expect(readPlatformSettings({ HTTP_KEEP_ALIVE_TIMEOUT_MS: "120000" }).keepAliveTimeoutMs).toBe(
      120_000
    )
    expect(() => readPlatformSettings({ HTTP_KEEP_ALIVE_TIMEOUT_MS: "soon" })).toThrow()
  })
})
