//! The client's address, for the per-address limits: the connection's own, or, when
//! the connection comes from a proxy named in `trusted_proxies` (toasoan.toml; the load
//! balancer in front of several servers), the address that proxy vouches for in
//! `X-Forwarded-For`. A header from anyone else is ignored: a reader cannot choose the
//! address they are counted under.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use toasoan_app::core::state::ClientAddr;

/// The client of a request from `peer` with the `X-Forwarded-For` value `forwarded`:
/// reading the list from the right, the first address that is not a trusted proxy.
pub fn client_ip(peer: IpAddr, forwarded: Option<&str>, trusted: &[IpAddr]) -> IpAddr {
    if !trusted.contains(&peer) {
        return peer;
    }
    let Some(list) = forwarded else {
        return peer;
    };
    let mut client = peer;
    for hop in list.rsplit(',') {
        match hop.trim().parse::<IpAddr>() {
            Ok(ip) => {
                client = ip;
                if !trusted.contains(&ip) {
                    break;
                }
            }
            // a malformed entry: what is left of it is not vouched for
            Err(_) => break,
        }
    }
    client
}

/// Puts the request's `ClientAddr` into its extensions ("unknown" without a connection).
pub fn note(req: &mut Request, trusted: &[IpAddr]) {
    let addr = match req.extensions().get::<ConnectInfo<SocketAddr>>() {
        Some(c) => {
            let forwarded = req
                .headers()
                .get("x-forwarded-for")
                .and_then(|v| v.to_str().ok());
            client_ip(c.0.ip(), forwarded, trusted).to_string()
        }
        None => "unknown".into(),
    };
    req.extensions_mut().insert(ClientAddr(addr));
}

/// Middleware: `note` for every request.
pub async fn record(
    State(trusted): State<Arc<Vec<IpAddr>>>,
    mut req: Request,
    next: Next,
) -> Response {
    note(&mut req, &trusted);
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn only_a_trusted_proxy_names_the_client() {
        let proxy = [ip("10.0.0.2")];
        assert_eq!(
            client_ip(ip("203.0.113.9"), Some("1.2.3.4"), &proxy),
            ip("203.0.113.9"),
            "a reader's own header is ignored"
        );
        assert_eq!(
            client_ip(ip("10.0.0.2"), Some("1.2.3.4"), &proxy),
            ip("1.2.3.4")
        );
        assert_eq!(client_ip(ip("10.0.0.2"), None, &proxy), ip("10.0.0.2"));
        assert_eq!(
            client_ip(ip("10.0.0.2"), Some("1.2.3.4"), &[]),
            ip("10.0.0.2")
        );
    }

    #[test]
    fn the_first_untrusted_hop_from_the_right_is_the_client() {
        let proxies = [ip("10.0.0.2"), ip("10.0.0.3")];
        // the reader forged "6.6.6.6"; their real address is what the first proxy saw
        assert_eq!(
            client_ip(ip("10.0.0.2"), Some("6.6.6.6, 1.2.3.4, 10.0.0.3"), &proxies),
            ip("1.2.3.4")
        );
        assert_eq!(
            client_ip(ip("10.0.0.2"), Some("garbage, 1.2.3.4"), &proxies),
            ip("1.2.3.4")
        );
        assert_eq!(
            client_ip(ip("10.0.0.2"), Some("10.0.0.3"), &proxies),
            ip("10.0.0.3"),
            "only proxies: the last one named"
        );
    }
}
