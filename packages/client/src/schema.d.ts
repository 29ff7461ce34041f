/**
 * Generated from the engine's GET /openapi.json by openapi-typescript: do not edit.
 * Regenerate with `npm run client:generate`; integration-tests/http/storefront-client.spec.ts
 * fails when this file and the live document differ.
 */
export interface paths {
    "/admin/analytics/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** New customers and orders of returning customers vs the previous period */
        get: operations["get /admin/analytics/customers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/analytics/low-stock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Products under the low-stock threshold, fewest available first */
        get: operations["get /admin/analytics/low-stock"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/analytics/orders-by-status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Orders placed in the period by their current status */
        get: operations["get /admin/analytics/orders-by-status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/analytics/sales": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sales per day, week or month in a timezone, per currency */
        get: operations["get /admin/analytics/sales"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/analytics/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The store's timezone and low-stock threshold: the reports' defaults */
        get: operations["get /admin/analytics/settings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/analytics/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Revenue, orders, average order value, refunds, new customers vs the previous period */
        get: operations["get /admin/analytics/summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/analytics/top-products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Best-selling products by revenue (per currency) and by units */
        get: operations["get /admin/analytics/top-products"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/order-lifecycle/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An order's engine status, history and allowed moves */
        get: operations["get /admin/order-lifecycle/:id"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/order-lifecycle/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move an order's status (as PUT /orders/{id}/status) */
        post: operations["post /admin/order-lifecycle/:id/status"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Medusa's dashboard order cancellation, run under the order's lock with its refunds checked (Medusa's route, the engine's handler) */
        post: operations["post /admin/orders/:id/cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/payments/{id}/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Medusa's dashboard refund, run under the order's lock (Medusa's route, the engine's handler) */
        post: operations["post /admin/payments/:id/refund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/product-ratings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A product's rating, approved and pending review counts */
        get: operations["get /admin/product-ratings/:id"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/reconciliation-findings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Payment reconciliation findings (as GET /payments/reconciliation) */
        get: operations["get /admin/reconciliation-findings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The review moderation queue across products, pending first */
        get: operations["get /admin/reviews"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/reviews/moderate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve or reject one or many reviews */
        post: operations["post /admin/reviews/moderate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/forgot-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email a single-use password reset link */
        post: operations["post /auth/forgot-password"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email or username and password (OAuth2 password form or JSON) */
        post: operations["post /auth/login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End this session: its refresh tokens and access tokens stop working */
        post: operations["post /auth/logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: operations["get /auth/me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/oauth/{provider}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Start signing in with Google or GitHub (redirects to the provider) */
        get: operations["get /auth/oauth/:provider"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/oauth/{provider}/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Finish signing in with Google or GitHub: creates or links the customer */
        get: operations["get /auth/oauth/:provider/callback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Trade a refresh token for a new pair (the old one stops working) */
        post: operations["post /auth/refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a customer account (sends a verification email) */
        post: operations["post /auth/register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password with the emailed token; signs out every session */
        post: operations["post /auth/reset-password"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/verify-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm the email address with the emailed token */
        post: operations["post /auth/verify-email"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/verify-email/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a new verification email */
        post: operations["post /auth/verify-email/resend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cart": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The customer's open cart (created on first use) with Medusa's totals */
        get: operations["get /cart"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cart/{item_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a line's quantity; 0 removes it */
        put: operations["put /cart/:item_id"];
        post?: never;
        /** Remove a line */
        delete: operations["delete /cart/:item_id"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cart/add": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a product (its primary variant) to the cart */
        post: operations["post /cart/add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cart/checkout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check out the cart: a pending order with its stock held (ORDER_HOLD_MINUTES) and a payment to confirm */
        post: operations["post /cart/checkout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Swagger UI for this document */
        get: operations["get /docs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs/{asset}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Swagger UI's scripts and styles */
        get: operations["get /docs/:asset"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics of this process */
        get: operations["get /metrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This OpenAPI 3.1 document */
        get: operations["get /openapi.json"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's orders, newest first; admins see all and filter by `status`, `user_id` */
        get: operations["get /orders"];
        put?: never;
        /** A direct order without the cart (same stock hold and payment as checkout) */
        post: operations["post /orders"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One order with items, totals, addresses, payment and status history */
        get: operations["get /orders/:id"];
        put?: never;
        post?: never;
        /** Cancel while not shipped: stock released, captured money refunded */
        delete: operations["delete /orders/:id"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Live updates of one order (Server-Sent Events or WebSocket); owner or admin */
        get: operations["get /orders/:id/events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Move an order along pending → paid → processing → shipped → delivered, or cancel/refund it (admin) */
        put: operations["put /orders/:id/status"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Live updates of the caller's orders (Server-Sent Events or WebSocket); admins see all and filter by `user_id`, `order_id`, `status` */
        get: operations["get /orders/events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's payment history, newest first, or one order's (admins: everyone's) */
        get: operations["get /payments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One payment (owner or admin) */
        get: operations["get /payments/:id"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm a payment: succeeded (order paid) or requires_action (3-D Secure) */
        post: operations["post /payments/confirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments/create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new payment (Stripe PaymentIntent) for a pending order whose payments failed */
        post: operations["post /payments/create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments/methods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's saved cards */
        get: operations["get /payments/methods"];
        put?: never;
        /** Save a card made by Stripe.js (pm_…) on the caller's Stripe customer */
        post: operations["post /payments/methods"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments/methods/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove one of the caller's saved cards */
        delete: operations["delete /payments/methods/:id"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments/reconciliation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the payment reconciliation job found and did (admin) */
        get: operations["get /payments/reconciliation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refund part or all of a captured payment (admin) */
        post: operations["post /payments/refund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Active products, filtered (category_id with sub-categories, tag, min_price, max_price, in_stock, q) and sorted */
        get: operations["get /products"];
        put?: never;
        /** Create a product: one variant, a price, stock at the default location */
        post: operations["post /products"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One product (inactive ones only for admins) */
        get: operations["get /products/:id"];
        /** Partial update, price and stock (stock_quantity = available units, or stock_adjustment) */
        put: operations["put /products/:id"];
        post?: never;
        /** Soft delete */
        delete: operations["delete /products/:id"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}/images": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload images (multipart field `file`, one or more): JPEG, PNG, WebP or GIF recognised from the bytes, at most PRODUCT_IMAGE_MAX_BYTES each. Remote URLs are not accepted. */
        post: operations["post /products/:id/images"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}/images/{image_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove one image from a product (and its stored file when uploaded here) */
        delete: operations["delete /products/:id/images/:image_id"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}/recommendations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Products bought together with this one in paid orders, else similar, popular or best rated ones; active and in stock only */
        get: operations["get /products/:id/recommendations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A product's approved reviews, newest first, with its rating; admins may filter by `status` */
        get: operations["get /products/:id/reviews"];
        put?: never;
        /** Review a product (one per customer); pending until an admin approves it */
        post: operations["post /products/:id/reviews"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}/reviews/{review_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Approve or reject a review (admin) */
        put: operations["put /products/:id/reviews/:review_id"];
        post?: never;
        /** Delete a review (admin, soft delete) */
        delete: operations["delete /products/:id/reviews/:review_id"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The category tree with product counts; inactive and internal categories only for admins */
        get: operations["get /products/categories"];
        put?: never;
        /** Create a category (admin) */
        post: operations["post /products/categories"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/categories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change a category (admin): partial; parent_id null moves it to the root */
        put: operations["put /products/categories/:id"];
        post?: never;
        /** Delete a category without children (admin); its products lose it */
        delete: operations["delete /products/categories/:id"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ranked full-text search, tolerant of typos, with the list's filters and facets */
        get: operations["get /products/search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: PostgreSQL (and Redis when configured) answer */
        get: operations["get /ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Customer accounts (admin), `q` over email, username and name */
        get: operations["get /users"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user (self or admin) */
        get: operations["get /users/:id"];
        /** Update profile fields and preferences; is_active only by an admin */
        put: operations["put /users/:id"];
        post?: never;
        /** Deactivate and anonymise (orders are kept) */
        delete: operations["delete /users/:id"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{id}/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user's orders, newest first, with status and history (self or admin) */
        get: operations["get /users/:id/orders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{id}/recommendations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Products bought with what the user bought (never something they bought), else similar, popular or best rated ones (self or admin) */
        get: operations["get /users/:id/recommendations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Error: {
            errors?: {
                field: string;
                message: string;
            }[];
            message: string;
            request_id?: string;
            type: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    "get /admin/analytics/customers": {
        parameters: {
            query?: {
                format?: "json" | "csv";
                from?: string;
                to?: string;
                tz?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The counts. Also as text/csv (`format=csv` or `Accept: text/csv`), the same figures one per row */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        change: {
                            /** @description Percent change against the previous period */
                            new_customers: number | null;
                            /** @description Percent change against the previous period */
                            returning_orders: number | null;
                        };
                        current: {
                            new_customers: number;
                            returning_orders: number;
                        };
                        period: {
                            from: string;
                            to: string;
                            tz: string;
                        };
                        previous: {
                            new_customers: number;
                            returning_orders: number;
                        };
                        previous_period: {
                            from: string;
                            to: string;
                            tz: string;
                        };
                    };
                };
            };
            /** @description Invalid input; `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in, but not as an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "get /admin/analytics/low-stock": {
        parameters: {
            query?: {
                format?: "json" | "csv";
                limit?: number;
                offset?: number;
                threshold?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of products. Also as text/csv (`format=csv` or `Accept: text/csv`), the same figures one per row */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                        items: {
                            available: number;
                            inventory_item_id: string | null;
                            is_active: boolean;
                            product_id: string;
                            reserved: number;
                            stocked: number;
                            title: string;
                        }[];
                        limit: number;
                        offset: number;
                        threshold: number;
                    };
                };
            };
            /** @description Invalid input; `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in, but not as an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "get /admin/analytics/orders-by-status": {
        parameters: {
            query?: {
                format?: "json" | "csv";
                from?: string;
                to?: string;
                tz?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Counts per status. Also as text/csv (`format=csv` or `Accept: text/csv`), the same figures one per row */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        period: {
                            from: string;
                            to: string;
                            tz: string;
                        };
                        statuses: {
                            orders: number;
                            /** @enum {string} */
                            status: "pending" | "paid" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded" | "partially_refunded";
                        }[];
                    };
                };
            };
            /** @description Invalid input; `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in, but not as an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "get /admin/analytics/sales": {
        parameters: {
            query?: {
                format?: "json" | "csv";
                from?: string;
                grain?: "day" | "week" | "month";
                to?: string;
                tz?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The series. Also as text/csv (`format=csv` or `Accept: text/csv`), the same figures one per row */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        grain: "day" | "week" | "month";
                        period: {
                            from: string;
                            to: string;
                            tz: string;
                        };
                        series: {
                            currency_code: string;
                            /** @description Decimal amount, two places */
                            gross: string;
                            orders: number;
                            period_start: string;
                            /** @description Decimal amount, two places */
                            refunds: string;
                            /** @description Decimal amount, two places */
                            revenue: string;
                        }[];
                    };
                };
            };
            /** @description Invalid input; `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in, but not as an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "get /admin/analytics/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The defaults */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The default `threshold` of low-stock (LOW_STOCK_THRESHOLD) */
                        low_stock_threshold: number;
                        /** @description The store's timezone (ANALYTICS_TIMEZONE): the default `tz` of every report */
                        timezone: string;
                    };
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in, but not as an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "get /admin/analytics/summary": {
        parameters: {
            query?: {
                format?: "json" | "csv";
                from?: string;
                to?: string;
                tz?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The summary per currency. Also as text/csv (`format=csv` or `Accept: text/csv`), the same figures one per row */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        currencies: {
                            change: {
                                /** @description Percent change against the previous period */
                                average_order_value: number | null;
                                /** @description Percent change against the previous period */
                                gross: number | null;
                                /** @description Percent change against the previous period */
                                orders: number | null;
                                /** @description Percent change against the previous period */
                                refunds: number | null;
                                /** @description Percent change against the previous period */
                                revenue: number | null;
                                /** @description Percent change against the previous period */
                                units: number | null;
                            };
                            currency_code: string;
                            current: {
                                /** @description Decimal amount, two places */
                                average_order_value: string;
                                /** @description Decimal amount, two places */
                                gross: string;
                                orders: number;
                                /** @description Decimal amount, two places */
                                refunds: string;
                                /** @description Decimal amount, two places */
                                revenue: string;
                                units: number;
                            };
                            previous: {
                                /** @description Decimal amount, two places */
                                average_order_value: string;
                                /** @description Decimal amount, two places */
                                gross: string;
                                orders: number;
                                /** @description Decimal amount, two places */
                                refunds: string;
                                /** @description Decimal amount, two places */
                                revenue: string;
                                units: number;
                            };
                        }[];
                        new_customers: {
                            /** @description Percent change against the previous period */
                            change: number | null;
                            current: number;
                            previous: number;
                        };
                        period: {
                            from: string;
                            to: string;
                            tz: string;
                        };
                        previous_period: {
                            from: string;
                            to: string;
                            tz: string;
                        };
                    };
                };
            };
            /** @description Invalid input; `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in, but not as an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "get /admin/analytics/top-products": {
        parameters: {
            query?: {
                format?: "json" | "csv";
                from?: string;
                limit?: number;
                to?: string;
                tz?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Both rankings. Also as text/csv (`format=csv` or `Accept: text/csv`), the same figures one per row */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        by_revenue: {
                            currency_code: string;
                            product_id: string;
                            /** @description Decimal amount, two places */
                            revenue: string;
                            title: string | null;
                            units: number;
                        }[];
                        by_units: {
                            product_id: string;
                            title: string | null;
                            units: number;
                        }[];
                        period: {
                            from: string;
                            to: string;
                            tz: string;
                        };
                    };
                };
            };
            /** @description Invalid input; `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in, but not as an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "get /admin/order-lifecycle/:id": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The lifecycle */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        allowed_moves: ("paid" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded")[];
                        history: {
                            actor_id: string | null;
                            actor_type: string;
                            at: string;
                            from: ("pending" | "paid" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded" | "partially_refunded") | null;
                            note: string | null;
                            /** @enum {string} */
                            to: "pending" | "paid" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded" | "partially_refunded";
                        }[];
                        order_id: string;
                        /** @enum {string} */
                        status: "pending" | "paid" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded" | "partially_refunded";
                    };
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in, but not as an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown order */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "post /admin/order-lifecycle/:id/status": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note?: string;
                    /** @enum {string} */
                    status: "pending" | "paid" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded" | "partially_refunded";
                    tracking_number?: string;
                    /** Format: uri */
                    tracking_url?: string;
                };
            };
        };
        responses: {
            /** @description The lifecycle after the move */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        allowed_moves: ("paid" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded")[];
                        history: {
                            actor_id: string | null;
                            actor_type: string;
                            at: string;
                            from: ("pending" | "paid" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded" | "partially_refunded") | null;
                            note: string | null;
                            /** @enum {string} */
                            to: "pending" | "paid" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded" | "partially_refunded";
                        }[];
                        order_id: string;
                        /** @enum {string} */
                        status: "pending" | "paid" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded" | "partially_refunded";
                    };
                };
            };
            /** @description Invalid input; `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in, but not as an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown order */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A move the status machine does not allow */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "post /admin/orders/:id/cancel": {
        parameters: {
            query?: {
                fields?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cancelled order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        order: {
                            id: string;
                            status: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description An order Medusa cannot cancel (a live fulfillment), or a body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in, but not as an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown order */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The order is busy with another change for too long; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The payment provider did not confirm a refund: nothing cancelled or recorded, retry */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "post /admin/payments/:id/refund": {
        parameters: {
            query?: {
                fields?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    amount?: number;
                    note?: string;
                    refund_reason_id?: string;
                };
            };
        };
        responses: {
            /** @description The payment with its refunds */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        payment: {
                            amount: number;
                            currency_code: string;
                            id: string;
                            refunds?: ({
                                amount: number;
                                id: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description More than is left to refund, or a bad body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in, but not as an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown payment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The payment provider did not confirm the refund: nothing recorded, retry */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "get /admin/product-ratings/:id": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rating */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        pending_count: number;
                        product_id: string;
                        rating_average: number | null;
                        review_count: number;
                    };
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in, but not as an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "get /admin/reconciliation-findings": {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                resolution?: "fixed" | "needs_attention";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of findings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                        items: {
                            detail: string;
                            first_seen_at: string;
                            id: string;
                            /** @enum {string} */
                            kind: "captured_without_paid_order" | "succeeded_intent_pending_order" | "captured_on_cancelled_order" | "refund_outside_engine";
                            last_seen_at: string;
                            order_id: string;
                            payment_id: string | null;
                            /** @enum {string} */
                            resolution: "fixed" | "needs_attention";
                        }[];
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description Invalid input; `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in, but not as an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "get /admin/reviews": {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                product_id?: string;
                rating?: number;
                status?: "pending" | "approved" | "rejected";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of reviews */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                        items: {
                            author_name: string;
                            body: string;
                            created_at: string;
                            customer_id: string;
                            id: string;
                            product_id: string;
                            product_title: string | null;
                            rating: number;
                            /** @enum {string} */
                            status: "pending" | "approved" | "rejected";
                            title: string;
                            updated_at: string;
                            verified_purchase: boolean;
                        }[];
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description Invalid input; `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in, but not as an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "post /admin/reviews/moderate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    review_ids: string[];
                    /** @enum {string} */
                    status: "approved" | "rejected";
                };
            };
        };
        responses: {
            /** @description Each review's outcome */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        results: {
                            error?: string;
                            review_id: string;
                            /** @enum {string} */
                            status: "moderated" | "failed";
                        }[];
                    };
                };
            };
            /** @description Invalid input; `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in, but not as an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An unknown review id (nothing changed) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "post /auth/forgot-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                };
            };
        };
        responses: {
            /** @description Always, whether or not the account exists */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description Invalid input; `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The access token sent is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "post /auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    client_id?: string;
                    email?: string;
                    /** @constant */
                    grant_type?: "password";
                    password: string;
                    scope?: string;
                    username?: string;
                };
                "application/x-www-form-urlencoded": {
                    client_id?: string;
                    email?: string;
                    /** @constant */
                    grant_type?: "password";
                    password: string;
                    scope?: string;
                    username?: string;
                };
            };
        };
        responses: {
            /** @description Access and refresh token */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        access_token: string;
                        expires_in: number;
                        refresh_token: string;
                        /** @constant */
                        token_type: "bearer";
                    };
                };
            };
            /** @description Invalid input; `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Wrong email, username or password (one answer for all) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many sign-ins from this address, or too many failures for this account: wait Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "post /auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "get /auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        created_at: string;
                        email: string;
                        email_verified: boolean;
                        first_name: string | null;
                        id: string;
                        is_active: boolean;
                        is_admin: boolean;
                        last_name: string | null;
                        preferences: {
                            [key: string]: unknown;
                        };
                        updated_at: string;
                        username: string | null;
                    };
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "get /auth/oauth/:provider": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                provider: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Redirect to the provider's authorize page (Location header) */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The access token sent is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown provider, or not configured on this server */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "get /auth/oauth/:provider/callback": {
        parameters: {
            query?: {
                authuser?: string;
                code?: string;
                error?: string;
                error_description?: string;
                error_uri?: string;
                hd?: string;
                iss?: string;
                prompt?: string;
                scope?: string;
                state?: string;
            };
            header?: never;
            path: {
                provider: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Access and refresh token */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        access_token: string;
                        expires_in: number;
                        refresh_token: string;
                        /** @constant */
                        token_type: "bearer";
                    };
                };
            };
            /** @description The provider shared no email address */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, bad or used code or state; provider refused; deactivated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown provider, or not configured on this server */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An account has this email but the address is not verified (by the provider or by the account), so it is not linked */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "post /auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    refresh_token: string;
                };
            };
        };
        responses: {
            /** @description New access and refresh token */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        access_token: string;
                        expires_in: number;
                        refresh_token: string;
                        /** @constant */
                        token_type: "bearer";
                    };
                };
            };
            /** @description Invalid input; `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown, expired or revoked; re-use revokes the session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "post /auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    first_name?: string | null;
                    last_name?: string | null;
                    password: string;
                    username: string;
                };
            };
        };
        responses: {
            /** @description The new user */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        created_at: string;
                        email: string;
                        email_verified: boolean;
                        first_name: string | null;
                        id: string;
                        is_active: boolean;
                        is_admin: boolean;
                        last_name: string | null;
                        preferences: {
                            [key: string]: unknown;
                        };
                        updated_at: string;
                        username: string | null;
                    };
                };
            };
            /** @description Invalid input; `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The access token sent is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Email or username already in use */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "post /auth/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password: string;
                    token: string;
                };
            };
        };
        responses: {
            /** @description Password changed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid, used or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "post /auth/verify-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description Verified */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The access token sent is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "post /auth/verify-email/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Sent (nothing when already verified) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "get /cart": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cart */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        created_at: string;
                        currency_code: string;
                        discount: string;
                        id: string;
                        item_count: number;
                        items: {
                            handle: string | null;
                            id: string;
                            line_total: string;
                            name: string;
                            product_id: string | null;
                            quantity: number;
                            thumbnail: string | null;
                            unit_price: string;
                            variant_id: string | null;
                        }[];
                        shipping: string;
                        subtotal: string;
                        tax: string;
                        total: string;
                        updated_at: string;
                    };
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in, but not as a customer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "put /cart/:item_id": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                item_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    quantity: number;
                };
            };
        };
        responses: {
            /** @description The cart */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        created_at: string;
                        currency_code: string;
                        discount: string;
                        id: string;
                        item_count: number;
                        items: {
                            handle: string | null;
                            id: string;
                            line_total: string;
                            name: string;
                            product_id: string | null;
                            quantity: number;
                            thumbnail: string | null;
                            unit_price: string;
                            variant_id: string | null;
                        }[];
                        shipping: string;
                        subtotal: string;
                        tax: string;
                        total: string;
                        updated_at: string;
                    };
                };
            };
            /** @description Invalid input; `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in, but not as a customer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown line, or not in the caller's open cart */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description More than is in stock */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "delete /cart/:item_id": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                item_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cart */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        created_at: string;
                        currency_code: string;
                        discount: string;
                        id: string;
                        item_count: number;
                        items: {
                            handle: string | null;
                            id: string;
                            line_total: string;
                            name: string;
                            product_id: string | null;
                            quantity: number;
                            thumbnail: string | null;
                            unit_price: string;
                            variant_id: string | null;
                        }[];
                        shipping: string;
                        subtotal: string;
                        tax: string;
                        total: string;
                        updated_at: string;
                    };
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in, but not as a customer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown line, or not in the caller's open cart */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "post /cart/add": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    product_id: string;
                    /** @default 1 */
                    quantity?: number;
                };
            };
        };
        responses: {
            /** @description The cart */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        created_at: string;
                        currency_code: string;
                        discount: string;
                        id: string;
                        item_count: number;
                        items: {
                            handle: string | null;
                            id: string;
                            line_total: string;
                            name: string;
                            product_id: string | null;
                            quantity: number;
                            thumbnail: string | null;
                            unit_price: string;
                            variant_id: string | null;
                        }[];
                        shipping: string;
                        subtotal: string;
                        tax: string;
                        total: string;
                        updated_at: string;
                    };
                };
            };
            /** @description Invalid input; `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in, but not as a customer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown, deleted or unpublished product */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The cart would hold more than is in stock */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "post /cart/checkout": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a repeat of a successful request with the same key (per caller and route) and the same parameters and body gets the first response again, with `Idempotent-Replayed: true`, without redoing the work. Failed requests are not remembered. Keys live 24 hours by default (IDEMPOTENCY_KEY_TTL_HOURS). */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    billing_address?: {
                        address_1: string;
                        address_2?: string;
                        city: string;
                        company?: string;
                        country_code: string;
                        first_name?: string;
                        last_name?: string;
                        phone?: string;
                        postal_code: string;
                        province?: string;
                    };
                    shipping_address: {
                        address_1: string;
                        address_2?: string;
                        city: string;
                        company?: string;
                        country_code: string;
                        first_name?: string;
                        last_name?: string;
                        phone?: string;
                        postal_code: string;
                        province?: string;
                    };
                    shipping_option_id?: string;
                };
            };
        };
        responses: {
            /** @description The order and its payment (client secret) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        order: {
                            billing_address: {
                                address_1: string | null;
                                address_2: string | null;
                                city: string | null;
                                company: string | null;
                                country_code: string | null;
                                first_name: string | null;
                                last_name: string | null;
                                phone: string | null;
                                postal_code: string | null;
                                province: string | null;
                            } | null;
                            created_at: string;
                            currency_code: string;
                            discount: string;
                            display_id: number;
                            email: string | null;
                            hold_expires_at: string | null;
                            id: string;
                            item_count: number;
                            items: {
                                id: string;
                                line_total: string;
                                name: string;
                                product_id: string | null;
                                quantity: number;
                                thumbnail: string | null;
                                unit_price: string;
                                variant_id: string | null;
                            }[];
                            payment: {
                                amount: string;
                                captured: string;
                                currency_code: string;
                                id: string | null;
                                payment_collection_id: string;
                                provider: string | null;
                                refunded: string;
                                status: string;
                            } | null;
                            shipping: string;
                            shipping_address: {
                                address_1: string | null;
                                address_2: string | null;
                                city: string | null;
                                company: string | null;
                                country_code: string | null;
                                first_name: string | null;
                                last_name: string | null;
                                phone: string | null;
                                postal_code: string | null;
                                province: string | null;
                            } | null;
                            shipping_method: string | null;
                            /** @enum {string} */
                            status: "pending" | "paid" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded" | "partially_refunded";
                            status_history: {
                                actor_id: string | null;
                                /** @enum {string} */
                                actor_type: "customer" | "admin" | "system";
                                at: string;
                                from: ("pending" | "paid" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded" | "partially_refunded") | null;
                                note: string | null;
                                /** @enum {string} */
                                to: "pending" | "paid" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded" | "partially_refunded";
                            }[];
                            subtotal: string;
                            tax: string;
                            total: string;
                            updated_at: string;
                            user_id: string | null;
                        };
                        payment: {
                            amount: string;
                            captured_amount: string;
                            client_secret: string | null;
                            created_at: string;
                            currency_code: string;
                            failure: {
                                code: string | null;
                                message: string | null;
                            } | null;
                            id: string;
                            next_action: {
                                [key: string]: unknown;
                            } | null;
                            order_id: string;
                            provider: string;
                            refunded_amount: string;
                            status: string;
                            updated_at: string;
                        };
                    };
                };
            };
            /** @description Empty cart, invalid address, or no shipping option for it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in, but not as a customer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not enough stock (nothing is held), or the cart was checked out by a concurrent request */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "get /docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description HTML page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The access token sent is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "get /docs/:asset": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                asset: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One of swagger-ui.css, swagger-ui-bundle.js, favicon-32x32.png */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The access token sent is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not one of the UI's files */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "get /metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text exposition format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain; version=0.0.4": string;
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "get /openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The access token sent is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "get /orders": {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                status?: "pending" | "paid" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded" | "partially_refunded";
                user_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of orders */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                        items: {
                            billing_address: {
                                address_1: string | null;
                                address_2: string | null;
                                city: string | null;
                                company: string | null;
                                country_code: string | null;
                                first_name: string | null;
                                last_name: string | null;
                                phone: string | null;
                                postal_code: string | null;
                                province: string | null;
                            } | null;
                            created_at: string;
                            currency_code: string;
                            discount: string;
                            display_id: number;
                            email: string | null;
                            hold_expires_at: string | null;
                            id: string;
                            item_count: number;
                            items: {
                                id: string;
                                line_total: string;
                                name: string;
                                product_id: string | null;
                                quantity: number;
                                thumbnail: string | null;
                                unit_price: string;
                                variant_id: string | null;
                            }[];
                            payment: {
                                amount: string;
                                captured: string;
                                currency_code: string;
                                id: string | null;
                                payment_collection_id: string;
                                provider: string | null;
                                refunded: string;
                                status: string;
                            } | null;
                            shipping: string;
                            shipping_address: {
                                address_1: string | null;
                                address_2: string | null;
                                city: string | null;
                                company: string | null;
                                country_code: string | null;
                                first_name: string | null;
                                last_name: string | null;
                                phone: string | null;
                                postal_code: string | null;
                                province: string | null;
                            } | null;
                            shipping_method: string | null;
                            /** @enum {string} */
                            status: "pending" | "paid" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded" | "partially_refunded";
                            status_history: {
                                actor_id: string | null;
                                /** @enum {string} */
                                actor_type: "customer" | "admin" | "system";
                                at: string;
                                from: ("pending" | "paid" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded" | "partially_refunded") | null;
                                note: string | null;
                                /** @enum {string} */
                                to: "pending" | "paid" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded" | "partially_refunded";
                            }[];
                            subtotal: string;
                            tax: string;
                            total: string;
                            updated_at: string;
                            user_id: string | null;
                        }[];
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description Invalid input; `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "post /orders": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a repeat of a successful request with the same key (per caller and route) and the same parameters and body gets the first response again, with `Idempotent-Replayed: true`, without redoing the work. Failed requests are not remembered. Keys live 24 hours by default (IDEMPOTENCY_KEY_TTL_HOURS). */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    billing_address?: {
                        address_1: string;
                        address_2?: string;
                        city: string;
                        company?: string;
                        country_code: string;
                        first_name?: string;
                        last_name?: string;
                        phone?: string;
                        postal_code: string;
                        province?: string;
                    };
                    items: {
                        product_id: string;
                        quantity: number;
                    }[];
                    shipping_address: {
                        address_1: string;
                        address_2?: string;
                        city: string;
                        company?: string;
                        country_code: string;
                        first_name?: string;
                        last_name?: string;
                        phone?: string;
                        postal_code: string;
                        province?: string;
                    };
                    shipping_option_id?: string;
                };
            };
        };
        responses: {
            /** @description The order and its payment (client secret) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        order: {
                            billing_address: {
                                address_1: string | null;
                                address_2: string | null;
                                city: string | null;
                                company: string | null;
                                country_code: string | null;
                                first_name: string | null;
                                last_name: string | null;
                                phone: string | null;
                                postal_code: string | null;
                                province: string | null;
                            } | null;
                            created_at: string;
                            currency_code: string;
                            discount: string;
                            display_id: number;
                            email: string | null;
                            hold_expires_at: string | null;
                            id: string;
                            item_count: number;
                            items: {
                                id: string;
                                line_total: string;
                                name: string;
                                product_id: string | null;
                                quantity: number;
                                thumbnail: string | null;
                                unit_price: string;
                                variant_id: string | null;
                            }[];
                            payment: {
                                amount: string;
                                captured: string;
                                currency_code: string;
                                id: string | null;
                                payment_collection_id: string;
                                provider: string | null;
                                refunded: string;
                                status: string;
                            } | null;
                            shipping: string;
                            shipping_address: {
                                address_1: string | null;
                                address_2: string | null;
                                city: string | null;
                                company: string | null;
                                country_code: string | null;
                                first_name: string | null;
                                last_name: string | null;
                                phone: string | null;
                                postal_code: string | null;
                                province: string | null;
                            } | null;
                            shipping_method: string | null;
                            /** @enum {string} */
                            status: "pending" | "paid" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded" | "partially_refunded";
                            status_history: {
                                actor_id: string | null;
                                /** @enum {string} */
                                actor_type: "customer" | "admin" | "system";
                                at: string;
                                from: ("pending" | "paid" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded" | "partially_refunded") | null;
                                note: string | null;
                                /** @enum {string} */
                                to: "pending" | "paid" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded" | "partially_refunded";
                            }[];
                            subtotal: string;
                            tax: string;
                            total: string;
                            updated_at: string;
                            user_id: string | null;
                        };
                        payment: {
                            amount: string;
                            captured_amount: string;
                            client_secret: string | null;
                            created_at: string;
                            currency_code: string;
                            failure: {
                                code: string | null;
                                message: string | null;
                            } | null;
                            id: string;
                            next_action: {
                                [key: string]: unknown;
                            } | null;
                            order_id: string;
                            provider: string;
                            refunded_amount: string;
                            status: string;
                            updated_at: string;
                        };
                    };
                };
            };
            /** @description Invalid items or address, or no shipping option for it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in, but not as a customer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown, deleted or unpublished product */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not enough stock (nothing is held) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "get /orders/:id": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        billing_address: {
                            address_1: string | null;
                            address_2: string | null;
                            city: string | null;
                            company: string | null;
                            country_code: string | null;
                            first_name: string | null;
                            last_name: string | null;
                            phone: string | null;
                            postal_code: string | null;
                            province: string | null;
                        } | null;
                        created_at: string;
                        currency_code: string;
                        discount: string;
                        display_id: number;
                        email: string | null;
                        hold_expires_at: string | null;
                        id: string;
                        item_count: number;
                        items: {
                            id: string;
                            line_total: string;
                            name: string;
                            product_id: string | null;
                            quantity: number;
                            thumbnail: string | null;
                            unit_price: string;
                            variant_id: string | null;
                        }[];
                        payment: {
                            amount: string;
                            captured: string;
                            currency_code: string;
                            id: string | null;
                            payment_collection_id: string;
                            provider: string | null;
                            refunded: string;
                            status: string;
                        } | null;
                        shipping: string;
                        shipping_address: {
                            address_1: string | null;
                            address_2: string | null;
                            city: string | null;
                            company: string | null;
                            country_code: string | null;
                            first_name: string | null;
                            last_name: string | null;
                            phone: string | null;
                            postal_code: string | null;
                            province: string | null;
                        } | null;
                        shipping_method: string | null;
                        /** @enum {string} */
                        status: "pending" | "paid" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded" | "partially_refunded";
                        status_history: {
                            actor_id: string | null;
                            /** @enum {string} */
                            actor_type: "customer" | "admin" | "system";
                            at: string;
                            from: ("pending" | "paid" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded" | "partially_refunded") | null;
                            note: string | null;
                            /** @enum {string} */
                            to: "pending" | "paid" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded" | "partially_refunded";
                        }[];
                        subtotal: string;
                        tax: string;
                        total: string;
                        updated_at: string;
                        user_id: string | null;
                    };
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown, or another customer's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "delete /orders/:id": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cancelled order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        billing_address: {
                            address_1: string | null;
                            address_2: string | null;
                            city: string | null;
                            company: string | null;
                            country_code: string | null;
                            first_name: string | null;
                            last_name: string | null;
                            phone: string | null;
                            postal_code: string | null;
                            province: string | null;
                        } | null;
                        created_at: string;
                        currency_code: string;
                        discount: string;
                        display_id: number;
                        email: string | null;
                        hold_expires_at: string | null;
                        id: string;
                        item_count: number;
                        items: {
                            id: string;
                            line_total: string;
                            name: string;
                            product_id: string | null;
                            quantity: number;
                            thumbnail: string | null;
                            unit_price: string;
                            variant_id: string | null;
                        }[];
                        payment: {
                            amount: string;
                            captured: string;
                            currency_code: string;
                            id: string | null;
                            payment_collection_id: string;
                            provider: string | null;
                            refunded: string;
                            status: string;
                        } | null;
                        shipping: string;
                        shipping_address: {
                            address_1: string | null;
                            address_2: string | null;
                            city: string | null;
                            company: string | null;
                            country_code: string | null;
                            first_name: string | null;
                            last_name: string | null;
                            phone: string | null;
                            postal_code: string | null;
                            province: string | null;
                        } | null;
                        shipping_method: string | null;
                        /** @enum {string} */
                        status: "pending" | "paid" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded" | "partially_refunded";
                        status_history: {
                            actor_id: string | null;
                            /** @enum {string} */
                            actor_type: "customer" | "admin" | "system";
                            at: string;
                            from: ("pending" | "paid" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded" | "partially_refunded") | null;
                            note: string | null;
                            /** @enum {string} */
                            to: "pending" | "paid" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded" | "partially_refunded";
                        }[];
                        subtotal: string;
                        tax: string;
                        total: string;
                        updated_at: string;
                        user_id: string | null;
                    };
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown, or another customer's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Shipped, delivered, refunded or already cancelled */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "get /orders/:id/events": {
        parameters: {
            query?: {
                last_event_id?: string;
            };
            header?: {
                /** @description Resume after this event id (EventSource sends it when it reconnects); the query's `last_event_id` wins */
                "Last-Event-ID"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An open stream of events (status changes in history order, payment outcomes) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": {
                        data: {
                            /** @enum {string} */
                            actor_type: "customer" | "admin" | "system";
                            at: string;
                            from: ("pending" | "paid" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded" | "partially_refunded") | null;
                            id: string;
                            note: string | null;
                            order_id: string;
                            /** @enum {string} */
                            to: "pending" | "paid" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded" | "partially_refunded";
                            user_id: string | null;
                        } | {
                            at: string;
                            failure_code: string | null;
                            failure_message: string | null;
                            order_id: string;
                            payment_id: string;
                            /** @enum {string} */
                            status: "pending" | "requires_action" | "succeeded" | "failed" | "canceled";
                            user_id: string | null;
                        } | {
                            id: string;
                            /** @constant */
                            reason: "too_far_behind";
                        };
                        /** @enum {string} */
                        event: "order.status_changed" | "order.payment_updated" | "stream.reset";
                        /** @description Stream position (status changes and resets): send it back as Last-Event-ID */
                        id?: string;
                    };
                };
            };
            /** @description Invalid input; `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown, or another customer's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many live streams open for this user (Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "put /orders/:id/status": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note?: string;
                    /** @enum {string} */
                    status: "pending" | "paid" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded" | "partially_refunded";
                    tracking_number?: string;
                    /** Format: uri */
                    tracking_url?: string;
                };
            };
        };
        responses: {
            /** @description The order, with the change in its history */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        billing_address: {
                            address_1: string | null;
                            address_2: string | null;
                            city: string | null;
                            company: string | null;
                            country_code: string | null;
                            first_name: string | null;
                            last_name: string | null;
                            phone: string | null;
                            postal_code: string | null;
                            province: string | null;
                        } | null;
                        created_at: string;
                        currency_code: string;
                        discount: string;
                        display_id: number;
                        email: string | null;
                        hold_expires_at: string | null;
                        id: string;
                        item_count: number;
                        items: {
                            id: string;
                            line_total: string;
                            name: string;
                            product_id: string | null;
                            quantity: number;
                            thumbnail: string | null;
                            unit_price: string;
                            variant_id: string | null;
                        }[];
                        payment: {
                            amount: string;
                            captured: string;
                            currency_code: string;
                            id: string | null;
                            payment_collection_id: string;
                            provider: string | null;
                            refunded: string;
                            status: string;
                        } | null;
                        shipping: string;
                        shipping_address: {
                            address_1: string | null;
                            address_2: string | null;
                            city: string | null;
                            company: string | null;
                            country_code: string | null;
                            first_name: string | null;
                            last_name: string | null;
                            phone: string | null;
                            postal_code: string | null;
                            province: string | null;
                        } | null;
                        shipping_method: string | null;
                        /** @enum {string} */
                        status: "pending" | "paid" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded" | "partially_refunded";
                        status_history: {
                            actor_id: string | null;
                            /** @enum {string} */
                            actor_type: "customer" | "admin" | "system";
                            at: string;
                            from: ("pending" | "paid" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded" | "partially_refunded") | null;
                            note: string | null;
                            /** @enum {string} */
                            to: "pending" | "paid" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded" | "partially_refunded";
                        }[];
                        subtotal: string;
                        tax: string;
                        total: string;
                        updated_at: string;
                        user_id: string | null;
                    };
                };
            };
            /** @description Invalid input; `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in, but not as an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown order */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not a legal move from the current status */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A refund the move makes was not confirmed by Stripe: nothing recorded, and a retry replays the same refund at Stripe */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "get /orders/events": {
        parameters: {
            query?: {
                last_event_id?: string;
                order_id?: string;
                status?: "pending" | "paid" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded" | "partially_refunded";
                user_id?: string;
            };
            header?: {
                /** @description Resume after this event id (EventSource sends it when it reconnects); the query's `last_event_id` wins */
                "Last-Event-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An open stream of events (status changes in history order, payment outcomes) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": {
                        data: {
                            /** @enum {string} */
                            actor_type: "customer" | "admin" | "system";
                            at: string;
                            from: ("pending" | "paid" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded" | "partially_refunded") | null;
                            id: string;
                            note: string | null;
                            order_id: string;
                            /** @enum {string} */
                            to: "pending" | "paid" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded" | "partially_refunded";
                            user_id: string | null;
                        } | {
                            at: string;
                            failure_code: string | null;
                            failure_message: string | null;
                            order_id: string;
                            payment_id: string;
                            /** @enum {string} */
                            status: "pending" | "requires_action" | "succeeded" | "failed" | "canceled";
                            user_id: string | null;
                        } | {
                            id: string;
                            /** @constant */
                            reason: "too_far_behind";
                        };
                        /** @enum {string} */
                        event: "order.status_changed" | "order.payment_updated" | "stream.reset";
                        /** @description Stream position (status changes and resets): send it back as Last-Event-ID */
                        id?: string;
                    };
                };
            };
            /** @description Invalid input; `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `order_id` unknown, or another customer's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many live streams open for this user (Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "get /payments": {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                order_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of payments */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                        items: {
                            amount: string;
                            captured_amount: string;
                            client_secret: string | null;
                            created_at: string;
                            currency_code: string;
                            failure: {
                                code: string | null;
                                message: string | null;
                            } | null;
                            id: string;
                            next_action: {
                                [key: string]: unknown;
                            } | null;
                            order_id: string;
                            provider: string;
                            refunded_amount: string;
                            status: string;
                            updated_at: string;
                        }[];
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description Invalid input; `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "get /payments/:id": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The payment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        amount: string;
                        captured_amount: string;
                        client_secret: string | null;
                        created_at: string;
                        currency_code: string;
                        failure: {
                            code: string | null;
                            message: string | null;
                        } | null;
                        id: string;
                        next_action: {
                            [key: string]: unknown;
                        } | null;
                        order_id: string;
                        provider: string;
                        refunded_amount: string;
                        status: string;
                        updated_at: string;
                    };
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown, or another customer's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "post /payments/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    payment_id: string;
                    payment_method_id?: string;
                };
            };
        };
        responses: {
            /** @description The payment after confirmation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        amount: string;
                        captured_amount: string;
                        client_secret: string | null;
                        created_at: string;
                        currency_code: string;
                        failure: {
                            code: string | null;
                            message: string | null;
                        } | null;
                        id: string;
                        next_action: {
                            [key: string]: unknown;
                        } | null;
                        order_id: string;
                        provider: string;
                        refunded_amount: string;
                        status: string;
                        updated_at: string;
                    };
                };
            };
            /** @description No card to charge, a card Stripe refuses (unknown, another customer's), or system payments not allowed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Card declined: Stripe's message, and `code` (its decline code, else error code) */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Signed in, but not as a customer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown payment, or another customer's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The payment failed or was cancelled: create a new one */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "post /payments/create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    order_id: string;
                };
            };
        };
        responses: {
            /** @description The payment, with its client secret */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        amount: string;
                        captured_amount: string;
                        client_secret: string | null;
                        created_at: string;
                        currency_code: string;
                        failure: {
                            code: string | null;
                            message: string | null;
                        } | null;
                        id: string;
                        next_action: {
                            [key: string]: unknown;
                        } | null;
                        order_id: string;
                        provider: string;
                        refunded_amount: string;
                        status: string;
                        updated_at: string;
                    };
                };
            };
            /** @description Invalid input; `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in, but not as a customer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown order, or another customer's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The order is not pending, or has a payment in progress or paid */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "get /payments/methods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Saved cards */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            brand: string | null;
                            exp_month: number | null;
                            exp_year: number | null;
                            id: string;
                            last4: string | null;
                            type: string;
                        }[];
                    };
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in, but not as a customer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "post /payments/methods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    payment_method_id: string;
                };
            };
        };
        responses: {
            /** @description The saved card */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        brand: string | null;
                        exp_month: number | null;
                        exp_year: number | null;
                        id: string;
                        last4: string | null;
                        type: string;
                    };
                };
            };
            /** @description Stripe refused the card, or Stripe is not configured */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in, but not as a customer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "delete /payments/methods/:id": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in, but not as a customer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not one of the caller's cards */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "get /payments/reconciliation": {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                resolution?: "fixed" | "needs_attention";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of findings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                        items: {
                            detail: string;
                            first_seen_at: string;
                            id: string;
                            /** @enum {string} */
                            kind: "captured_without_paid_order" | "succeeded_intent_pending_order" | "captured_on_cancelled_order" | "refund_outside_engine";
                            last_seen_at: string;
                            order_id: string;
                            payment_id: string | null;
                            /** @enum {string} */
                            resolution: "fixed" | "needs_attention";
                        }[];
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description Invalid input; `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in, but not as an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "post /payments/refund": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a repeat of a successful request with the same key (per caller and route) and the same parameters and body gets the first response again, with `Idempotent-Replayed: true`, without redoing the work. Failed requests are not remembered. Keys live 24 hours by default (IDEMPOTENCY_KEY_TTL_HOURS). */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    amount?: string | number;
                    payment_id: string;
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description The payment with its refunded amount */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        amount: string;
                        captured_amount: string;
                        client_secret: string | null;
                        created_at: string;
                        currency_code: string;
                        failure: {
                            code: string | null;
                            message: string | null;
                        } | null;
                        id: string;
                        next_action: {
                            [key: string]: unknown;
                        } | null;
                        order_id: string;
                        provider: string;
                        refunded_amount: string;
                        status: string;
                        updated_at: string;
                    };
                };
            };
            /** @description Invalid input (`errors` lists each field) or Idempotency-Key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in, but not as an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown payment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description More than what is left to refund, or nothing captured */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Stripe did not confirm the refund (refused, or its answer was lost): nothing recorded, and a retry replays the same refund at Stripe */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "get /products": {
        parameters: {
            query?: {
                category_id?: string;
                cursor?: string;
                fields?: string;
                in_stock?: "true" | "false";
                include_inactive?: "true" | "false";
                limit?: number;
                max_price?: string;
                min_price?: string;
                offset?: number;
                q?: string;
                sort?: "newest" | "price_asc" | "price_desc" | "name" | "rating";
                tag?: string;
            };
            header?: {
                /** @description The ETag of an answer the client holds: 304 without a body when it is still current */
                "If-None-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of products */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                        /** @description true: more products match than `count` says (counting stops at a cap) */
                        count_capped: boolean;
                        items: {
                            category: {
                                handle: string;
                                id: string;
                                name: string;
                            } | null;
                            category_id: string | null;
                            created_at: string;
                            currency_code: string | null;
                            description: string | null;
                            handle: string;
                            id: string;
                            images: {
                                id: string;
                                url: string;
                            }[];
                            in_stock: boolean;
                            is_active: boolean;
                            name: string;
                            /** @description Decimal string in major units, e.g. "19.99" */
                            price: string | null;
                            rating_average: number | null;
                            review_count: number;
                            /** @description Units available (stocked − reserved) */
                            stock_quantity: number | null;
                            tags: string[];
                            updated_at: string;
                        }[];
                        limit: number;
                        /** @description Pass as `cursor` (same sort) for the next page; null on the last page */
                        next_cursor: string | null;
                        offset: number;
                    };
                };
            };
            /** @description Not modified: the answer matching If-None-Match is still current */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad filter, offset above 1,000, or a cursor not for this sort */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The access token sent is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description include_inactive by a non-admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "post /products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    category_id?: string | null;
                    currency_code?: string;
                    description?: string | null;
                    handle?: string;
                    is_active?: boolean;
                    name: string;
                    price: string | number;
                    stock_quantity?: number;
                    tags?: string[];
                };
            };
        };
        responses: {
            /** @description The product */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        category: {
                            handle: string;
                            id: string;
                            name: string;
                        } | null;
                        category_id: string | null;
                        created_at: string;
                        currency_code: string | null;
                        description: string | null;
                        handle: string;
                        id: string;
                        images: {
                            id: string;
                            url: string;
                        }[];
                        in_stock: boolean;
                        is_active: boolean;
                        name: string;
                        /** @description Decimal string in major units, e.g. "19.99" */
                        price: string | null;
                        rating_average: number | null;
                        review_count: number;
                        /** @description Units available (stocked − reserved) */
                        stock_quantity: number | null;
                        tags: string[];
                        updated_at: string;
                    };
                };
            };
            /** @description Invalid input; `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in, but not as an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown category */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Handle taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "get /products/:id": {
        parameters: {
            query?: {
                fields?: string;
            };
            header?: {
                /** @description The ETag of an answer the client holds: 304 without a body when it is still current */
                "If-None-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The product */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        category: {
                            handle: string;
                            id: string;
                            name: string;
                        } | null;
                        category_id: string | null;
                        created_at: string;
                        currency_code: string | null;
                        description: string | null;
                        handle: string;
                        id: string;
                        images: {
                            id: string;
                            url: string;
                        }[];
                        in_stock: boolean;
                        is_active: boolean;
                        name: string;
                        /** @description Decimal string in major units, e.g. "19.99" */
                        price: string | null;
                        rating_average: number | null;
                        review_count: number;
                        /** @description Units available (stocked − reserved) */
                        stock_quantity: number | null;
                        tags: string[];
                        updated_at: string;
                    };
                };
            };
            /** @description Not modified: the answer matching If-None-Match is still current */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The access token sent is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown, deleted, or inactive for a non-admin */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "put /products/:id": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    category_id?: string | null;
                    currency_code?: string;
                    description?: string | null;
                    handle?: string;
                    is_active?: boolean;
                    name?: string;
                    price?: string | number;
                    stock_adjustment?: number;
                    stock_quantity?: number;
                    tags?: string[];
                };
            };
        };
        responses: {
            /** @description The product */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        category: {
                            handle: string;
                            id: string;
                            name: string;
                        } | null;
                        category_id: string | null;
                        created_at: string;
                        currency_code: string | null;
                        description: string | null;
                        handle: string;
                        id: string;
                        images: {
                            id: string;
                            url: string;
                        }[];
                        in_stock: boolean;
                        is_active: boolean;
                        name: string;
                        /** @description Decimal string in major units, e.g. "19.99" */
                        price: string | null;
                        rating_average: number | null;
                        review_count: number;
                        /** @description Units available (stocked − reserved) */
                        stock_quantity: number | null;
                        tags: string[];
                        updated_at: string;
                    };
                };
            };
            /** @description Invalid input; `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in, but not as an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown product or category */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Handle taken, or an adjustment below what is reserved */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "delete /products/:id": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in, but not as an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown product */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "post /products/:id/images": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** @description One or more image files (JPEG, PNG, WebP or GIF), recognised from their bytes */
                    file: string[];
                };
            };
        };
        responses: {
            /** @description All the product's images */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        images: {
                            id: string;
                            url: string;
                        }[];
                    };
                };
            };
            /** @description No file, or a field other than `file` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in, but not as an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown or deleted product */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An image is larger than PRODUCT_IMAGE_MAX_BYTES, or too many files */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not multipart, or a file that is not a JPEG, PNG, WebP or GIF */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "delete /products/:id/images/:image_id": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                image_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in, but not as an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown product, or an image that is not the product's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "get /products/:id/recommendations": {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Recommendations, best first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description Paid orders that held both (summed over the customer's purchases); null unless bought_together */
                            orders_together: number | null;
                            product: {
                                category: {
                                    handle: string;
                                    id: string;
                                    name: string;
                                } | null;
                                category_id: string | null;
                                created_at: string;
                                currency_code: string | null;
                                description: string | null;
                                handle: string;
                                id: string;
                                images: {
                                    id: string;
                                    url: string;
                                }[];
                                in_stock: boolean;
                                is_active: boolean;
                                name: string;
                                /** @description Decimal string in major units, e.g. "19.99" */
                                price: string | null;
                                rating_average: number | null;
                                review_count: number;
                                /** @description Units available (stocked − reserved) */
                                stock_quantity: number | null;
                                tags: string[];
                                updated_at: string;
                            };
                            /**
                             * @description bought_together: in paid orders with it (or with the customer's purchases); similar: same categories, tags or name words; popular: most bought; top_rated: best rated (no order history yet)
                             * @enum {string}
                             */
                            reason: "bought_together" | "similar" | "popular" | "top_rated";
                        }[];
                    };
                };
            };
            /** @description Invalid input; `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The access token sent is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown, deleted or inactive product */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "get /products/:id/reviews": {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                status?: "approved" | "pending" | "rejected" | "all";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of reviews and the product's rating */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                        items: {
                            author_name: string;
                            body: string;
                            created_at: string;
                            customer_id: string;
                            id: string;
                            product_id: string;
                            rating: number;
                            /** @enum {string} */
                            status: "pending" | "approved" | "rejected";
                            title: string;
                            updated_at: string;
                            verified_purchase: boolean;
                        }[];
                        limit: number;
                        offset: number;
                        rating_average: number | null;
                        review_count: number;
                    };
                };
            };
            /** @description Invalid input; `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The access token sent is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `status` other than approved from a non-admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown product, or unpublished (except to admins) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "post /products/:id/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                    rating: number;
                    title: string;
                };
            };
        };
        responses: {
            /** @description The review, pending moderation */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        author_name: string;
                        body: string;
                        created_at: string;
                        customer_id: string;
                        id: string;
                        product_id: string;
                        rating: number;
                        /** @enum {string} */
                        status: "pending" | "approved" | "rejected";
                        title: string;
                        updated_at: string;
                        verified_purchase: boolean;
                    };
                };
            };
            /** @description Invalid input; `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in, but not as a customer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown or unpublished product */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The customer has already reviewed this product */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "put /products/:id/reviews/:review_id": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                review_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    status: "approved" | "rejected";
                };
            };
        };
        responses: {
            /** @description The moderated review */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        author_name: string;
                        body: string;
                        created_at: string;
                        customer_id: string;
                        id: string;
                        product_id: string;
                        rating: number;
                        /** @enum {string} */
                        status: "pending" | "approved" | "rejected";
                        title: string;
                        updated_at: string;
                        verified_purchase: boolean;
                    };
                };
            };
            /** @description Invalid input; `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in, but not as an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown review, or a review of another product */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "delete /products/:id/reviews/:review_id": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                review_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in, but not as an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown review, or a review of another product */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "get /products/categories": {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of an answer the client holds: 304 without a body when it is still current */
                "If-None-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Root categories, children nested */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        categories: {
                            /** @description Child categories, each of this same shape, by rank */
                            children: {
                                [key: string]: unknown;
                            }[];
                            description: string | null;
                            handle: string;
                            id: string;
                            /** @description Admins only */
                            is_active?: boolean;
                            /** @description Admins only */
                            is_internal?: boolean;
                            name: string;
                            parent_id: string | null;
                            /** @description Published, not deleted products in the category or any category below it */
                            product_count: number;
                            rank: number;
                        }[];
                    };
                };
            };
            /** @description Not modified: the answer matching If-None-Match is still current */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The access token sent is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "post /products/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string | null;
                    handle?: string;
                    is_active?: boolean;
                    is_internal?: boolean;
                    name: string;
                    parent_id?: string | null;
                    rank?: number;
                };
            };
        };
        responses: {
            /** @description The category */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        created_at: string;
                        description: string | null;
                        handle: string;
                        id: string;
                        is_active: boolean;
                        is_internal: boolean;
                        name: string;
                        parent_id: string | null;
                        rank: number;
                        updated_at: string;
                    };
                };
            };
            /** @description Invalid input; `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in, but not as an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown parent_id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Handle taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "put /products/categories/:id": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string | null;
                    handle?: string;
                    is_active?: boolean;
                    is_internal?: boolean;
                    name?: string;
                    parent_id?: string | null;
                    rank?: number;
                };
            };
        };
        responses: {
            /** @description The category */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        created_at: string;
                        description: string | null;
                        handle: string;
                        id: string;
                        is_active: boolean;
                        is_internal: boolean;
                        name: string;
                        parent_id: string | null;
                        rank: number;
                        updated_at: string;
                    };
                };
            };
            /** @description Invalid input; `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in, but not as an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown category or parent_id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Handle taken, or a move under itself or one of its descendants */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "delete /products/categories/:id": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in, but not as an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown category */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The category has child categories */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "get /products/search": {
        parameters: {
            query: {
                category_id?: string;
                cursor?: string;
                fields?: string;
                in_stock?: "true" | "false";
                limit?: number;
                max_price?: string;
                min_price?: string;
                offset?: number;
                q: string;
                sort?: "relevance" | "newest" | "price_asc" | "price_desc" | "name" | "rating";
                tag?: string;
            };
            header?: {
                /** @description The ETag of an answer the client holds: 304 without a body when it is still current */
                "If-None-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of matches, best first, with category and price-range counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                        /** @description true: more products match than `count` says (counting stops at a cap) */
                        count_capped: boolean;
                        /** @description Over every match, or the first ones when count_capped */
                        facets: {
                            categories: {
                                category_id: string;
                                count: number;
                            }[];
                            price_ranges: {
                                count: number;
                                max: string | null;
                                min: string;
                            }[];
                        };
                        items: {
                            category: {
                                handle: string;
                                id: string;
                                name: string;
                            } | null;
                            category_id: string | null;
                            created_at: string;
                            currency_code: string | null;
                            description: string | null;
                            handle: string;
                            id: string;
                            images: {
                                id: string;
                                url: string;
                            }[];
                            in_stock: boolean;
                            is_active: boolean;
                            name: string;
                            /** @description Decimal string in major units, e.g. "19.99" */
                            price: string | null;
                            rating_average: number | null;
                            review_count: number;
                            /** @description Units available (stocked − reserved) */
                            stock_quantity: number | null;
                            tags: string[];
                            updated_at: string;
                        }[];
                        limit: number;
                        /** @description Pass as `cursor` (same sort) for the next page; null on the last page */
                        next_cursor: string | null;
                        offset: number;
                    };
                };
            };
            /** @description Not modified: the answer matching If-None-Match is still current */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The access token sent is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "get /ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready to serve */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checks: {
                            database: {
                                error?: string;
                                latency_ms: number;
                                /** @enum {string} */
                                status: "up" | "down";
                            };
                            redis?: {
                                error?: string;
                                latency_ms: number;
                                /** @enum {string} */
                                status: "up" | "down";
                            };
                        };
                        /** @enum {string} */
                        status: "ready" | "unavailable";
                    };
                };
            };
            /** @description The access token sent is invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is down; `checks` says which */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checks: {
                            database: {
                                error?: string;
                                latency_ms: number;
                                /** @enum {string} */
                                status: "up" | "down";
                            };
                            redis?: {
                                error?: string;
                                latency_ms: number;
                                /** @enum {string} */
                                status: "up" | "down";
                            };
                        };
                        /** @enum {string} */
                        status: "ready" | "unavailable";
                    };
                };
            };
        };
    };
    "get /users": {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of users */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                        items: {
                            created_at: string;
                            email: string;
                            email_verified: boolean;
                            first_name: string | null;
                            id: string;
                            is_active: boolean;
                            is_admin: boolean;
                            last_name: string | null;
                            preferences: {
                                [key: string]: unknown;
                            };
                            updated_at: string;
                            username: string | null;
                        }[];
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description Invalid input; `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in, but not as an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "get /users/:id": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        created_at: string;
                        email: string;
                        email_verified: boolean;
                        first_name: string | null;
                        id: string;
                        is_active: boolean;
                        is_admin: boolean;
                        last_name: string | null;
                        preferences: {
                            [key: string]: unknown;
                        };
                        updated_at: string;
                        username: string | null;
                    };
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "put /users/:id": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    first_name?: string | null;
                    is_active?: boolean;
                    is_admin?: boolean;
                    last_name?: string | null;
                    preferences?: {
                        currency?: string;
                        locale?: string;
                        marketing_opt_in?: boolean;
                        notification_channels?: ("email" | "sms" | "push")[];
                    };
                    username?: string;
                };
            };
        };
        responses: {
            /** @description The updated user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        created_at: string;
                        email: string;
                        email_verified: boolean;
                        first_name: string | null;
                        id: string;
                        is_active: boolean;
                        is_admin: boolean;
                        last_name: string | null;
                        preferences: {
                            [key: string]: unknown;
                        };
                        updated_at: string;
                        username: string | null;
                    };
                };
            };
            /** @description Invalid input; `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A customer sent is_active or is_admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Username taken, or a role change (admins are invited) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "delete /users/:id": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "get /users/:id/orders": {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of orders */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                        items: {
                            billing_address: {
                                address_1: string | null;
                                address_2: string | null;
                                city: string | null;
                                company: string | null;
                                country_code: string | null;
                                first_name: string | null;
                                last_name: string | null;
                                phone: string | null;
                                postal_code: string | null;
                                province: string | null;
                            } | null;
                            created_at: string;
                            currency_code: string;
                            discount: string;
                            display_id: number;
                            email: string | null;
                            hold_expires_at: string | null;
                            id: string;
                            item_count: number;
                            items: {
                                id: string;
                                line_total: string;
                                name: string;
                                product_id: string | null;
                                quantity: number;
                                thumbnail: string | null;
                                unit_price: string;
                                variant_id: string | null;
                            }[];
                            payment: {
                                amount: string;
                                captured: string;
                                currency_code: string;
                                id: string | null;
                                payment_collection_id: string;
                                provider: string | null;
                                refunded: string;
                                status: string;
                            } | null;
                            shipping: string;
                            shipping_address: {
                                address_1: string | null;
                                address_2: string | null;
                                city: string | null;
                                company: string | null;
                                country_code: string | null;
                                first_name: string | null;
                                last_name: string | null;
                                phone: string | null;
                                postal_code: string | null;
                                province: string | null;
                            } | null;
                            shipping_method: string | null;
                            /** @enum {string} */
                            status: "pending" | "paid" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded" | "partially_refunded";
                            status_history: {
                                actor_id: string | null;
                                /** @enum {string} */
                                actor_type: "customer" | "admin" | "system";
                                at: string;
                                from: ("pending" | "paid" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded" | "partially_refunded") | null;
                                note: string | null;
                                /** @enum {string} */
                                to: "pending" | "paid" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded" | "partially_refunded";
                            }[];
                            subtotal: string;
                            tax: string;
                            total: string;
                            updated_at: string;
                            user_id: string | null;
                        }[];
                        limit: number;
                        offset: number;
                    };
                };
            };
            /** @description Invalid input; `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "get /users/:id/recommendations": {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Recommendations, best first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description Paid orders that held both (summed over the customer's purchases); null unless bought_together */
                            orders_together: number | null;
                            product: {
                                category: {
                                    handle: string;
                                    id: string;
                                    name: string;
                                } | null;
                                category_id: string | null;
                                created_at: string;
                                currency_code: string | null;
                                description: string | null;
                                handle: string;
                                id: string;
                                images: {
                                    id: string;
                                    url: string;
                                }[];
                                in_stock: boolean;
                                is_active: boolean;
                                name: string;
                                /** @description Decimal string in major units, e.g. "19.99" */
                                price: string | null;
                                rating_average: number | null;
                                review_count: number;
                                /** @description Units available (stocked − reserved) */
                                stock_quantity: number | null;
                                tags: string[];
                                updated_at: string;
                            };
                            /**
                             * @description bought_together: in paid orders with it (or with the customer's purchases); similar: same categories, tags or name words; popular: most bought; top_rated: best rated (no order history yet)
                             * @enum {string}
                             */
                            reason: "bought_together" | "similar" | "popular" | "top_rated";
                        }[];
                    };
                };
            };
            /** @description Invalid input; `errors` lists each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited; see Retry-After and RateLimit-* headers */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
