import { Module } from "@medusajs/framework/utils"
import OrderLifecycleModuleService from "./service"

export const ORDER_LIFECYCLE_MODULE = "orderLifecycle"

export default Module(ORDER_LIFECYCLE_MODULE, { service: OrderLifecycleModuleService })
