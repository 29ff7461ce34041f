/** The engine's error body (components.schemas.Error in /openapi.json), every 4xx and 5xx. */
export type EngineErrorBody = {
  type: string
  message: string
  /** Validation errors, one per field (`body.email`, `query.limit`, …). */
  errors?: { field: string; message: string }[]
  /** Quote it to support: it is in the engine's logs. */
  request_id?: string
  /** A card decline's reason (402 from /payments/confirm). */
  code?: string
  decline_code?: string
}

/** A refusal from the engine, with its status and error body. */
export class EngineError extends Error {
  readonly type: string
  readonly errors: { field: string; message: string }[]
  readonly requestId?: string
  readonly code?: string

  constructor(
    readonly status: number,
    body: Partial<EngineErrorBody> | undefined
  ) {
    super(body?.message ?? `The engine answered ${status}`)
    this.name = "EngineError"
    this.type = body?.type ?? "unknown_error"
    this.errors = body?.errors ?? []
    this.requestId = body?.request_id
    this.code = body?.decline_code ?? body?.code
  }
}

/** The EngineError of a failed response (its body read as the engine's error shape). */
export async function engineErrorOf(response: Response): Promise<EngineError> {
  const body = (await response.json().catch(() => undefined)) as EngineErrorBody | undefined
  return new EngineError(response.status, body)
}
