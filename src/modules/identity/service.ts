import { MedusaService } from "@medusajs/framework/utils"
import { Profile } from "./models/profile"
import { RefreshToken } from "./models/refresh-token"

/** Profiles and refresh tokens; the token and workflow logic lives in src/workflows/identity. */
export default class IdentityModuleService extends MedusaService({ Profile, RefreshToken }) {}
