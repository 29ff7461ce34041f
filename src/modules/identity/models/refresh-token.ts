import { model } from "@medusajs/framework/utils"

/**
 * One refresh token, stored as a SHA-256 hash. Tokens descending from one login form a
 * family; using a token rotates it (rotated_at) and issues its successor in the family,
 * and presenting a rotated token again revokes the whole family.
 */
export const RefreshToken = model
  .define("refresh_token", {
    id: model.id({ prefix: "rtok" }).primaryKey(),
    family_id: model.text(),
    token_hash: model.text(),
    actor_type: model.enum(["customer", "user"]),
    actor_id: model.text(),
    auth_identity_id: model.text(),
    expires_at: model.dateTime(),
    rotated_at: model.dateTime().nullable(),
    revoked_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["token_hash"], unique: true }, { on: ["family_id"] }, { on: ["actor_id"] }])
