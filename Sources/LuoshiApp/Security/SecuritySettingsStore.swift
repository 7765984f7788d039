import Fluent
import Foundation
import LuoshiDomain
import NIOConcurrencyHelpers
import Vapor

/// The security settings, read from the database once and kept until the security
/// administrator changes them.
final class SecuritySettingsStore: Sendable {
    private let cached = NIOLockedValueBox<SecuritySettings?>(nil)

    func current(_ database: any Database) async throws -> SecuritySettings {
        if let settings = cached.withLockedValue({ $0 }) { return settings }
        let settings = try await SecuritySettingsModel.find(SecuritySettingsModel.singletonID, on: database)?.settings ?? .standard
        cached.withLockedValue { $0 = settings }
        return settings
    }

    func invalidate() { cached.withLockedValue { $0 = nil } }
}

extension SecuritySettingsModel {
    var settings: SecuritySettings {
        SecuritySettings(
            password: PasswordPolicy(minimumLength: passwordMinLength, minimumClasses: passwordMinClasses, expiryDays: passwordExpiryDays),
            lockout: LockoutPolicy(maximumFailures: lockoutFailures, lockDuration: TimeInterval(lockoutMinutes * 60)),
            session: SessionPolicy(idleTimeout: TimeInterval(sessionIdleMinutes * 60), absoluteTimeout: TimeInterval(sessionAbsoluteMinutes * 60)),
            auditRetentionDays: auditRetentionDays)
    }

    func apply(_ settings: SecuritySettings) {
        passwordMinLength = settings.password.minimumLength
        passwordMinClasses = settings.password.minimumClasses
        passwordExpiryDays = settings.password.expiryDays
        lockoutFailures = settings.lockout.maximumFailures
        lockoutMinutes = Int(settings.lockout.lockDuration / 60)
        sessionIdleMinutes = Int(settings.session.idleTimeout / 60)
        sessionAbsoluteMinutes = Int(settings.session.absoluteTimeout / 60)
        auditRetentionDays = settings.auditRetentionDays
    }
}

extension Application {
    private struct SecuritySettingsKey: StorageKey { typealias Value = SecuritySettingsStore }

    var securitySettings: SecuritySettingsStore {
        if let existing = storage[SecuritySettingsKey.self] { return existing }
        let store = SecuritySettingsStore()
        storage[SecuritySettingsKey.self] = store
        return store
    }
}
