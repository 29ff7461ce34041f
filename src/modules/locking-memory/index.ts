import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import OrderedInMemoryLockingProvider from "./service"

/** Medusa's in-memory locking provider, several keys taken in one order (service.ts). */
export default ModuleProvider(Modules.LOCKING, {
  services: [OrderedInMemoryLockingProvider],
})
