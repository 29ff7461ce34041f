import { z } from "@medusajs/framework/zod"

export const email = z.string().trim().toLowerCase().max(254).email("Not a valid email address")
export const password = z
  .string()
  .min(8, "At least 8 characters")
  .max(128, "At most 128 characters")
export const username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{3,30}$/, "3 to 30 letters, digits, dots, dashes or underscores")
  .transform((value) => value.toLowerCase())
const name = z.string().trim().max(100).nullish()

export const registerBody = z.object({
  email,
  username,
  password,
  first_name: name,
  last_name: name,
})

/**
 * OAuth2 password grant (form: username, password, optional grant_type/scope/client_id)
 * or JSON with `email` or `username`. The username may be the email.
 */
export const loginBody = z
  .object({
    username: z.string().trim().min(1).max(254).optional(),
    email: z.string().trim().min(1).max(254).optional(),
    password: z.string().min(1).max(128),
    grant_type: z.literal("password").optional(),
    scope: z.string().max(200).optional(),
    client_id: z.string().max(200).optional(),
  })
  .refine((body) => body.email || body.username, {
    message: "Send email or username",
    path: ["username"],
  })

export const refreshBody = z.object({ refresh_token: z.string().min(1).max(200) })
export const forgotPasswordBody = z.object({ email })
export const resetPasswordBody = z.object({ token: z.string().min(1).max(1000), password })
export const verifyEmailBody = z.object({ token: z.string().min(1).max(200) })

export type RegisterBody = z.infer<typeof registerBody>
export type LoginBody = z.infer<typeof loginBody>
export type RefreshBody = z.infer<typeof refreshBody>
export type ForgotPasswordBody = z.infer<typeof forgotPasswordBody>
export type ResetPasswordBody = z.infer<typeof resetPasswordBody>
export type VerifyEmailBody = z.infer<typeof verifyEmailBody>
