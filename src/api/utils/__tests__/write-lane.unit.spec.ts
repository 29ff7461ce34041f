import http, { type IncomingHttpHeaders, type Server } from "node:http"
import net, { type AddressInfo } from "node:net"
import express, { type Request } from "express"
import { writeLaneSettings } from "../../../config/write-lane"
import { acceptLaneClient, CLIENT_HEADER, LANE_HEADER } from "../lane-client"
import { installLane, isLaneWrite } from "../write-lane"

/**
 * The write lane over real sockets: a front server with the lane installed in front of its
 * handler, and a writer whose first middleware is the platform's `acceptLaneClient`. Both
 * handlers are plain Express apps that say who answered and what they saw.
 */

type Reply = { status: number; headers: IncomingHttpHeaders; body: string }

function send(
  port: number,
  options: { method: string; path?: string; headers?: Record<string, string>; body?: string[] }
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        port,
        host: "127.0.0.1",
        method: options.method,
        path: options.path ?? "/cart",
        headers: options.headers,
        agent: false,
      },
      (response) => {
        let body = ""
        response.setEncoding("utf8")
        response.on("data", (chunk: string) => (body += chunk))
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body })
        )
      }
    )
    request.on("error", reject)
    for (const chunk of options.body ?? []) {
      request.write(chunk)
    }
    request.end()
  })
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port))
  )
}

function close(server: Server): Promise<void> {
  server.closeAllConnections()
  return new Promise((resolve) => server.close(() => resolve()))
}

/** What an app saw of a request. */
function describeRequest(served: string) {
  return (req: Request, res: express.Response) => {
    let body = ""
    req.setEncoding("utf8")
    req.on("data", (chunk: string) => (body += chunk))
    req.on("end", () => {
      res.status(req.method === "POST" ? 201 : 200)
      res.setHeader("Set-Cookie", ["a=1; HttpOnly", "b=2; HttpOnly"])
      res.json({
        served,
        method: req.method,
        url: req.url,
        body,
        ip: req.ip,
        ips: req.ips,
        protocol: req.protocol,
        secure: req.secure,
        hostname: req.hostname,
        laneHeaders: [req.headers[LANE_HEADER], req.headers[CLIENT_HEADER]].filter(Boolean),
        transferEncoding: req.headers["transfer-encoding"] ?? null,
      })
    })
  }
}

/** Requests the writer saw close before it answered (a client that went away). */
const closedUnanswered: string[] = []
/** Every request the writer received, as `METHOD url`. */
const seenByWriter: string[] = []

function writerApp(): express.Express {
  const app = express()
  app.use((req, _res, next) => {
    seenByWriter.push(`${req.method} ${req.url}`)
    next()
  })
  app.use(acceptLaneClient)
  app.post("/hang-up", (req) => req.socket.destroy())
  app.post("/silent", (req) => req.resume())
  app.post("/never", (req, res) => {
    req.resume()
    res.on("close", () => closedUnanswered.push(req.url))
  })
  app.use(describeRequest("writer"))
  return app
}

