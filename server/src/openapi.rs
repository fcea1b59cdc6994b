//! The OpenAPI document of the REST API, generated from the handlers and
//! the domain's types, served at `/api/openapi.json`.

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(title = "Telecom X MVNO API", description = "Create and read MVNO accounts. Errors: {\"error\": {code, message, status, path}}."),
    paths(
        crate::rest::login,
        crate::rest::logout,
        crate::rest::list_customers,
        crate::rest::create_mvno,
        crate::rest::list_mvno,
        crate::rest::get_mvno,
        crate::rest::check_number,
        crate::rest::get_porting,
        crate::rest::update_porting,
        crate::rest::list_numbers,
        crate::rest::sim_stock,
        crate::rest::list_sims,
        crate::rest::list_products,
    ),
    modifiers(&Bearer)
)]
pub struct ApiDoc;

struct Bearer;

impl Modify for Bearer {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The document as JSON.
pub fn document() -> serde_json::Value {
    serde_json::to_value(ApiDoc::openapi()).expect("the OpenAPI document serialises")
}
