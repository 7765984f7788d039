import LuoshiDomain
import Testing

@Suite("Client address behind trusted proxies")
struct ClientAddressTests {
    let proxy: Set<String> = ["127.0.0.1"]

    @Test func aDirectClientIsItsPeerWhateverItClaims() {
        #expect(ClientAddress.resolve(peer: "203.0.113.9", forwardedFor: ["10.0.0.1"], trustedProxies: proxy) == "203.0.113.9")
        #expect(ClientAddress.resolve(peer: "203.0.113.9", forwardedFor: [], trustedProxies: []) == "203.0.113.9")
        #expect(ClientAddress.resolve(peer: nil, forwardedFor: [], trustedProxies: proxy) == "unknown")
    }

    @Test func behindTheProxyTheRightmostUntrustedHopIsTheClient() {
        #expect(ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: ["198.51.100.7"], trustedProxies: proxy) == "198.51.100.7")
        // A client that forges a left-hand entry is still counted by the address nginx saw.
        #expect(ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: ["1.2.3.4, 198.51.100.7"], trustedProxies: proxy) == "198.51.100.7")
        #expect(ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: ["1.2.3.4", "198.51.100.7, 127.0.0.1"], trustedProxies: proxy) == "198.51.100.7")
        #expect(ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: ["2001:db8::1"], trustedProxies: proxy) == "2001:db8::1")
    }

    @Test func aMissingOrGarbledHeaderFallsBackToThePeer() {
        #expect(ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: [], trustedProxies: proxy) == "127.0.0.1")
        #expect(ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: ["<script>"], trustedProxies: proxy) == "127.0.0.1")
        #expect(ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: [" , "], trustedProxies: proxy) == "127.0.0.1")
    }

    @Test func tlsIsBelievedFromTheDeploymentOrFromATrustedProxyOnly() {
        #expect(ClientAddress.arrivedOverTLS(deploymentIsHTTPS: true, peer: nil, forwardedProto: [], trustedProxies: []))
        #expect(ClientAddress.arrivedOverTLS(deploymentIsHTTPS: false, peer: "127.0.0.1", forwardedProto: ["https"], trustedProxies: proxy))
        #expect(ClientAddress.arrivedOverTLS(deploymentIsHTTPS: false, peer: "127.0.0.1", forwardedProto: ["HTTPS, http"], trustedProxies: proxy))
        #expect(!ClientAddress.arrivedOverTLS(deploymentIsHTTPS: false, peer: "127.0.0.1", forwardedProto: ["http"], trustedProxies: proxy))
        #expect(!ClientAddress.arrivedOverTLS(deploymentIsHTTPS: false, peer: "127.0.0.1", forwardedProto: [], trustedProxies: proxy))
        // A client talking to us directly cannot claim TLS with a header.
        #expect(!ClientAddress.arrivedOverTLS(deploymentIsHTTPS: false, peer: "203.0.113.9", forwardedProto: ["https"], trustedProxies: proxy))
        #expect(!ClientAddress.arrivedOverTLS(deploymentIsHTTPS: false, peer: nil, forwardedProto: ["https"], trustedProxies: proxy))
    }
}
