import Foundation

/// Password rules (GB/T 22239-2019 asks for complexity; these are common practice), configurable.
public struct PasswordPolicy: Sendable, Hashable, Codable {
    public var minimumLength: Int
    /// How many of lower case, upper case, digits and symbols a password must mix.
    public var minimumClasses: Int
    /// Days until a password must be changed; nil: never expires.
    public var expiryDays: Int?
    public static let maximumLength = 256

    public init(minimumLength: Int = 8, minimumClasses: Int = 3, expiryDays: Int? = 90) {
        self.minimumLength = minimumLength
        self.minimumClasses = minimumClasses
        self.expiryDays = expiryDays
    }

    public static let standard = PasswordPolicy()

    /// The rules as a person reads them.
    public var explanation: LocalizedText {
        LocalizedText(
            zh: "密码至少 \(minimumLength) 位，需包含小写字母、大写字母、数字、符号中的至少 \(minimumClasses) 类，且不能包含用户名。"
                + (expiryDays.map { "密码每 \($0) 天需更换一次。" } ?? ""),
            en: "At least \(minimumLength) characters mixing at least \(minimumClasses) of lower case, upper case, digits and symbols, not containing the username."
                + (expiryDays.map { " Passwords must be changed every \($0) days." } ?? ""))
    }

    /// The problems with `password` for `username`, naming the field `password`.
    public func problems(password: String, username: String, field: String = "password") -> [DomainError] {
        var problems: [DomainError] = []
        if password.count > Self.maximumLength {
            problems.append(.invalid(field, zh: "密码不能超过 \(Self.maximumLength) 个字符", en: "A password has at most \(Self.maximumLength) characters"))
            return problems
        }
        if password.count < minimumLength {
            problems.append(.invalid(field, zh: "密码至少需要 \(minimumLength) 个字符", en: "A password needs at least \(minimumLength) characters"))
        }
        var classes = 0
        if password.contains(where: { $0.isLowercase }) { classes += 1 }
        if password.contains(where: { $0.isUppercase }) { classes += 1 }
        if password.contains(where: { $0.isNumber }) { classes += 1 }
        if password.contains(where: { !$0.isLetter && !$0.isNumber && !$0.isWhitespace }) { classes += 1 }
        if classes < minimumClasses {
            problems.append(.invalid(field, zh: "密码需包含小写字母、大写字母、数字、符号中的至少 \(minimumClasses) 类",
                                     en: "A password must mix at least \(minimumClasses) of lower case, upper case, digits and symbols"))
        }
        if !username.isEmpty, password.lowercased().contains(username.lowercased()) {
            problems.append(.invalid(field, zh: "密码不能包含用户名", en: "A password must not contain the username"))
        }
        return problems
    }

    /// Whether a password set at `changedAt` has expired at `now`.
    public func isExpired(changedAt: Date, now: Date) -> Bool {
        guard let days = expiryDays else { return false }
        return now.timeIntervalSince(changedAt) >= Double(days) * 86_400
    }
}

/// Login failure handling: lock an account after repeated failures.
public struct LockoutPolicy: Sendable, Hashable, Codable {
    public var maximumFailures: Int
    public var lockDuration: TimeInterval

    public init(maximumFailures: Int = 5, lockDuration: TimeInterval = 15 * 60) {
        self.maximumFailures = maximumFailures
        self.lockDuration = lockDuration
    }

    public static let standard = LockoutPolicy()

    public func isLocked(lockedUntil: Date?, now: Date) -> Bool {
        guard let lockedUntil else { return false }
        return now < lockedUntil
    }

    /// After one more failure: the new failure count and, when it reaches the limit, the lock's end.
    public func afterFailure(previousFailures: Int, now: Date) -> (failures: Int, lockedUntil: Date?) {
        let failures = previousFailures + 1
        return failures >= maximumFailures ? (0, now.addingTimeInterval(lockDuration)) : (failures, nil)
    }
}

/// Session lifetimes: log out after idle time and after an absolute time.
public struct SessionPolicy: Sendable, Hashable, Codable {
    public var idleTimeout: TimeInterval
    public var absoluteTimeout: TimeInterval

    public init(idleTimeout: TimeInterval = 15 * 60, absoluteTimeout: TimeInterval = 8 * 3600) {
        self.idleTimeout = idleTimeout
        self.absoluteTimeout = absoluteTimeout
    }

    public static let standard = SessionPolicy()

