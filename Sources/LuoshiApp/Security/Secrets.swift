import Crypto
import Foundation
import NIOCore

/// Random tokens and their stored digests. Tokens leave the server once (a cookie, a printed
/// password, a personal access token); only SHA-256 digests are stored.
enum Secrets {
    /// 32 random bytes, base64url without padding (43 characters).
    static func token() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func sha256Hex(_ text: String) -> String { hex(SHA256.hash(data: Data(text.utf8))) }

    static func sha256Hex(data: ByteBuffer) -> String { hex(SHA256.hash(data: data.readableBytesView)) }

    private static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex = [UInt8]()
        hex.reserveCapacity(64)
        for byte in digest {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// A one-time password that satisfies the default policy: 16 characters from four classes,
    /// without look-alike characters.
    static func oneTimePassword() -> String {
        let lower = Array("abcdefghijkmnpqrstuvwxyz"), upper = Array("ABCDEFGHJKLMNPQRSTUVWXYZ")
        let digits = Array("23456789"), symbols = Array("#%+=@^_-")
        var generator = SystemRandomNumberGenerator()
        var characters = [lower, upper, digits, symbols].map { $0.randomElement(using: &generator)! }
        let all = lower + upper + digits + symbols
        while characters.count < 16 { characters.append(all.randomElement(using: &generator)!) }
        return String(characters.shuffled(using: &generator))
    }

    /// Constant-time comparison for tokens.
    static func equal(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.utf8), b = Array(rhs.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
