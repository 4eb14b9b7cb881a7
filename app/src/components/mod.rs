//! Building blocks every page uses: page metadata, the page loader with its 404 and
//! error pages, breadcrumbs and pagination.

pub mod admin;
pub mod browser;
pub mod client;
pub mod form;
pub mod language;
pub mod meta;
pub mod nav;
pub mod page;
pub mod params;

pub use admin::admin_content;
pub use client::ClientHead;
pub use form::{form_done, form_error};
pub use language::LanguageSwitch;
pub use meta::PageMeta;
pub use nav::{Breadcrumb, Pagination, members_mark};
pub use page::{
    ErrorPage, NotFoundPage, SiteResource, page_loader, paragraphs, urlencode, use_site,
};
pub use params::{id_param, slug_and_page};
