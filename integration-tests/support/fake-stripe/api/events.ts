/** /v1/events: engines re-fetch an event by id to trust its content, so the fake serves them. */
import { optionalString } from "../params"
import { LIST_PARAMS, listOf, newestFirst, route, type Route } from "./router"

export const eventRoutes: Route[] = [
  route("GET", "/v1/events/:id", ["expand"], (store, call) => store.event(call.id)),
  route(
    "GET",
    "/v1/events",
    [...LIST_PARAMS, "type", "created", "delivery_success"],
    (store, call) => {
      const type = optionalString(call.params, "type")
      const events = newestFirst(store.events).filter((event) => !type || event.type === type)
      return listOf(events, call.path, call.params)
    }
  ),
]
