import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { GithubOAuthService } from "./service"

export { GithubOAuthService }
export type { GithubOAuthOptions } from "./service"

/** Auth provider `github`: @medusajs/auth-github with configurable endpoints. */
export default ModuleProvider(Modules.AUTH, { services: [GithubOAuthService] })
