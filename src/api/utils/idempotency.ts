import { createHash } from "node:crypto"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { IDEMPOTENCY_MODULE } from "../../modules/idempotency"
import type IdempotencyModuleService from "../../modules/idempotency/service"
import { recordIdempotentResponseWorkflow } from "../../workflows/idempotency/record-idempotent-response"
import { positiveIntFromEnv } from "../../utils/env"
import { isLockWaitGivenUp } from "../../utils/locking/lock-wait"
import { actorOf } from "./auth"

/**
 * Idempotency-Key support for POST routes (docs/IDEMPOTENCY.md). A route wraps its work in
 * `runIdempotent`; a retry with the same key and the same request replays the first
 * successful response instead of doing the work again.
 */

export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key"
export const IDEMPOTENT_REPLAYED_HEADER = "Idempotent-Replayed"

/**
 * How long a request waits for another one with the same key to finish before giving up
 * with a 409. Generous: the other one is usually a checkout or a payment, and the waiter
 * will replay its result.
 */
export const IDEMPOTENCY_LOCK_TIMEOUT_SECONDS = 30

const MAX_KEY_LENGTH = 255
const PRINTABLE_ASCII = /^[\x20-\x7E]+$/

export const INVALID_KEY_MESSAGE = `${IDEMPOTENCY_KEY_HEADER} must be 1-${MAX_KEY_LENGTH} printable ASCII characters`
export const KEY_REUSED_MESSAGE = `This ${IDEMPOTENCY_KEY_HEADER} was already used with a different request`
export const KEY_IN_PROGRESS_MESSAGE = `A request with this ${IDEMPOTENCY_KEY_HEADER} is still in progress; retry later`

export type IdempotencySettings = {
  /** How long a successful response is replayed for (IDEMPOTENCY_KEY_TTL_HOURS). */
  ttlHours: number
}

export function readIdempotencySettings(env: NodeJS.ProcessEnv = process.env): IdempotencySettings {
  return {
    ttlHours: positiveIntFromEnv(env.IDEMPOTENCY_KEY_TTL_HOURS, 24, "IDEMPOTENCY_KEY_TTL_HOURS"),
  }
}

let cached: IdempotencySettings | undefined

export function idempotencySettings(): IdempotencySettings {
  cached ??= readIdempotencySettings()
  return cached
}

/**
 * The key a request sent, or undefined without the header. Anything else than one value
 * of 1-255 printable ASCII characters (space to tilde) is a 400.
 */
export function parseIdempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) {
    return undefined
  }
  if (
    typeof header !== "string" ||
    header.length > MAX_KEY_LENGTH ||
    !PRINTABLE_ASCII.test(header)
  ) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, INVALID_KEY_MESSAGE)
  }
  return header
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}

function byKey([a]: [string, unknown], [b]: [string, unknown]): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * JSON with every object's keys sorted, so two requests that differ only in key order
 * give the same text. Everything else is JSON.stringify's: toJSON is applied (dates,
 * Medusa's BigNumber), undefined properties are left out, array order is kept.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, entry: unknown) =>
    isPlainObject(entry) ? Object.fromEntries(Object.entries(entry).sort(byKey)) : entry
  )
}

/** SHA-256 (hex) of the canonical JSON of a value. */
export function fingerprintOf(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex")
}

/**
 * What makes two requests "the same" for a route: its validated body, and also its path
 * parameters and validated query, so one key on `/orders/A/pay` and `/orders/B/pay` (the
 * same route pattern) is not taken for a retry.
 */
export function requestFingerprint(req: MedusaRequest): string {
  return fingerprintOf({
    params: req.params ?? {},
    query: req.validatedQuery ?? {},
    body: req.validatedBody ?? null,
  })
}

/** The namespace of a key: the caller ("anonymous" without one) and the route. */
export function idempotencyScope(actorId: string | undefined, route: string): string {
  return `${actorId ?? "anonymous"} ${route}`
}

function lockKey(scope: string, key: string): string {
  return `idempotency:${createHash("sha256").update(`${scope}\n${key}`).digest("hex")}`
}

/** What a route's work produced: the status and JSON body to send (none when undefined). */
export type IdempotentResult = { status: number; body?: unknown }

export type IdempotentOutcome = IdempotentResult & {
  /** True when this is the stored response of an earlier request. */
  replayed: boolean
}

export type IdempotentRequest = { scope: string; key: string; fingerprint: string }

