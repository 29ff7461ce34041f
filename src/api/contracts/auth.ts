import { z } from "@medusajs/framework/zod"
import type { ContractRoute } from "../utils/contract"
import {
  forgotPasswordBody,
  loginBody,
  refreshBody,
  registerBody,
  resetPasswordBody,
  verifyEmailBody,
} from "../auth/validators"
import { tokenPair } from "../../utils/identity/tokens"
import { userView } from "../../queries/identity/user-view"

const tags = ["Auth"]
const message = z.object({ message: z.string() })

/** The spec's Auth routes (register, login, tokens, passwords, verification, me). */
export const authContract: ContractRoute[] = [
  {
    method: "POST",
    path: "/auth/register",
    summary: "Create a customer account (sends a verification email)",
    tags,
    access: "public",
    rateLimit: "auth",
    body: registerBody,
    responses: {
      201: { description: "The new user", schema: userView },
      409: { description: "Email or username already in use" },
    },
  },
  {
    method: "POST",
    path: "/auth/login",
    summary: "Sign in with email or username and password (OAuth2 password form or JSON)",
    tags,
    access: "public",
    rateLimit: "login",
    bodyTypes: ["json", "form"],
    body: loginBody,
    responses: {
      200: { description: "Access and refresh token", schema: tokenPair },
      401: { description: "Wrong email, username or password (one answer for all)" },
      429: {
        description:
          "Too many sign-ins from this address, or too many failures for this account: wait Retry-After seconds",
      },
    },
  },
  {
    method: "POST",
    path: "/auth/logout",
    summary: "End this session: its refresh tokens and access tokens stop working",
    tags,
    access: "authenticated",
    responses: { 204: { description: "Signed out" } },
  },
  {
    method: "POST",
    path: "/auth/refresh",
    summary: "Trade a refresh token for a new pair (the old one stops working)",
    tags,
    access: "public",
    body: refreshBody,
    responses: {
      200: { description: "New access and refresh token", schema: tokenPair },
      401: { description: "Unknown, expired or revoked; re-use revokes the session" },
    },
  },
  {
    method: "POST",
    path: "/auth/forgot-password",
    summary: "Email a single-use password reset link",
    tags,
    access: "public",
    rateLimit: "auth",
    body: forgotPasswordBody,
    responses: {
      202: { description: "Always, whether or not the account exists", schema: message },
    },
  },
  {
    method: "POST",
    path: "/auth/reset-password",
    summary: "Set a new password with the emailed token; signs out every session",
    tags,
    access: "public",
    rateLimit: "auth",
    body: resetPasswordBody,
    responses: {
      204: { description: "Password changed" },
      401: { description: "Invalid, used or expired token" },
    },
  },
  {
    method: "POST",
    path: "/auth/verify-email",
    summary: "Confirm the email address with the emailed token",
    tags,
    access: "public",
    body: verifyEmailBody,
    responses: { 204: { description: "Verified" } },
  },
  {
    method: "POST",
    path: "/auth/verify-email/resend",
    summary: "Send a new verification email",
    tags,
    access: "authenticated",
    responses: { 204: { description: "Sent (nothing when already verified)" } },
  },
  {
    method: "GET",
    path: "/auth/me",
    summary: "The signed-in user",
    tags,
    access: "authenticated",
    responses: { 200: { description: "The user", schema: userView } },
  },
]
