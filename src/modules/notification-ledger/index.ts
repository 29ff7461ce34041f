import { Module } from "@medusajs/framework/utils"
import NotificationLedgerModuleService from "./service"

export const NOTIFICATION_LEDGER_MODULE = "notification_ledger"

export default Module(NOTIFICATION_LEDGER_MODULE, { service: NotificationLedgerModuleService })
