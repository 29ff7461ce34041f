import type { IncomingHttpHeaders } from "node:http"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { liveSettings } from "../../config/live"
import { PLATFORM_MODULE } from "../../modules/platform"
import type PlatformModuleService from "../../modules/platform/service"
import {
  LIVE_ORDER_EVENT_TYPES,
  LIVE_ORDERS_TOPIC,
  latestOrderEventPosition,
  noticeInScope,
  readOrderStatusEvents,
  resolveLiveScope,
  type LiveOrderNotice,
  type LiveOrderScope,
  type LiveScopeRequest,
  type OrderPaymentEvent,
} from "../../queries/order/order-events-view"
import type { Actor } from "../../utils/actor"
import { HttpError } from "../utils/errors"
import { serverSentEventSink, type LiveSink } from "../utils/live-stream"
import { lastEventId } from "./validators"

/** History entries read per catch-up while the stream is live. */
const PAGE = 100

export type OrderFeedRequest = LiveScopeRequest & {
  /** Resume after this position (`Last-Event-ID`); absent: from now on. */
  last_event_id?: string
}

/**
 * A live stream of order events for `actor` (docs/LIVE-UPDATES.md), on any transport.
 *
 * Status changes are read from the status history in `seq` order: on start after
 * `last_event_id` (bounded by LIVE_REPLAY_LIMIT), then whenever a notice about an order
 * in scope arrives from any process, and at each heartbeat (a notice lost while Redis was
 * away costs at most one heartbeat). Reading rather than forwarding notices keeps the
 * stream in order and without gaps or repeats however notices arrive. Payment outcomes
 * are forwarded as they come, without a position.
 *
 * Refusals (404 for an order the caller may not see, 429 over the connection limit) are
 * thrown before `sink.open()`. Returns the function that closes the stream.
 */
export async function openOrderFeed(
  container: MedusaContainer,
  actor: Actor,
  request: OrderFeedRequest,
  sink: LiveSink
): Promise<() => void> {
  const settings = liveSettings()
  const scope = await resolveLiveScope(container, actor, request)
  const platform = container.resolve<PlatformModuleService>(PLATFORM_MODULE)
  const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  const release = platform.claimLiveConnection(actor.id, settings.maxConnectionsPerUser)
  if (!release) {
    throw new HttpError(
      429,
      "too_many_requests",
      `At most ${settings.maxConnectionsPerUser} live streams per user are open at once`,
      { "Retry-After": "5" }
    )
  }

  const feed = new OrderFeed(container, scope, sink, logger)
  let stopListening: () => void = () => undefined
  const close = () => {
    feed.stop()
    stopListening()
    release()
  }
  try {
    stopListening = platform.listenLive(LIVE_ORDERS_TOPIC, {
      deliver: (notice) => feed.notice(notice as LiveOrderNotice),
      close: () => {
        close()
        sink.end()
      },
    })
    const resumeAfter = request.last_event_id ? Number(request.last_event_id) : undefined
    feed.cursor = resumeAfter ?? (await latestOrderEventPosition(container))
    sink.open()
    await feed.replay(resumeAfter !== undefined, settings.replayLimit)
  } catch (error) {
    close()
    throw error
  }
  feed.beat(settings.heartbeatMs)
  return close
}

/** The state of one stream: its position and the single catch-up read in flight. */
class OrderFeed {
  cursor = 0
  closed = false
  private replayed = false
  private reading: Promise<void> | undefined
  private readAgain = false
  private readonly earlyPayments: OrderPaymentEvent[] = []
  private heartbeat: NodeJS.Timeout | undefined

  constructor(
    private readonly container: MedusaContainer,
    private readonly scope: LiveOrderScope,
    private readonly sink: LiveSink,
    private readonly logger: Logger
  ) {}

  /** Heartbeats, each followed by a catch-up read (for notices lost on the way). */
  beat(everyMs: number): void {
    this.heartbeat = setInterval(() => {
      this.sink.heartbeat()
      this.catchUp()
    }, everyMs)
    this.heartbeat.unref()
  }

  stop(): void {
    this.closed = true
    clearInterval(this.heartbeat)
  }

