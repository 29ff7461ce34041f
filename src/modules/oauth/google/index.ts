import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { GoogleOAuthService } from "./service"

export { GoogleOAuthService }
export type { GoogleOAuthOptions } from "./service"

/** Auth provider `google`: @medusajs/auth-google with configurable endpoints. */
export default ModuleProvider(Modules.AUTH, { services: [GoogleOAuthService] })
