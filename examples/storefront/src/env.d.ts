/** Set by scripts/storefront.ts (Vite's `define`) from ENGINE_URL and PUBLISHABLE_KEY. */
declare const __STOREFRONT_CONFIG__: { engineUrl: string; publishableKey: string }
