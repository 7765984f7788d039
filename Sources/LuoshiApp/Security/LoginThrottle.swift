import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Per-address throttle on failed sign-ins, in front of the per-account lock: an address with
/// too many failures in the window is refused before any password is checked. Kept in memory
/// per instance (a shared limit would live in the database or a proxy).
final class LoginThrottle: Sendable {
    let maximumFailures: Int
    let window: TimeInterval
    private let failures = NIOLockedValueBox<[String: [Date]]>([:])

    init(maximumFailures: Int = 20, window: TimeInterval = 15 * 60) {
        self.maximumFailures = maximumFailures
        self.window = window
    }

    func isBlocked(_ address: String, now: Date) -> Bool {
        failures.withLockedValue { table in
            let recent = (table[address] ?? []).filter { now.timeIntervalSince($0) < window }
            table[address] = recent.isEmpty ? nil : recent
            return recent.count >= maximumFailures
        }
    }

    func recordFailure(_ address: String, now: Date) {
        failures.withLockedValue { table in
            if table.count > 100_000 { table.removeAll() }
            table[address, default: []].append(now)
        }
    }

    func reset(_ address: String) {
        failures.withLockedValue { $0[address] = nil }
    }
}

extension Application {
    private struct LoginThrottleKey: StorageKey { typealias Value = LoginThrottle }

    var loginThrottle: LoginThrottle {
        if let existing = storage[LoginThrottleKey.self] { return existing }
        let throttle = LoginThrottle()
        storage[LoginThrottleKey.self] = throttle
        return throttle
    }
}