describe("write lane", () => {
  let writer: Server
  let writerPort: number
  let front: Server
  let frontPort: number

  async function startFront(lanePort: number): Promise<void> {
    const app = express()
    // The front trusts the local proxy in front of it, as TRUST_PROXY=loopback would.
    app.set("trust proxy", "loopback")
    app.use(describeRequest("front"))
    front = http.createServer(app)
    frontPort = await listen(front)
    installLane(front, {
      url: new URL(`http://127.0.0.1:${lanePort}`),
      secret: writeLaneSettings().secret,
      agent: new http.Agent({ keepAlive: true, timeout: 15_000 }),
      timeoutMs: 500,
      expressRequest: app.request,
    })
  }

  beforeEach(async () => {
    writer = http.createServer(writerApp())
    writerPort = await listen(writer)
    await startFront(writerPort)
  })

  afterEach(async () => {
    await close(front)
    if (writer.listening) {
      await close(writer)
    }
  })

  it("sends what changes something to the writer and answers the rest itself", async () => {
    expect([isLaneWrite("GET"), isLaneWrite("HEAD"), isLaneWrite("OPTIONS")]).toEqual([
      false,
      false,
      false,
    ])
    expect(["POST", "PUT", "PATCH", "DELETE"].map(isLaneWrite)).toEqual([true, true, true, true])

    const read = await send(frontPort, { method: "GET", path: "/products?limit=2" })
    expect(JSON.parse(read.body)).toMatchObject({ served: "front", url: "/products?limit=2" })

    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const write = await send(frontPort, { method, path: "/cart/item_1?x=1" })
      expect(JSON.parse(write.body)).toMatchObject({
        served: "writer",
        method,
        url: "/cart/item_1?x=1",
      })
    }
  })

  it("passes the body, status and headers through, and the writer sees the client the front saw", async () => {
    const body = JSON.stringify({ product_id: "prod_1", quantity: 2, note: "é" })
    const reply = await send(frontPort, {
      method: "POST",
      path: "/cart/add",
      headers: {
        "content-type": "application/json",
        "content-length": String(Buffer.byteLength(body)),
        host: "shop.example",
        "x-forwarded-for": "203.0.113.7",
        "x-forwarded-proto": "https",
      },
      body: [body],
    })
    expect(reply.status).toBe(201)
    expect(reply.headers["set-cookie"]).toEqual(["a=1; HttpOnly", "b=2; HttpOnly"])
    const seen = JSON.parse(reply.body)
    expect(seen).toMatchObject({
      served: "writer",
      body,
      ip: "203.0.113.7",
      ips: ["203.0.113.7"],
      protocol: "https",
      secure: true,
      hostname: "shop.example",
      laneHeaders: [],
    })
  })

  it("keeps the client view whatever scheme a trusted proxy names", async () => {
    const seen = JSON.parse(
      (
        await send(frontPort, {
          method: "POST",
          headers: { "x-forwarded-for": "203.0.113.9", "x-forwarded-proto": "HTTPS" },
        })
      ).body
    )
    expect(seen).toMatchObject({ served: "writer", ip: "203.0.113.9", protocol: "HTTPS" })
  })

  it("streams a chunked body", async () => {
    const reply = await send(frontPort, {
      method: "POST",
      headers: { "transfer-encoding": "chunked", "content-type": "text/plain" },
      body: ["first ", "second ", "third"],
    })
    expect(JSON.parse(reply.body)).toMatchObject({ served: "writer", body: "first second third" })
  })

  it("ignores lane headers from anyone without the secret", async () => {
    const forged = {
      [LANE_HEADER]: "0".repeat(64),
      [CLIENT_HEADER]: JSON.stringify({
        ip: "198.51.100.1",
        ips: [],
        protocol: "https",
        hostname: "evil",
      }),
    }
    // Straight to the writer: the socket's address and protocol, and the headers are gone.
    const direct = JSON.parse((await send(writerPort, { method: "POST", headers: forged })).body)
    expect(direct).toMatchObject({
      served: "writer",
      protocol: "http",
      secure: false,
      laneHeaders: [],
    })
    expect(direct.ip).toMatch(/127\.0\.0\.1$/)

    // Through the front: the front replaces them with its own view.
    const viaFront = JSON.parse((await send(frontPort, { method: "POST", headers: forged })).body)
    expect(viaFront).toMatchObject({ served: "writer", protocol: "http", laneHeaders: [] })
    expect(viaFront.ip).toMatch(/127\.0\.0\.1$/)
  })

  it("answers a write itself while no writer listens", async () => {
    await close(writer)
    const reply = await send(frontPort, { method: "POST", body: ["kept"] })
    expect(reply.status).toBe(201)
    expect(JSON.parse(reply.body)).toMatchObject({ served: "front", body: "kept" })
  })

  /** Sends raw bytes to the front and reads until it closes or answers once. */
  function sendRaw(text: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(frontPort, "127.0.0.1", () => socket.write(text))
      let answer = ""
      socket.setEncoding("utf8")
      socket.on("data", (chunk: string) => (answer += chunk))
      socket.on("end", () => resolve(answer))
      socket.on("error", reject)
    })
  }

  it("frames every forwarded body, so no body reaches the writer as a request of its own", async () => {
    const hidden = "POST /smuggled HTTP/1.1\r\nHost: writer\r\nContent-Length: 0\r\n\r\n"
    seenByWriter.length = 0
    // A DELETE with a chunked body: Node frames no DELETE body of its own accord.
    const chunked = await sendRaw(
      "DELETE /cart/item_1 HTTP/1.1\r\nHost: shop\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n" +
        `${Buffer.byteLength(hidden).toString(16)}\r\n${hidden}\r\n0\r\n\r\n`
    )
    expect(chunked).toMatch(/^HTTP\/1\.1 200/)
    expect(JSON.parse(chunked.slice(chunked.indexOf("{")))).toMatchObject({
      served: "writer",
      method: "DELETE",
      body: hidden,
    })
    // A Connection header that names the length does not remove it.
    const named = await sendRaw(
      "DELETE /cart/item_2 HTTP/1.1\r\nHost: shop\r\nConnection: close, content-length\r\n" +
        `Content-Length: ${Buffer.byteLength(hidden)}\r\n\r\n${hidden}`
    )
    expect(JSON.parse(named.slice(named.indexOf("{")))).toMatchObject({
      served: "writer",
      body: hidden,
    })
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(seenByWriter).toEqual(["DELETE /cart/item_1", "DELETE /cart/item_2"])
  })

  it("cancels the forwarded request when the client goes away", async () => {
    const request = http.request({
      port: frontPort,
      host: "127.0.0.1",
      method: "POST",
      path: "/never",
      headers: { "content-length": "100" },
      agent: false,
    })
    request.on("error", () => undefined)
    request.write("only part of the body")
    const deadline = Date.now() + 5_000
    // Wait until the writer has the request, then go away.
    await new Promise((resolve) => setTimeout(resolve, 200))
    request.destroy()
    while (!closedUnanswered.includes("/never") && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    expect(closedUnanswered).toContain("/never")
  })

  it("answers 502 in the shared error shape when the writer fails mid-request", async () => {
    const reply = await send(frontPort, { method: "POST", path: "/hang-up", body: ["x"] })
    expect(reply.status).toBe(502)
    expect(reply.headers["retry-after"]).toBe("1")
    expect(JSON.parse(reply.body)).toEqual({
      type: "unavailable",
      message: expect.any(String),
      request_id: expect.any(String),
    })
  })

  it("answers 504 when the writer stays silent, and the lane still works afterwards", async () => {
    const started = Date.now()
    const reply = await send(frontPort, { method: "POST", path: "/silent", body: ["x"] })
    expect(reply.status).toBe(504)
    expect(Date.now() - started).toBeGreaterThanOrEqual(450)
    expect(JSON.parse(reply.body)).toEqual({
      type: "unavailable",
      message: expect.stringContaining("may or may not have been completed"),
      request_id: expect.any(String),
    })
    const next = await send(frontPort, { method: "POST", path: "/after-silence", body: ["y"] })
    expect(next.status).toBe(201)
    expect(JSON.parse(next.body)).toMatchObject({ served: "writer", body: "y" })
  })
})