export type IdempotencyOptions = {
  /** Seconds to wait for a request with the same key in progress (default 30). */
  lockTimeoutSeconds?: number
}

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Stores a successful response; a failure to store is logged, never the client's problem. */
async function remember(
  container: MedusaContainer,
  request: IdempotentRequest,
  result: IdempotentResult,
  now: Date
): Promise<void> {
  const expiresAt = new Date(now.getTime() + idempotencySettings().ttlHours * 3_600_000)
  try {
    await recordIdempotentResponseWorkflow(container).run({
      input: {
        ...request,
        response_status: result.status,
        response_body: result.body ?? null,
        expires_at: expiresAt.toISOString(),
        now: now.toISOString(),
      },
    })
  } catch (error) {
    // The work is done: answering 500 now would make the client retry it. Without the
    // record a retry runs the handler again, as it would have without a key.
    container
      .resolve<Logger>(ContainerRegistrationKeys.LOGGER)
      .error(
        `idempotency: could not record the response for "${request.scope}": ${describe(error)}`
      )
  }
}

/**
 * Runs `handler` at most once per scope and key (while its record lives), serialised
 * with Medusa's locking module (Redis locks with REDIS_URL, so across processes):
 *
 * - a live record with the same fingerprint is replayed without running the handler;
 * - a live record with another fingerprint is a 409;
 * - otherwise the handler runs; a 2xx result is recorded, anything else (a thrown error,
 *   a non-2xx status) is not, so a retry runs again;
 * - a request that waited longer than the lock timeout for another one with the same key
 *   is a 409 (still in progress).
 */
export async function executeIdempotent(
  container: MedusaContainer,
  request: IdempotentRequest,
  handler: () => Promise<IdempotentResult>,
  options: IdempotencyOptions = {}
): Promise<IdempotentOutcome> {
  const keys = container.resolve<IdempotencyModuleService>(IDEMPOTENCY_MODULE)
  const locking = container.resolve(Modules.LOCKING)
  let started = false
  let outcome: IdempotentOutcome | undefined

  const job = async (): Promise<void> => {
    started = true
    const now = new Date()
    const existing = await keys.findLiveKey(request.scope, request.key, now)
    if (existing) {
      if (existing.fingerprint !== request.fingerprint) {
        throw new MedusaError(MedusaError.Types.CONFLICT, KEY_REUSED_MESSAGE)
      }
      outcome = {
        status: existing.response_status,
        body: existing.response_body ?? undefined,
        replayed: true,
      }
      return
    }
    const result = await handler()
    if (isSuccess(result.status)) {
      await remember(container, request, result, now)
    }
    outcome = { status: result.status, body: result.body, replayed: false }
  }

  try {
    await locking.execute(lockKey(request.scope, request.key), job, {
      timeout: options.lockTimeoutSeconds ?? IDEMPOTENCY_LOCK_TIMEOUT_SECONDS,
    })
  } catch (error) {
    if (!started && isLockWaitGivenUp(error)) {
      throw new MedusaError(MedusaError.Types.CONFLICT, KEY_IN_PROGRESS_MESSAGE)
    }
    if (!outcome) {
      throw error
    }
    // The job finished but the lock's lease lapsed underneath it (Redis unreachable): the
    // result stands; only the exclusivity was not guaranteed to the end.
    container
      .resolve<Logger>(ContainerRegistrationKeys.LOGGER)
      .warn(`idempotency: lock lost for "${request.scope}": ${describe(error)}`)
  }
  return outcome as IdempotentOutcome
}

function send(res: MedusaResponse, result: IdempotentResult): void {
  res.status(result.status)
  if (result.body === undefined || result.body === null) {
    res.end()
    return
  }
  res.json(result.body)
}

/**
 * Answers a POST route idempotently. Without an `Idempotency-Key` header the handler just
 * runs; with one, see `executeIdempotent`, keyed per caller (`actorOf(req)`, or
 * "anonymous") and `route` (method and pattern, e.g. "POST /cart/checkout"). A replay
 * carries `Idempotent-Replayed: true`. Errors (bad key 400, reuse or in progress 409, the
 * handler's own) are thrown to the error handler. The handler returns what to send and
 * never writes to `res` itself; its route's contract entry has `idempotent: true`.
 *
 * @example
 * export async function POST(req: MedusaRequest<CheckoutBody>, res: MedusaResponse) {
 *   await runIdempotent(req, res, "POST /cart/checkout", async () => {
 *     const { result } = await checkoutWorkflow(req.scope).run({ input: req.validatedBody })
 *     return { status: 201, body: { order: result } }
 *   })
 * }
 */
export async function runIdempotent(
  req: MedusaRequest,
  res: MedusaResponse,
  route: string,
  handler: () => Promise<IdempotentResult>,
  options: IdempotencyOptions = {}
): Promise<void> {
  const key = parseIdempotencyKey(req.headers["idempotency-key"])
  if (key === undefined) {
    send(res, await handler())
    return
  }
  const outcome = await executeIdempotent(
    req.scope,
    { scope: idempotencyScope(actorOf(req)?.id, route), key, fingerprint: requestFingerprint(req) },
    handler,
    options
  )
  if (outcome.replayed) {
    res.set(IDEMPOTENT_REPLAYED_HEADER, "true")
  }
  send(res, outcome)
}
