// The API reference (Swagger UI, served from this host) over gaiko's own OpenAPI document.
window.SwaggerUIBundle({ url: "/api/v1/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
