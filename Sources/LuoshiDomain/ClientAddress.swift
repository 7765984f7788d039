import Foundation

/// Which address a request comes from, when the server sits behind proxies it trusts (nginx in
/// front of several instances). Only a trusted peer's `X-Forwarded-For` is believed, and only
/// from the right: each trusted proxy appends the address it saw, so the first address from the
/// right that is not a trusted proxy is the client. Anything a client wrote to the left is
/// ignored, so a forged header cannot escape the sign-in throttle.
public enum ClientAddress {
    public static func resolve(peer: String?, forwardedFor: [String], trustedProxies: Set<String>) -> String {
        guard let peer else { return "unknown" }
        guard trustedProxies.contains(peer) else { return peer }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        for hop in hops.reversed() where !trustedProxies.contains(hop) {
            return isPlausibleAddress(hop) ? hop : peer
        }
        return peer
    }

    /// Whether the client reached us over TLS: the deployment says it is served over HTTPS, or a
    /// trusted proxy says this request came in as `https` (`X-Forwarded-Proto`). An untrusted
    /// peer's header is ignored: it could only be a client pretending.
    public static func arrivedOverTLS(deploymentIsHTTPS: Bool, peer: String?, forwardedProto: [String], trustedProxies: Set<String>) -> Bool {
        if deploymentIsHTTPS { return true }
        guard let peer, trustedProxies.contains(peer) else { return false }
        let first = forwardedProto.flatMap { $0.split(separator: ",") }.first?.trimmingCharacters(in: .whitespaces).lowercased()
        return first == "https"
    }

    /// Whether `text` can name a trusted proxy (an address, as for a hop).
    public static func isTrustableProxy(_ text: String) -> Bool { isPlausibleAddress(text) }

    /// Digits, hex letters, dots and colons, at most 45 characters (an IPv4 or IPv6 address).
    static func isPlausibleAddress(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 45 && text.allSatisfy { $0.isHexDigit || $0 == "." || $0 == ":" }
    }
}
