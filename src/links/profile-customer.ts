import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import IdentityModule from "../modules/identity"

/** A customer's profile (username, preferences, verification), read with query.graph. */
export default defineLink(IdentityModule.linkable.profile, CustomerModule.linkable.customer)
