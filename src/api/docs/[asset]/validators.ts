/** The files of swagger-ui-dist that /docs serves; anything else is a 404. */
export const SWAGGER_ASSETS = ["swagger-ui.css", "swagger-ui-bundle.js", "favicon-32x32.png"]
