import { Module } from "@medusajs/framework/utils"
import platformConnectionsLoader from "./loaders/connections"
import databasePoolLoader from "./loaders/database-pool"
import databaseStatisticsLoader from "./loaders/database-statistics"
import orchestratorLoader from "./loaders/orchestrator"
import PlatformModuleService from "./service"

export const PLATFORM_MODULE = "platform"

export default Module(PLATFORM_MODULE, {
  service: PlatformModuleService,
  loaders: [
    platformConnectionsLoader,
    databasePoolLoader,
    databaseStatisticsLoader,
    orchestratorLoader,
  ],
})
