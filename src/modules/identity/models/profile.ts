import { model } from "@medusajs/framework/utils"

/**
 * What the engine knows of a user beyond Medusa's customer or admin user: a unique
 * username, typed preferences, email verification and deactivation. Joined to the
 * customer by a link (src/links/profile-customer.ts), never a foreign key.
 */
export const Profile = model
  .define("profile", {
    id: model.id({ prefix: "prof" }).primaryKey(),
    actor_type: model.enum(["customer", "user"]),
    actor_id: model.text(),
    /** Lower-cased, so uniqueness ignores case. */
    username: model.text().nullable(),
    preferences: model.json().default({}),
    email_verified_at: model.dateTime().nullable(),
    deactivated_at: model.dateTime().nullable(),
  })
  .indexes([
    {
      on: ["actor_type", "actor_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    {
      on: ["username"],
      unique: true,
      where: "deleted_at IS NULL AND username IS NOT NULL",
    },
  ])
