/**
 * The route table of the fake's /v1 API: each route names the parameters its endpoint
 * accepts (anything else is refused, as Stripe does) and a handler answering the JSON body.
 */
import type Stripe from "stripe"
import { invalidParam, unrecognizedUrl } from "../errors"
import {
  assertKnownParams,
  expandList,
  optionalString,
  positiveInteger,
  type Params,
} from "../params"
import type { Store } from "../store"

export type HttpMethod = "GET" | "POST" | "DELETE"

export interface ApiCall {
  params: Params
  /** The `:id` segment of the path, "" when the route has none. */
  id: string
  path: string
}

export interface Route {
  method: HttpMethod
  pattern: string
  params: readonly string[]
  /** Fields `expand[]` may name on this endpoint's answer. */
  expandable: readonly string[]
  handle: (store: Store, call: ApiCall) => unknown
}

export function route(
  method: HttpMethod,
  pattern: string,
  params: readonly string[],
  handle: Route["handle"],
  expandable: readonly string[] = []
): Route {
  return { method, pattern, params, expandable, handle }
}

function matches(pattern: string, path: string): string | undefined {
  const expected = pattern.split("/")
  const actual = path.split("/")
  if (expected.length !== actual.length) {
    return undefined
  }
  let id = ""
  for (let index = 0; index < expected.length; index++) {
    if (expected[index] === ":id") {
      if (!actual[index]) {
        return undefined
      }
      try {
        id = decodeURIComponent(actual[index])
      } catch {
        return undefined
      }
    } else if (expected[index] !== actual[index]) {
      return undefined
    }
  }
  return id
}

/** Finds the route and runs it; unknown paths answer Stripe's "Unrecognized request URL". */
export function dispatch(
  routes: readonly Route[],
  store: Store,
  method: string,
  path: string,
  params: Params
): unknown {
  for (const candidate of routes) {
    if (candidate.method !== method) {
      continue
    }
    const id = matches(candidate.pattern, path)
    if (id !== undefined) {
      assertKnownParams(params, candidate.params)
      // Checked before the handler runs, so a bad expand changes nothing, as on Stripe.
      for (const field of expandList(params)) {
        if (!candidate.expandable.includes(field)) {
          throw invalidParam(`This property cannot be expanded (${field}).`, "expand")
        }
      }
      return candidate.handle(store, { params, id, path })
    }
  }
  throw unrecognizedUrl(method, path)
}

export const LIST_PARAMS = ["limit", "starting_after", "ending_before", "expand"] as const

/**
 * A page of a list, newest first as Stripe lists are, honouring `limit` (default 10, at most
 * 100) and the `starting_after` / `ending_before` cursors.
 */
export function listOf<T extends { id: string }>(
  newestFirst: T[],
  url: string,
  params: Params
): Stripe.ApiList<T> {
  const limit = positiveInteger(params, "limit") ?? 10
  if (limit > 100) {
    throw invalidParam("This value must be less than or equal to 100.", "limit")
  }
  const after = optionalString(params, "starting_after")
  const before = optionalString(params, "ending_before")
  if (before) {
    const end = Math.max(
      0,
      newestFirst.findIndex((item) => item.id === before)
    )
    const start = Math.max(0, end - limit)
    return { object: "list", data: newestFirst.slice(start, end), has_more: start > 0, url }
  }
  const items = after
    ? newestFirst.slice(newestFirst.findIndex((item) => item.id === after) + 1)
    : newestFirst
  return { object: "list", data: items.slice(0, limit), has_more: items.length > limit, url }
}

export function newestFirst<T>(values: Iterable<T>): T[] {
  return [...values].reverse()
}

type Expanders = Record<string, (id: string) => unknown>

/**
 * `expand[]=payment_method`: a copy of the object with the named id fields replaced by the
 * objects they point to (the route has already refused fields it cannot expand).
 */
export function expand(object: object, params: Params, expanders: Expanders): unknown {
  const fields = expandList(params)
  if (fields.length === 0) {
    return object
  }
  const copy: Record<string, unknown> = { ...structuredClone(object) }
  for (const field of fields) {
    const value = copy[field]
    const expander = expanders[field]
    if (typeof value === "string" && expander) {
      copy[field] = expander(value)
    }
  }
  return copy
}
