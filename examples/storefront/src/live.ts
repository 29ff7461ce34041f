import { session } from "./api"

const POLL_MS = 5_000
/** The engine's `retry:` (docs/LIVE-UPDATES.md): how long to wait before reopening. */
const REOPEN_MS = 3_000

/** How a page learns of status changes: the SSE stream, or a poll when there is none. */
export type LiveMode = "live" | "polling"

type ServerSentEvent = { id?: string; event?: string; data?: string }

/**
 * The events of a `text/event-stream` body. Comments (`: heartbeat`) and `retry:` are
 * skipped; an event ends at a blank line.
 */
async function* serverSentEvents(
  body: ReadableStream<Uint8Array>
): AsyncGenerator<ServerSentEvent> {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let buffer = ""
  let event: ServerSentEvent = {}
  for (;;) {
    const { value, done } = await reader.read()
    if (done) {
      return
    }
    buffer += decoder.decode(value, { stream: true })
    let end: number
    while ((end = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, end).replace(/\r$/, "")
      buffer = buffer.slice(end + 1)
      if (line === "") {
        if (event.data !== undefined || event.id !== undefined) {
          yield event
        }
        event = {}
        continue
      }
      const colon = line.indexOf(":")
      const field = colon < 0 ? line : line.slice(0, colon)
      const text = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "")
      if (field === "data") {
        event.data = event.data === undefined ? text : `${event.data}\n${text}`
      } else if (field === "id" || field === "event") {
        event[field] = text
      }
    }
  }
}

/**
 * Keeps a page's order statuses current while it is shown. It opens the engine's
 * Server-Sent Events stream (GET /orders/events) through the session's fetch, so the
 * request carries the access token and a 401 refreshes it, as every other call does (a
 * browser EventSource cannot send the token). `changed` is called once the stream is open
 * (a change may have landed between the page's read and the stream's start; the stream
 * replays nothing older) and on every event. A dropped stream is reopened after 3 s from
 * the last event id (`Last-Event-ID`), polling meanwhile; an engine without the stream (or
 * one that refuses it) is polled every 5 s. `mode` says which is in use. Returns the stopper.
 */
export function watchOrders(changed: () => void, mode: (mode: LiveMode) => void): () => void {
  const abort = new AbortController()
  let timer: ReturnType<typeof setInterval> | undefined
  let lastId: string | undefined
  const poll = () => {
    timer ??= setInterval(changed, POLL_MS)
    mode("polling")
  }
  const stopPolling = () => {
    clearInterval(timer)
    timer = undefined
  }

  const open = async (): Promise<void> => {
    while (!abort.signal.aborted) {
      try {
        const response = await session.fetch("/orders/events", {
          headers: { accept: "text/event-stream", ...(lastId ? { "last-event-id": lastId } : {}) },
          signal: abort.signal,
        })
        if (!response.ok || !response.body) {
          // No stream in this engine (404), or not for this session: polling will do.
          await response.body?.cancel()
          poll()
          return
        }
        stopPolling()
        mode("live")
        changed()
        for await (const event of serverSentEvents(response.body)) {
          lastId = event.id ?? lastId
          changed()
        }
      } catch {
        // Network error or abort: handled below.
      }
      if (abort.signal.aborted) {
        return
      }
      poll()
      await new Promise((resolve) => setTimeout(resolve, REOPEN_MS))
    }
  }
  void open()

  return () => {
    abort.abort()
    stopPolling()
  }
}
