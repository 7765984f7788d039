import Fluent
import Foundation
import LuoshiDomain
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// The security settings, read from the database once per `accounts` data version: a change by
/// the security administrator on any instance moves the version and the next request reads them.
final class SecuritySettingsStore: Sendable {
    private let versions: DataVersionWatcher
    private let cached = VersionedValue<SecuritySettings>()

    init(versions: DataVersionWatcher) {
        self.versions = versions
    }

    func current(_ database: any Database) async throws -> SecuritySettings {
        let stamp = try await versions.stamp(database as! any SQLDatabase).restricted(to: [.accounts])
        if let kept = cached.kept(for: stamp) { return kept }
        return try await cached.value(for: stamp) {
            try await SecuritySettingsModel.find(SecuritySettingsModel.singletonID, on: database)?.settings ?? .standard
        }
    }
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
        let store = SecuritySettingsStore(versions: dataVersions)
        storage[SecuritySettingsKey.self] = store
        return store
    }
}
