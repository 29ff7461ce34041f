import { model } from "@medusajs/framework/utils"

/**
 * The remembered response of a successful request sent with an `Idempotency-Key`
 * (src/api/utils/idempotency.ts, docs/IDEMPOTENCY.md). `scope` is the caller and the route
 * ("cus_… POST /cart/checkout"), so the same key from two callers or on two routes never
 * collides; `fingerprint` is the SHA-256 of the request's canonical JSON. A row past
 * `expires_at` is ignored, overwritten by the next request with its key and deleted by the
 * idempotency-keys-purge job.
 */
export const IdempotencyKey = model
  .define("idempotency_key", {
    id: model.id({ prefix: "idem" }).primaryKey(),
    scope: model.text(),
    key: model.text(),
    fingerprint: model.text(),
    response_status: model.number(),
    /** The JSON body sent; null when the response had none. */
    response_body: model.json().nullable(),
    expires_at: model.dateTime(),
  })
  .indexes([{ on: ["scope", "key"], unique: true }, { on: ["expires_at"] }])
