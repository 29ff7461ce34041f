import express from "express"
import finalhandler from "finalhandler"
import { logger } from "@medusajs/framework/logger"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { skipCookieLayersWithoutCookies, type CookieLayer } from "./cookieless-sessions"

/**
 * Route lanes: the engine's routes without walking Medusa's whole Express stack.
 *
 * Medusa registers every route and route middleware of every module as its own layer of one
 * Express app (≈ 1,500 layers in this project), and Express tests a request's path against
 * each layer in turn until one answers: most of the cost of a cheap request
 * (docs/PERFORMANCE.md, "Route lanes"). A layer whose path starts with a literal first
 * segment (`/admin/…`, `/store/…`) can never match a path whose first segment is another,
 * so for a path under one of `segments` this middleware runs only the layers after it that
 * could match that first segment — global middlewares (`/`), layers whose first segment is
 * a parameter or a pattern, and layers of the same first segment — in the app's own order,
 * through an Express router of those same layer objects. Everything a layer decides for
 * itself (the path match, the method, params, errors) is decided as before; a layer this
 * leaves out is one that could not have matched.
 */

/** What this middleware reads of an Express layer (express/lib/router/layer.js). */
type ExpressLayer = CookieLayer & {
  regexp: RegExp & { fast_slash?: boolean; fast_star?: boolean }
}

type Lanes = {
  /**
   * The app's stack the lanes were cut from, its length, this middleware's layer and the
   * last layer: any change of them cuts again (Medusa's development reload empties the
   * stack after the project's first layers and registers new layer objects).
   */
  stack: ExpressLayer[]
  length: number
  own: ExpressLayer
  last: ExpressLayer
  /** Layers after this middleware's own, where every lane starts. */
  after: ExpressLayer[]
  bySegment: Map<string, express.Router>
}

/**
 * A literal first segment as path-to-regexp 0.1 writes it (`^\/admin\/?(?=\/|$)`,
 * `^\/products(?:\/([^/]+?))\/?$`), ended for certain: the pattern's end, its optional
 * slash and end or prefix lookahead, a parameter group, or a slash no quantifier makes
 * optional (`^\/order\/?` or `^\/order\/*` also match `/orders`).
 */
const LITERAL_FIRST_SEGMENT =
  /^\^\\\/((?:[A-Za-z0-9_~-]|\\[.\-_~])+)(?:\$$|\\\/\?\$$|\\\/\?\(\?=\\\/\|\$\)|\(\?:\\\/\(|\\\/(?![?*+{]))/
/** path-to-regexp's own lookahead for prefix matches; any other alternation could match anything. */
const PREFIX_LOOKAHEAD = "(?=\\/|$)"

/**
 * The literal first path segment every path a layer matches starts with (lower-cased:
 * Express matches paths case-insensitively), or `null` when the layer may match paths of
 * any first segment (`/`, `*`, a parameter or a pattern first).
 */
export function literalFirstSegment(layer: ExpressLayer): string | null {
  if (layer.regexp.fast_slash || layer.regexp.fast_star) {
    return null
  }
  const source = layer.regexp.source
  if (source.split(PREFIX_LOOKAHEAD).join("").includes("|")) {
    return null
  }
  const literal = LITERAL_FIRST_SEGMENT.exec(source)
  return literal ? literal[1].replace(/\\(.)/g, "$1").toLowerCase() : null
}

/** The first segment of a request path, as a lane key ("" for `/`). */
export function firstSegmentOf(path: string): string {
  const end = path.indexOf("/", 1)
  return (end === -1 ? path.slice(1) : path.slice(1, end)).toLowerCase()
}

/** The layers of `layers` that could match a path whose first segment is `segment`. */
export function laneLayers<L extends ExpressLayer>(layers: L[], segment: string): L[] {
  return layers.filter((layer) => {
    const literal = literalFirstSegment(layer)
    return literal === null || literal === segment
  })
}

const MIDDLEWARE_NAME = "engineRouteLanes"
/** OPTIONS keeps Express's own answer over the whole app (its Allow header lists every route). */
const LANE_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"])

/**
 * The platform middleware that sends requests under `segments` (first path segments the
 * engine owns) down their lane. It must be registered with `app.use("/")` so it runs for
 * every path; it finds its own layer by its name.
 */
export function routeLanes(segments: readonly string[]) {
  const owned = new Set(segments.map((segment) => segment.toLowerCase()))
  const byApp = new WeakMap<object, Lanes>()

  function lanesOf(app: { _router?: { stack: ExpressLayer[] } }): Lanes | undefined {
    const stack = app._router?.stack
    if (!stack) {
      return undefined
    }
    const known = byApp.get(app)
    if (
      known &&
      known.stack === stack &&
      known.length === stack.length &&
      known.last === stack[stack.length - 1] &&
      stack[stack.length - known.after.length - 1] === known.own
    ) {
      return known
    }
    const own = stack.findIndex((layer) => layer.name === MIDDLEWARE_NAME)
    if (own === -1) {
      return undefined
    }
    // Medusa's cookie and session layers run before this one: requests of a lane without
    // cookies skip them (cookieless-sessions.ts).
    skipCookieLayersWithoutCookies(stack.slice(0, own), (path) => owned.has(firstSegmentOf(path)))
    const lanes: Lanes = {
      stack,
      length: stack.length,
      own: stack[own],
      last: stack[stack.length - 1],
      after: stack.slice(own + 1),
      bySegment: new Map(),
    }
    byApp.set(app, lanes)
    return lanes
  }

  function laneFor(lanes: Lanes, segment: string): express.Router {
    let lane = lanes.bySegment.get(segment)
    if (!lane) {
      lane = express.Router()
      lane.stack = laneLayers(lanes.after, segment) as typeof lane.stack
      lanes.bySegment.set(segment, lane)
    }
    return lane
  }

  return function engineRouteLanes(
    req: MedusaRequest,
    res: MedusaResponse,
    next: MedusaNextFunction
  ): void {
    const segment = firstSegmentOf(req.path)
    const lanes = owned.has(segment) && LANE_METHODS.has(req.method) ? lanesOf(req.app) : undefined
    if (!lanes) {
      return next()
    }
    // Built as Express's app builds its own end of the stack (express/lib/application.js):
    // a 404, or the error nothing answered, logged (Medusa's logger, not the console).
    const end = (error?: unknown) => {
      const env = req.app.get("env") as string
      finalhandler(req, res, {
        env,
        onerror: (unhandled: Error) => {
          if (env !== "test") {
            logger.error(`Unhandled error on ${req.method} ${req.path}`, unhandled)
          }
        },
      })(error)
    }
    laneFor(lanes, segment)(req, res, end)
  }
}
