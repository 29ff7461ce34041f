import Medusa from "@medusajs/js-sdk"
import WebSocket from "ws"

/** One event received from a live order stream (SSE or WebSocket). */
export type LiveReceived = {
  id?: string
  event: string
  data: Record<string, unknown> & { order_id?: string; to?: string; status?: string }
}

/**
 * The events a test client received, with a wait that resolves as soon as they satisfy a
 * condition and fails after a time-out (never a fixed sleep).
 */
export class LiveInbox {
  readonly events: LiveReceived[] = []
  private failure: Error | undefined
  private readonly waiters = new Set<() => void>()

  push(event: LiveReceived): void {
    this.events.push(event)
    this.wake()
  }

  fail(error: Error): void {
    this.failure = error
    this.wake()
  }

  /** Resolves with the events once `check(events)` holds; rejects after `timeoutMs`. */
  async until(
    check: (events: LiveReceived[]) => boolean,
    timeoutMs: number,
    what = "live events"
  ): Promise<LiveReceived[]> {
    let waiter: (() => void) | undefined
    let timer: NodeJS.Timeout | undefined
    try {
      await new Promise<void>((resolve, reject) => {
        waiter = () => {
          if (check(this.events)) {
            resolve()
          } else if (this.failure) {
            reject(this.failure)
          }
        }
        this.waiters.add(waiter)
        timer = setTimeout(
          () =>
            reject(
              new Error(
                `${what} not received within ${timeoutMs} ms; got ${JSON.stringify(this.events)}`
              )
            ),
          timeoutMs
        )
        waiter()
      })
    } finally {
      clearTimeout(timer)
      if (waiter) {
        this.waiters.delete(waiter)
      }
    }
    return this.events
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) {
      waiter()
    }
  }
}

/** The status events of one order, in the order received. */
export function statusesOf(events: LiveReceived[], orderId: string): string[] {
  return events
    .filter((event) => event.event === "order.status_changed" && event.data.order_id === orderId)
    .map((event) => String(event.data.to))
}

export type LiveClient = { inbox: LiveInbox; close: () => void }

/**
 * A stream read the way a storefront reads it: `@medusajs/js-sdk`'s
 * `sdk.client.fetchStream` with the customer's token set on the SDK. Rejects with the
 * SDK's error when the server refuses the stream.
 */
export async function openSdkStream(
  baseUrl: string,
  path: string,
  token: string | undefined,
  headers: Record<string, string> = {}
): Promise<LiveClient> {
  const sdk = new Medusa({ baseUrl, auth: { type: "jwt", jwtTokenStorageMethod: "memory" } })
  if (token) {
    await sdk.client.setToken(token)
  }
  const { stream, abort } = await sdk.client.fetchStream(path, { headers })
  const iterator = stream[Symbol.asyncIterator]()
  // The first message is the server's `retry:` line: the stream is open once it arrived.
  const first = await iterator.next()
  if (first.done) {
    throw new Error(`stream ${path} ended at once`)
  }
  const inbox = new LiveInbox()
  void (async () => {
    try {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        const message = next.value
        if (message.event && message.data !== undefined) {
          inbox.push({
            id: message.id === undefined ? undefined : String(message.id),
            event: message.event,
            data: JSON.parse(message.data),
          })
        }
      }
    } catch (error) {
      if ((error as Error).name !== "AbortError") {
        inbox.fail(error as Error)
      }
    }
  })()
  return { inbox, close: () => abort() }
}

/** The token of a session's `authorization` header. */
export function tokenOf(headers: { authorization: string }): string {
  return headers.authorization.replace(/^Bearer\s+/i, "")
}

/**
 * A WebSocket client on a live path (`ws` package), authenticated the browser way (the
 * `bearer, <token>` subprotocols) unless `headers` carry an Authorization header.
 * Rejects with `{status}` when the upgrade is refused.
 */
export async function openSocket(
  baseUrl: string,
  path: string,
  token: string | undefined,
  headers: Record<string, string> = {}
): Promise<LiveClient & { socket: WebSocket }> {
  const url = `${baseUrl.replace(/^http/, "ws")}${path}`
  const socket = new WebSocket(url, token ? ["bearer", token] : [], { headers })
  const inbox = new LiveInbox()
  socket.on("message", (raw) => {
    const frame = JSON.parse(String(raw)) as {
      id?: string
      event: string
      data: LiveReceived["data"]
    }
    inbox.push({ id: frame.id, event: frame.event, data: frame.data })
  })
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve())
    socket.once("unexpected-response", (_req, res) => {
      let body = ""
      res.on("data", (chunk: Buffer) => (body += chunk))
      res.on("end", () => reject(Object.assign(new Error(body), { status: res.statusCode })))
    })
    socket.once("error", reject)
  })
  socket.on("close", () => inbox.fail(new Error("socket closed")))
  return { inbox, socket, close: () => socket.close() }
}
