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

function validatePart(part: Part, schema: z.ZodObject) {
  const strict = schema.strict()
  return async function validateContractInput(
    req: MedusaRequest,
    _res: MedusaResponse,
    next: MedusaNextFunction
  ): Promise<void> {
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
