//! Hydrate entry of the staff's client: the admin area's island (`pages::staff::AdminApp`,
//! built in with `toasoan-app`'s feature `staff`), started by the app's
//! `components::client::hydrate`. The admin pages load this client instead of the
//! reader's (`components::client::ClientHead`), so the reader's WASM carries none of
//! the admin area. Built by scripts/staff-client.sh after `cargo leptos build`.

// the islands and `hydrate` are exported from the app crate: linked only when named here
extern crate toasoan_app;
