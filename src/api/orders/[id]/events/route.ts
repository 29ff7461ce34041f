import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requireActorOf } from "../../../utils/auth"
import { lastEventIdOf, streamOrderEvents } from "../../live-feed"
import type { OneOrderEventsQuery } from "../../validators"

/** Server-Sent Events of one order (owner or admin; anyone else's is a 404). */
export async function GET(
  req: MedusaRequest<unknown, OneOrderEventsQuery>,
  res: MedusaResponse
): Promise<void> {
  const actor = requireActorOf(req)
  await streamOrderEvents(req, res, actor, {
    order_id: req.params.id,
    last_event_id: lastEventIdOf(req.headers, req.validatedQuery.last_event_id),
  })
}
