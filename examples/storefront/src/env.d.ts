/** Set by vite.config.ts from ENGINE_URL and PUBLISHABLE_KEY. */
declare const __STOREFRONT_CONFIG__: { engineUrl: string; publishableKey: string }
