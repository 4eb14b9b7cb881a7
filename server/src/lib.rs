//! Tòa Soạn's server: command line, configuration, database, the axum application and
//! the content tools (import, demo). It holds no UI: pages come from `toasoan-app`.
#![recursion_limit = "256"]

pub mod cli;
pub mod client_addr;
pub mod client_files;
pub mod config;
pub mod contest_export;
pub mod db;
pub mod demo;
pub mod demo_contests;
pub mod demo_documents;
pub mod demo_feedback;
pub mod demo_pdf;
pub mod demo_questions;
pub mod demo_stats;
pub mod document_files;
pub mod fast_path;
pub mod feedback_form;
pub mod form_errors;
pub mod import;
pub mod in_context;
pub mod jobs;
pub mod logging;
pub mod media;
pub mod page_cache;
pub mod pictures;
pub mod qr_codes;
pub mod render_pool;
pub mod sample;
pub mod search_index;
pub mod site;
pub mod user_admin;
pub mod visit_block;
pub mod wal;
pub mod web;
