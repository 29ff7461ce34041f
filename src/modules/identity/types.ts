import type { InferTypeOf } from "@medusajs/framework/types"
import type { Profile } from "./models/profile"
import type { RefreshToken } from "./models/refresh-token"

/** What the generated service methods (listProfiles, createRefreshTokens, …) return. */
export type ProfileRecord = InferTypeOf<typeof Profile>
export type RefreshTokenRecord = InferTypeOf<typeof RefreshToken>
