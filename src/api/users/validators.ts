import { z } from "@medusajs/framework/zod"
import { paginationShape } from "../../utils/pagination"
import { username } from "../auth/validators"

/** Typed preferences: what the storefront may store about a user's choices. */
export const preferences = z
  .object({
    marketing_opt_in: z.boolean().optional(),
    currency: z
      .string()
      .regex(/^[A-Za-z]{3}$/, "An ISO 4217 code such as eur")
      .transform((code) => code.toLowerCase())
      .optional(),
    locale: z
      .string()
      .regex(/^[a-z]{2}(-[A-Z]{2})?$/, "A locale such as en or en-GB")
      .optional(),
    notification_channels: z
      .array(z.enum(["email", "sms", "push"]))
      .max(3)
      .optional(),
  })
  .strict()

export const listUsersQuery = z.object({
  ...paginationShape,
  q: z.string().trim().max(100).optional(),
})

export const updateUserBody = z.object({
  first_name: z.string().trim().max(100).nullable().optional(),
  last_name: z.string().trim().max(100).nullable().optional(),
  username: username.optional(),
  preferences: preferences.optional(),
  is_active: z.boolean().optional(),
  is_admin: z.boolean().optional(),
})

export const userOrdersQuery = z.object({ ...paginationShape })

export type ListUsersQuery = z.infer<typeof listUsersQuery>
export type UpdateUserBody = z.infer<typeof updateUserBody>
export type UserOrdersQuery = z.infer<typeof userOrdersQuery>
