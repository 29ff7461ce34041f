import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { RequestValidationError, type FieldError } from "./errors"

type Issue = z.core.$ZodIssue

/**
 * One entry per offending field. Medusa's validateAndTransformBody flattens zod's issues
 * into a single message; the contract promises `errors: [{field, message}]`, so the
 * engine's routes validate with these two helpers (same strictness: unknown fields fail).
 */
export function toFieldErrors(issues: readonly Issue[]): FieldError[] {
  return issues.flatMap((issue): FieldError[] => {
    const base = issue.path.map(String).join(".")
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        field: base ? `${base}.${key}` : key,
        message: "Unknown field",
      }))
    }
    const missing = issue.code === "invalid_type" && issue.input === undefined
    return [{ field: base || "(root)", message: missing ? "Required" : issue.message }]
  })
}

type Part = "body" | "query"

const NUL = "\u0000"

/**
 * Fields holding a string with a NUL character, or named with one, which PostgreSQL
 * cannot store (text and jsonb refuse it: the request would fail with a 500 once the value
 * reaches a statement). Checked on the raw input, so every route refuses them alike,
 * whatever its schema (the global `refuseUnstorableInput` middleware and each contract).
 */
export function nulFieldErrors(input: unknown): FieldError[] {
  type Node = { value: unknown; key?: string; parent?: Node }
  const pathOf = (node: Node): string => {
    const keys: string[] = []
    for (let at: Node | undefined = node; at?.key !== undefined; at = at.parent) {
      keys.push(at.key.replaceAll(NUL, "\\0"))
    }
    return keys.reverse().join(".") || "(root)"
  }
  const errors: FieldError[] = []
  // Iterative, with paths built only for offenders: a hostile body may nest deeper than
  // the call stack allows, and copying a path per level would be quadratic.
  const pending: Node[] = [{ value: input }]
  for (let node = pending.pop(); node; node = pending.pop()) {
    const { value } = node
    if (typeof value === "string" && value.includes(NUL)) {
      errors.push({ field: pathOf(node), message: "Must not contain NUL characters" })
    } else if (value && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        const child: Node = { value: item, key, parent: node }
        if (key.includes(NUL)) {
          errors.push({ field: pathOf(child), message: "Field names must not contain NUL" })
        } else {
          pending.push(child)
        }
      }
    }
  }
  return errors
}

function validatePart(part: Part, schema: z.ZodObject) {
  const strict = schema.strict()
  return async function validateContractInput(
    req: MedusaRequest,
    _res: MedusaResponse,
    next: MedusaNextFunction
  ): Promise<void> {
    const nulErrors = nulFieldErrors(req[part])
    if (nulErrors.length) {
      return next(new RequestValidationError(nulErrors, part))
    }
    const result = await strict.safeParseAsync(req[part] ?? {})
    if (!result.success) {
      return next(new RequestValidationError(toFieldErrors(result.error.issues), part))
    }
    if (part === "body") {
      req.validatedBody = result.data
    } else {
      req.validatedQuery = result.data as MedusaRequest["validatedQuery"]
    }
    next()
  }
}

/** Strict body validation: `req.validatedBody`, or a 400 listing each field. */
export function validateBody(schema: z.ZodObject) {
  return validatePart("body", schema)
}

/** Strict query validation (coerce numbers in the schema): `req.validatedQuery`. */
export function validateQuery(schema: z.ZodObject) {
  return validatePart("query", schema)
}

/**
 * The same strict query validation for a request that does not pass through express (a
 * WebSocket upgrade): the parsed query, or a RequestValidationError (400).
 */
export function parseQuery<T extends z.ZodObject>(schema: T, input: unknown): z.infer<T> {
  const nulErrors = nulFieldErrors(input)
  if (nulErrors.length) {
    throw new RequestValidationError(nulErrors, "query")
  }
  const result = schema.strict().safeParse(input ?? {})
  if (!result.success) {
    throw new RequestValidationError(toFieldErrors(result.error.issues), "query")
  }
  return result.data as z.infer<T>
}
