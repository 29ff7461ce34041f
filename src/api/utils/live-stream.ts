import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/**
 * The transports of live streams (docs/LIVE-UPDATES.md): a feed produces events and
 * heartbeats into a `LiveSink`; Server-Sent Events (here) and WebSockets
 * (`live-socket.ts`) carry them.
 */

/** One event of a live stream; `id` is its resumable position, when it has one. */
export type LiveEvent = { id?: string; type: string; data: unknown }

export type LiveSink = {
  /** The stream is accepted: from here on, errors can no longer be an HTTP status. */
  open(): void
  send(event: LiveEvent): void
  heartbeat(): void
  /** Ends the stream from the server's side (shutdown). */
  end(): void
}

/** How long an EventSource waits before reconnecting after the stream ended. */
const RETRY_MS = 3000

/**
 * Output a client has not read yet beyond which its stream is ended (it resumes with its
 * Last-Event-ID): a stalled reader must not make the server buffer without bound.
 */
export const MAX_UNREAD_BYTES = 1024 * 1024

/** The data lines of an event: JSON has no raw newlines, so one line. */
export function formatServerSentEvent(event: LiveEvent): string {
  const lines = [
    ...(event.id !== undefined ? [`id: ${event.id}`] : []),
    `event: ${event.type}`,
    `data: ${JSON.stringify(event.data)}`,
  ]
  return `${lines.join("\n")}\n\n`
}

/**
 * A Server-Sent Events response. Headers are sent on `open()`: nothing is compressed or
 * cached on the way (`no-transform` also keeps Medusa's optional compression off), and
 * nginx-style proxies are told not to buffer (`X-Accel-Buffering: no`). `onClose` runs
 * once when the client goes away or the stream is ended.
 */
export function serverSentEventSink(
  req: MedusaRequest,
  res: MedusaResponse,
  onClose: () => void
): LiveSink {
  let closed = false
  const close = () => {
    if (!closed) {
      closed = true
      onClose()
    }
  }
  // The response closes when the client goes away (or after end()); the request's own
  // "close" says only that its body was read.
  res.on("close", close)
  const write = (text: string) => {
    if (closed || res.writableEnded) {
      return
    }
    if (res.writableLength > MAX_UNREAD_BYTES) {
      res.end()
      close()
      return
    }
    res.write(text)
  }
  return {
    open() {
      res.status(200)
      res.set({
        "Content-Type": "text/event-stream; charset=utf-8",
        "Cache-Control": "no-cache, no-transform",
        Connection: "keep-alive",
        "X-Accel-Buffering": "no",
      })
      res.flushHeaders()
      req.socket.setKeepAlive(true)
      req.socket.setNoDelay(true)
      write(`retry: ${RETRY_MS}\n: connected\n\n`)
    },
    send(event) {
      write(formatServerSentEvent(event))
    },
    heartbeat() {
      write(`: heartbeat ${new Date().toISOString()}\n\n`)
    },
    end() {
      if (!res.writableEnded) {
        res.end()
      }
      close()
    },
  }
}
