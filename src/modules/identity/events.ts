/** Events the identity workflows emit; subscribers send the matching emails. */
export const IdentityEvents = {
  USER_REGISTERED: "identity.user_registered",
  PASSWORD_RESET_REQUESTED: "identity.password_reset_requested",
} as const

export type UserRegisteredData = { customer_id: string; email: string; first_name: string | null }

/** Carries the one-time reset token: only the email subscriber reads it. */
export type PasswordResetRequestedData = { email: string; token: string; expires_at: string }
