import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import WebSocket from "ws"
import {
  addAndCheckout,
  createShop,
  openSdkStream,
  openSocket,
  startServerInstance,
  statusesOf,
  tokenOf,
  useTestRedis,
  waitFor,
  type AdminSession,
  type CatalogProduct,
  type LiveClient,
  type ServerInstance,
  type Shopper,
} from "../helpers"

// Read once per process, before the app boots: live fan-out through Redis pub/sub, and
// a small connection limit to test.
const redisUrl = useTestRedis()
process.env.LIVE_MAX_CONNECTIONS_PER_USER = "3"

jest.setTimeout(240_000)

const anyStatus = { validateStatus: () => true }
/** The bound: a change reaches a connected client within a second. */
const WITHIN_MS = 1000

type Placed = { order: { id: string }; payment: { id: string } }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    let admin: AdminSession
    let product: CatalogProduct
    let alice: Shopper
    let bob: Shopper
    let baseUrl: string
    const open: LiveClient[] = []

    beforeEach(async () => {
      ;({ admin, product, alice, bob } = await createShop(getContainer(), api, {
        name: "Lamp",
        price: "19.99",
        stock_quantity: 50,
      }))
      baseUrl = String(api.defaults.baseURL)
    })

    afterEach(() => {
      for (const client of open.splice(0)) {
        client.close()
      }
    })

    async function place(shopper: Shopper): Promise<Placed> {
      const response = await addAndCheckout(api, shopper, product.id)
      expect(response.status).toBe(201)
      return response.data as Placed
    }

    async function move(orderId: string, status: string): Promise<void> {
      const moved = await api.put(
        `/orders/${orderId}/status`,
        { status },
        { headers: admin.headers, ...anyStatus }
      )
      expect(moved.status).toBe(200)
    }

    async function sse(
      path: string,
      shopper: { headers: { authorization: string } },
      headers = {}
    ) {
      const client = await openSdkStream(baseUrl, path, tokenOf(shopper.headers), headers)
      open.push(client)
      return client
    }

    async function socket(path: string, shopper: { headers: { authorization: string } }) {
      const client = await openSocket(baseUrl, path, tokenOf(shopper.headers))
      open.push(client)
      return client
    }

    describe("Server-Sent Events", () => {
      it("answers 401 without a token and 404 for another customer's order", async () => {
        const placed = await place(bob)
        await expect(openSdkStream(baseUrl, "/orders/events", undefined)).rejects.toMatchObject({
          status: 401,
        })
        const anonymous = await api.get("/orders/events", anyStatus)
        expect(anonymous.status).toBe(401)
        expect(anonymous.data.type).toBe("unauthorized")
        const foreign = await api.get(`/orders/${placed.order.id}/events`, {
          headers: alice.headers,
          ...anyStatus,
        })
        expect(foreign.status).toBe(404)
        const foreignFilter = await api.get(`/orders/events?order_id=${placed.order.id}`, {
          headers: alice.headers,
          ...anyStatus,
        })
        expect(foreignFilter.status).toBe(404)
        const badId = await api.get("/orders/events?last_event_id=abc", {
          headers: alice.headers,
          ...anyStatus,
        })
        expect(badId.status).toBe(400)
      })

      it("streams with headers that keep proxies from buffering or compressing", async () => {
        const controller = new AbortController()
        const response = await fetch(`${baseUrl}/orders/events`, {
          headers: { ...alice.headers, accept: "text/event-stream", "accept-encoding": "gzip" },
          signal: controller.signal,
        })
        try {
          expect(response.status).toBe(200)
          expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8")
          expect(response.headers.get("cache-control")).toBe("no-cache, no-transform")
          expect(response.headers.get("x-accel-buffering")).toBe("no")
          expect(response.headers.get("content-encoding")).toBeNull()
        } finally {
          controller.abort()
        }
      })

      it("pushes a customer's own status changes within a second, in order, and no one else's", async () => {
        const mine = await place(alice)
        const theirs = await place(bob)
        const stream = await sse("/orders/events", alice)
        const oneOrder = await sse(`/orders/${mine.order.id}/events`, alice)

        for (const status of ["paid", "processing", "shipped"]) {
          await move(theirs.order.id, status)
          await move(mine.order.id, status)
          await stream.inbox.until(
            (events) => statusesOf(events, mine.order.id).includes(status),
            WITHIN_MS,
            `${status} on /orders/events`
          )
          await oneOrder.inbox.until(
            (events) => statusesOf(events, mine.order.id).includes(status),
            WITHIN_MS,
            `${status} on /orders/{id}/events`
          )
        }

        for (const client of [stream, oneOrder]) {
          expect(statusesOf(client.inbox.events, mine.order.id)).toEqual([
            "paid",
            "processing",
            "shipped",
          ])
          expect(client.inbox.events.every((event) => event.data.order_id === mine.order.id)).toBe(
            true
          )
          const ids = client.inbox.events.map((event) => Number(event.id))
          expect([...ids].sort((a, b) => a - b)).toEqual(ids)
          expect(new Set(ids).size).toBe(ids.length)
        }
        expect(stream.inbox.events[0].data).toMatchObject({
          order_id: mine.order.id,
          user_id: alice.id,
          from: "pending",
          to: "paid",
          actor_type: "admin",
        })
      })

      it("pushes payment outcomes as they are recorded", async () => {
        const mine = await place(alice)
        const stream = await sse("/orders/events", alice)
        const confirmed = await api.post(
          "/payments/confirm",
          { payment_id: mine.payment.id },
          { headers: alice.headers, ...anyStatus }
        )
        expect(confirmed.status).toBe(200)
        const events = await stream.inbox.until(
          (received) =>
            received.some((event) => event.event === "order.payment_updated") &&
            statusesOf(received, mine.order.id).includes("paid"),
          WITHIN_MS,
          "payment and paid"
        )
        const payment = events.find((event) => event.event === "order.payment_updated")
        expect(payment?.id).toBeUndefined()
        expect(payment?.data).toMatchObject({
          order_id: mine.order.id,
          payment_id: mine.payment.id,
          status: "succeeded",
        })
      })

      it("replays what a reconnecting client missed after its Last-Event-ID", async () => {
        const mine = await place(alice)
        const first = await sse("/orders/events", alice)
        await move(mine.order.id, "paid")
        const [paid] = await first.inbox.until((events) => events.length === 1, WITHIN_MS)
        first.close()

        // Missed while disconnected.
        await move(mine.order.id, "processing")
        await move(mine.order.id, "shipped")

        const resumed = await sse("/orders/events", alice, { "last-event-id": String(paid.id) })
        await resumed.inbox.until((events) => events.length === 2, WITHIN_MS, "the replay")
        await move(mine.order.id, "delivered")
        await resumed.inbox.until((events) => events.length === 3, WITHIN_MS, "live after replay")
        expect(statusesOf(resumed.inbox.events, mine.order.id)).toEqual([
          "processing",
          "shipped",
          "delivered",
        ])
        expect(Number(resumed.inbox.events[0].id)).toBeGreaterThan(Number(paid.id))

        // The same resume through the query (EventSource polyfills, WebSockets).
        const byQuery = await sse(`/orders/${mine.order.id}/events?last_event_id=${paid.id}`, alice)
        await byQuery.inbox.until((events) => events.length === 3, WITHIN_MS, "query replay")
        expect(statusesOf(byQuery.inbox.events, mine.order.id)).toEqual([
          "processing",
          "shipped",
          "delivered",
        ])
      })

      it("shows admins every order, filtered by status or customer", async () => {
        const mine = await place(alice)
        const theirs = await place(bob)
        const all = await sse("/orders/events", admin)
        const shipped = await sse("/orders/events?status=processing", admin)
        const bobs = await sse(`/orders/events?user_id=${bob.id}`, admin)
        await move(mine.order.id, "paid")
        await move(theirs.order.id, "paid")
        await move(theirs.order.id, "processing")
        await all.inbox.until((events) => events.length === 3, WITHIN_MS, "all orders")
        await shipped.inbox.until((events) => events.length === 1, WITHIN_MS, "processing only")
        await bobs.inbox.until((events) => events.length === 2, WITHIN_MS, "bob's orders")
        expect(statusesOf(all.inbox.events, mine.order.id)).toEqual(["paid"])
        expect(statusesOf(all.inbox.events, theirs.order.id)).toEqual(["paid", "processing"])
        expect(shipped.inbox.events[0].data).toMatchObject({
          order_id: theirs.order.id,
          to: "processing",
        })
        expect(bobs.inbox.events.every((event) => event.data.order_id === theirs.order.id)).toBe(
          true
        )
      })

      it("limits the streams one user holds open and frees a slot on disconnect", async () => {
        const streams = [
          await sse("/orders/events", alice),
          await sse("/orders/events", alice),
          await socket("/orders/events", alice),
        ]
        const refused = await api.get("/orders/events", { headers: alice.headers, ...anyStatus })
        expect(refused.status).toBe(429)
        expect(refused.headers["retry-after"]).toBe("5")
        // Another user is not affected.
        await sse("/orders/events", bob)

        streams[0].close()
        await waitFor(async () => {
          try {
            const again = await openSdkStream(baseUrl, "/orders/events", tokenOf(alice.headers))
            open.push(again)
            return true
          } catch {
            return false
          }
        }, 5000)
      })
    })

    describe("WebSocket", () => {
      it("refuses an upgrade without a valid token (401) or for another customer's order (404)", async () => {
        const placed = await place(bob)
        // The first request of a fresh server attaches the upgrade handling.
        await api.get("/products")
        await expect(openSocket(baseUrl, "/orders/events", undefined)).rejects.toMatchObject({
          status: 401,
        })
        await expect(openSocket(baseUrl, "/orders/events", "not-a-token")).rejects.toMatchObject({
          status: 401,
        })
        await expect(
          openSocket(baseUrl, `/orders/${placed.order.id}/events`, tokenOf(alice.headers))
        ).rejects.toMatchObject({ status: 404 })
        await expect(
          openSocket(baseUrl, "/orders/events?bogus=1", tokenOf(alice.headers))
        ).rejects.toMatchObject({ status: 400 })
      })

      it("pushes the customer's own changes within a second, in order, and resumes", async () => {
        const mine = await place(alice)
        const theirs = await place(bob)
        const live = await socket("/orders/events", alice)
        // The Authorization header works too (server-side clients).
        const byHeader = await openSocket(baseUrl, `/orders/${mine.order.id}/events`, undefined, {
          authorization: alice.headers.authorization,
        })
        open.push(byHeader)

        for (const status of ["paid", "processing"]) {
          await move(theirs.order.id, status)
          await move(mine.order.id, status)
          await live.inbox.until(
            (events) => statusesOf(events, mine.order.id).includes(status),
            WITHIN_MS,
            `${status} over the socket`
          )
        }
        await byHeader.inbox.until((events) => events.length === 2, WITHIN_MS)
        expect(statusesOf(live.inbox.events, mine.order.id)).toEqual(["paid", "processing"])
        expect(live.inbox.events.every((event) => event.data.order_id === mine.order.id)).toBe(true)
        expect(live.socket.protocol).toBe("bearer")

        const lastSeen = live.inbox.events[0].id
        live.close()
        await move(mine.order.id, "shipped")
        const resumed = await socket(`/orders/events?last_event_id=${lastSeen}`, alice)
        await resumed.inbox.until((events) => events.length === 2, WITHIN_MS, "socket replay")
        expect(statusesOf(resumed.inbox.events, mine.order.id)).toEqual(["processing", "shipped"])
      })
    })

    describe("across server processes", () => {
      let server: ServerInstance | undefined

      afterEach(async () => {
        await server?.stop()
        server = undefined
      })

      /** A second app on the same database and Redis (helpers/server-instance.ts). */
      async function startOtherInstance(env: Record<string, string> = {}): Promise<string> {
        server = await startServerInstance(dbConfig.clientUrl, redisUrl, env)
        return server.url
      }

      // Heartbeats every 300 ms on an instance of their own: on this app they would also
      // catch up from the database often enough to hide a broken pub/sub in the test above.
      it("keeps idle streams alive with heartbeats and drops a WebSocket peer that stops answering", async () => {
        const otherUrl = await startOtherInstance({ LIVE_HEARTBEAT_MS: "300" })
        const token = tokenOf(alice.headers)

        // SSE: comment lines, which EventSource and fetchStream skip.
        const controller = new AbortController()
        const giveUp = setTimeout(() => controller.abort(), 10_000)
        let text = ""
        try {
          const response = await fetch(`${otherUrl}/orders/events`, {
            headers: { ...alice.headers, accept: "text/event-stream" },
            signal: controller.signal,
          })
          expect(response.status).toBe(200)
          const reader = response.body!.getReader()
          const decoder = new TextDecoder()
          while ((text.match(/^: heartbeat \S+$/gm) ?? []).length < 2) {
            const { value, done } = await reader.read()
            if (done) {
              throw new Error(`the stream ended after: ${text}`)
            }
            text += decoder.decode(value, { stream: true })
          }
        } finally {
          clearTimeout(giveUp)
          controller.abort()
        }
        expect(text).not.toMatch(/^(id|event|data):/m)

        // WebSocket: pings; a client that answers them (ws answers by itself) stays open.
        const live = await openSocket(otherUrl, "/orders/events", token)
        open.push(live)
        let pings = 0
        live.socket.on("ping", () => pings++)
        await waitFor(() => pings >= 3, 10_000)
        expect(live.socket.readyState).toBe(WebSocket.OPEN)

        // One that does not answer is gone at the next heartbeat, its slot freed.
        const silent = new WebSocket(
          `${otherUrl.replace(/^http/, "ws")}/orders/events`,
          ["bearer", token],
          { autoPong: false }
        )
        try {
          let silentPings = 0
          silent.on("ping", () => silentPings++)
          await new Promise<void>((resolve, reject) => {
            silent.once("open", () => resolve())
            silent.once("error", reject)
          })
          await waitFor(() => silent.readyState === WebSocket.CLOSED, 10_000)
          expect(silentPings).toBeGreaterThanOrEqual(1)
        } finally {
          silent.terminate()
        }
        expect(live.socket.readyState).toBe(WebSocket.OPEN)
      })

      it("delivers changes recorded by another instance, over SSE and WebSocket", async () => {
        const otherUrl = await startOtherInstance()
        const mine = await place(alice)
        const theirs = await place(bob)
        const stream = await openSdkStream(otherUrl, "/orders/events", tokenOf(alice.headers))
        open.push(stream)
        const live = await openSocket(otherUrl, "/orders/events", tokenOf(alice.headers))
        open.push(live)

        for (const status of ["paid", "processing"]) {
          await move(theirs.order.id, status)
          await move(mine.order.id, status)
          for (const client of [stream, live]) {
            await client.inbox.until(
              (events) => statusesOf(events, mine.order.id).includes(status),
              WITHIN_MS,
              `${status} through the other instance`
            )
          }
        }
        for (const client of [stream, live]) {
          expect(statusesOf(client.inbox.events, mine.order.id)).toEqual(["paid", "processing"])
          expect(client.inbox.events.every((event) => event.data.order_id === mine.order.id)).toBe(
            true
          )
        }
      })
    })
  },
})
