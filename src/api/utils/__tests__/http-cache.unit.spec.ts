import type { AddressInfo } from "node:net"
import { brotliDecompressSync, gunzipSync } from "node:zlib"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import express from "express"
import { rawGet } from "../../../../integration-tests/helpers/raw-http"
import { renderedAnswer } from "../../../utils/catalog/rendered-answer"
import { sendCatalogAnswer } from "../http-cache"

// Without Medusa's compression middleware: a compressed answer here is sendCatalogAnswer's.
describe("sendCatalogAnswer", () => {
  const large = renderedAnswer(JSON.stringify({ items: Array(200).fill({ name: "Desk Lamp" }) }))
  const small = renderedAnswer(JSON.stringify({ items: [] }))
  let server: ReturnType<express.Express["listen"]>

  beforeAll(async () => {
    const app = express()
    app.get("/:size", (req, res) => {
      sendCatalogAnswer(
        req as unknown as MedusaRequest,
        res as unknown as MedusaResponse,
        req.params.size === "large" ? large : small
      )
    })
    server = app.listen(0)
    await new Promise((resolve) => server.once("listening", resolve))
  })

  afterAll(() => new Promise((resolve) => server.close(resolve)))

  const get = (path: string, headers: Record<string, string>) => {
    const { port } = server.address() as AddressInfo
    return rawGet(`http://127.0.0.1:${port}`, path, headers)
  }

  it("sends an answer asked again compressed once per entry, as the client prefers", async () => {
    // The first ask is Medusa's compression middleware's (not in this app): as it is.
    const first = await get("/large", { "Accept-Encoding": "br" })
    expect(first.headers["content-encoding"]).toBeUndefined()
    const br = await get("/large", { "Accept-Encoding": "gzip, deflate, br" })
    expect(br.headers["content-encoding"]).toBe("br")
    expect(brotliDecompressSync(br.body).toString()).toBe(large.body)
    const again = await get("/large", { "Accept-Encoding": "br" })
    expect(again.body.equals(br.body)).toBe(true)

    const gzip = await get("/large", { "Accept-Encoding": "gzip;q=1, br;q=0.5" })
    expect(gzip.headers["content-encoding"]).toBe("gzip")
    expect(gunzipSync(gzip.body).toString()).toBe(large.body)
    expect(gzip.headers.vary).toMatch(/Accept-Encoding/)
    expect(gzip.headers.etag).toBe(large.etag)
  })

  it("sends small answers, clients without Accept-Encoding and 304s as they are", async () => {
    const tiny = await get("/small", { "Accept-Encoding": "gzip, br" })
    expect([tiny.headers["content-encoding"], tiny.body.toString()]).toEqual([
      undefined,
      small.body,
    ])
    const plain = await get("/large", {})
    expect([plain.headers["content-encoding"], plain.body.toString()]).toEqual([
      undefined,
      large.body,
    ])
    const refused = await get("/large", { "Accept-Encoding": "br", "x-no-compression": "1" })
    expect(refused.headers["content-encoding"]).toBeUndefined()
    const fresh = await get("/large", { "Accept-Encoding": "br", "If-None-Match": large.etag })
    expect([fresh.status, fresh.body.length]).toEqual([304, 0])
  })
})
