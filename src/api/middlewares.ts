import { definePlatformMiddlewares } from "../lib/http/platform-middlewares"
import { contractRoutes } from "./contracts"

export default definePlatformMiddlewares(contractRoutes)
