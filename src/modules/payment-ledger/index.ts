import { Module } from "@medusajs/framework/utils"
import PaymentLedgerModuleService from "./service"

export const PAYMENT_LEDGER_MODULE = "payment_ledger"

export default Module(PAYMENT_LEDGER_MODULE, { service: PaymentLedgerModuleService })