    public func isExpired(createdAt: Date, lastSeenAt: Date, now: Date) -> Bool {
        now.timeIntervalSince(lastSeenAt) >= idleTimeout || now.timeIntervalSince(createdAt) >= absoluteTimeout
    }
}

/// Everything the security administrator sets, with the defaults of common practice.
public struct SecuritySettings: Sendable, Hashable, Codable {
    public var password: PasswordPolicy
    public var lockout: LockoutPolicy
    public var session: SessionPolicy
    /// Audit rows are kept at least this long (the Cybersecurity Law asks six months).
    public var auditRetentionDays: Int

    public static let minimumAuditRetentionDays = 180

    public init(password: PasswordPolicy = .standard, lockout: LockoutPolicy = .standard,
                session: SessionPolicy = .standard, auditRetentionDays: Int = minimumAuditRetentionDays) {
        self.password = password
        self.lockout = lockout
        self.session = session
        self.auditRetentionDays = auditRetentionDays
    }

    public static let standard = SecuritySettings()

    /// The problems with changing `current` to `self`: values out of range, and audit retention
    /// may only grow.
    public func problems(changingFrom current: SecuritySettings) -> [DomainError] {
        var problems: [DomainError] = []
        func check(_ ok: Bool, _ field: String, _ zh: String, _ en: String) {
            if !ok { problems.append(.invalid(field, zh: zh, en: en)) }
        }
        check((8...64).contains(password.minimumLength), "passwordMinLength", "密码最小长度应在 8–64 之间", "Minimum password length must be 8–64")
        check((1...4).contains(password.minimumClasses), "passwordMinClasses", "字符类别数应在 1–4 之间", "Character classes must be 1–4")
        check(password.expiryDays.map { (1...3650).contains($0) } ?? true, "passwordExpiryDays", "密码有效期应在 1–3650 天之间，或不设", "Password expiry must be 1–3650 days, or off")
        check((3...20).contains(lockout.maximumFailures), "lockoutFailures", "锁定前失败次数应在 3–20 之间", "Failures before lock must be 3–20")
        check((1...1440).contains(Int(lockout.lockDuration / 60)), "lockoutMinutes", "锁定时长应在 1–1440 分钟之间", "Lock duration must be 1–1440 minutes")
        check((1...240).contains(Int(session.idleTimeout / 60)), "sessionIdleMinutes", "空闲超时应在 1–240 分钟之间", "Idle timeout must be 1–240 minutes")
        check((15...1440).contains(Int(session.absoluteTimeout / 60)) && session.absoluteTimeout >= session.idleTimeout,
              "sessionAbsoluteMinutes", "会话最长时长应在 15–1440 分钟之间，且不短于空闲超时", "Absolute session time must be 15–1440 minutes and not below the idle timeout")
        check(auditRetentionDays >= max(current.auditRetentionDays, Self.minimumAuditRetentionDays), "auditRetentionDays",
              "审计日志保存期只能延长，且不少于 \(Self.minimumAuditRetentionDays) 天", "Audit retention can only grow and is at least \(Self.minimumAuditRetentionDays) days")
        return problems
    }
}

extension SecuritySettings {
    /// "lockoutFailures 5→6, passwordExpiryDays 90→off" for the audit row.
    public static func changeSummary(from old: SecuritySettings, to new: SecuritySettings) -> String {
        func minutes(_ interval: TimeInterval) -> String { String(Int(interval / 60)) }
        let pairs: [(String, String, String)] = [
            ("passwordMinLength", String(old.password.minimumLength), String(new.password.minimumLength)),
            ("passwordMinClasses", String(old.password.minimumClasses), String(new.password.minimumClasses)),
            ("passwordExpiryDays", old.password.expiryDays.map(String.init) ?? "off", new.password.expiryDays.map(String.init) ?? "off"),
            ("lockoutFailures", String(old.lockout.maximumFailures), String(new.lockout.maximumFailures)),
            ("lockoutMinutes", minutes(old.lockout.lockDuration), minutes(new.lockout.lockDuration)),
            ("sessionIdleMinutes", minutes(old.session.idleTimeout), minutes(new.session.idleTimeout)),
            ("sessionAbsoluteMinutes", minutes(old.session.absoluteTimeout), minutes(new.session.absoluteTimeout)),
            ("auditRetentionDays", String(old.auditRetentionDays), String(new.auditRetentionDays)),
        ]
        let changes = pairs.filter { $0.1 != $0.2 }.map { "\($0.0) \($0.1)→\($0.2)" }
        return changes.isEmpty ? "no change" : changes.joined(separator: ", ")
    }
}
