import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { LogEmailNotificationService } from "./service"

export { LogEmailNotificationService }
export type { LogEmailOptions } from "./service"

export default ModuleProvider(Modules.NOTIFICATION, {
  services: [LogEmailNotificationService],
})
