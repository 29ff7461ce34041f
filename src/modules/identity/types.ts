import type { ActorType } from "../../utils/identity/tokens"

export type ProfileRecord = {
  id: string
  actor_type: ActorType
  actor_id: string
  username: string | null
  preferences: Record<string, unknown>
  email_verified_at: Date | string | null
  deactivated_at: Date | string | null
  created_at: Date | string
  updated_at: Date | string
}

export type RefreshTokenRecord = {
  id: string
  family_id: string
  token_hash: string
  actor_type: ActorType
  actor_id: string
  auth_identity_id: string
  expires_at: Date | string
  rotated_at: Date | string | null
  revoked_at: Date | string | null
}