  notice(notice: LiveOrderNotice): void {
    if (this.closed || !noticeInScope(this.scope, notice)) {
      return
    }
    if (notice.kind === "status") {
      this.catchUp()
    } else if (this.replayed) {
      this.sendPayment(notice.event)
    } else {
      this.earlyPayments.push(notice.event)
    }
  }

  /**
   * The first read: what the client missed after its `Last-Event-ID`. Further behind than
   * `limit` entries, it gets `stream.reset` (with the newest position) and should reload
   * its orders; replaying thousands of entries would hold the connection and the database.
   */
  async replay(resuming: boolean, limit: number): Promise<void> {
    if (resuming) {
      const { events, more } = await readOrderStatusEvents(
        this.container,
        this.scope,
        this.cursor,
        limit
      )
      if (more) {
        this.cursor = await latestOrderEventPosition(this.container)
        const id = String(this.cursor)
        this.sink.send({
          id,
          type: LIVE_ORDER_EVENT_TYPES.RESET,
          data: { reason: "too_far_behind", id },
        })
      } else {
        this.sendStatusEvents(events)
      }
    }
    this.replayed = true
    for (const event of this.earlyPayments.splice(0)) {
      this.sendPayment(event)
    }
    // Notices that arrived during the replay asked for a read after it.
    if (this.readAgain) {
      this.catchUp()
    }
  }

  /** Reads and sends the scope's entries after the cursor; one read at a time. */
  catchUp(): void {
    if (this.closed) {
      return
    }
    if (this.reading || !this.replayed) {
      this.readAgain = true
      return
    }
    this.readAgain = false
    this.reading = this.readPages()
      .catch((error: Error) => this.logger.warn(`live orders: catch-up failed: ${error.message}`))
      .finally(() => {
        this.reading = undefined
        if (this.readAgain) {
          this.catchUp()
        }
      })
  }

  private async readPages(): Promise<void> {
    let more = true
    while (more && !this.closed) {
      const page = await readOrderStatusEvents(this.container, this.scope, this.cursor, PAGE)
      this.sendStatusEvents(page.events)
      more = page.more
    }
  }

  private sendStatusEvents(events: { id: string }[]): void {
    for (const event of events) {
      if (this.closed) {
        return
      }
      this.sink.send({ id: event.id, type: LIVE_ORDER_EVENT_TYPES.STATUS, data: event })
      this.cursor = Number(event.id)
    }
  }

  private sendPayment(event: OrderPaymentEvent): void {
    this.sink.send({ type: LIVE_ORDER_EVENT_TYPES.PAYMENT, data: event })
  }
}

/**
 * Serves a feed as Server-Sent Events on this request. Refusals before the stream opens
 * are thrown (the error handler answers them); a failure after the headers went out ends
 * the stream, and the client resumes with its `Last-Event-ID`.
 */
export async function streamOrderEvents(
  req: MedusaRequest,
  res: MedusaResponse,
  actor: Actor,
  request: OrderFeedRequest
): Promise<void> {
  let stop: (() => void) | undefined
  let gone = false
  const sink = serverSentEventSink(req, res, () => {
    gone = true
    stop?.()
  })
  try {
    stop = await openOrderFeed(req.scope, actor, request, sink)
  } catch (error) {
    if (!res.headersSent) {
      throw error
    }
    req.scope
      .resolve<Logger>(ContainerRegistrationKeys.LOGGER)
      .warn(`live orders: stream ended: ${(error as Error).message}`)
    sink.end()
    return
  }
  if (gone) {
    stop()
  }
}

/**
 * `last_event_id` from the query (validated by the contract), else the `Last-Event-ID`
 * header EventSource sends by itself on reconnection (400 unless it is a position).
 */
export function lastEventIdOf(
  headers: IncomingHttpHeaders,
  fromQuery: string | undefined
): string | undefined {
  const header = headers["last-event-id"]
  if (fromQuery !== undefined || header === undefined || header === "") {
    return fromQuery
  }
  const parsed = lastEventId.safeParse(header)
  if (!parsed.success || parsed.data === undefined) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "Last-Event-ID must be an event id received from this stream"
    )
  }
  return parsed.data
}
