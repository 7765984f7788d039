import Foundation
import NIOConcurrencyHelpers
import Vapor

/// The time, injected so tests can fix "now" and move it (lockouts, session timeouts).
final class AppClock: Sendable {
    private let offset = NIOLockedValueBox<TimeInterval>(0)
    private let fixed = NIOLockedValueBox<Date?>(nil)

    var now: Date {
        if let fixed = fixed.withLockedValue({ $0 }) { return fixed }
        return Date().addingTimeInterval(offset.withLockedValue { $0 })
    }

    /// Tests: stop the clock at `date`.
    func set(_ date: Date) { fixed.withLockedValue { $0 = date } }

    /// Tests: move the clock forward.
    func advance(by interval: TimeInterval) {
        fixed.withLockedValue { value in
            value = (value ?? Date()).addingTimeInterval(interval)
        }
    }
}

extension Application {
    private struct ClockKey: StorageKey { typealias Value = AppClock }

    var clock: AppClock {
        if let existing = storage[ClockKey.self] { return existing }
        let clock = AppClock()
        storage[ClockKey.self] = clock
        return clock
    }
}

extension Request {
    var now: Date { application.clock.now }
}
