import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requireActorOf } from "../../utils/auth"
import { lastEventIdOf, streamOrderEvents } from "../live-feed"
import type { OrderEventsQuery } from "../validators"

/**
 * Server-Sent Events of the caller's orders (admins: all, or narrowed by `user_id`,
 * `order_id`, `status`): status changes with resumable ids, payment outcomes, heartbeats.
 */
export async function GET(
  req: MedusaRequest<unknown, OrderEventsQuery>,
  res: MedusaResponse
): Promise<void> {
  const actor = requireActorOf(req)
  const { last_event_id, ...filters } = req.validatedQuery
  await streamOrderEvents(req, res, actor, {
    ...filters,
    last_event_id: lastEventIdOf(req.headers, last_event_id),
  })
}
