import { Module } from "@medusajs/framework/utils"
import IdentityModuleService from "./service"

export const IDENTITY_MODULE = "identity"

export default Module(IDENTITY_MODULE, { service: IdentityModuleService })
