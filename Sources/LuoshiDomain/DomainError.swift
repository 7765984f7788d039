import Foundation

/// The one error type inside Luoshi: a stable code, a message in both languages and, where the
/// problem is in the input, the field (or row) that caused it.
public struct DomainError: Error, Sendable, Hashable, CustomStringConvertible {
    public struct Code: RawRepresentable, Sendable, Hashable, Codable {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        public static let invalidField = Code(rawValue: "invalid_field")
        public static let missingField = Code(rawValue: "missing_field")
        public static let duplicate = Code(rawValue: "duplicate")
        public static let unknownReference = Code(rawValue: "unknown_reference")
        public static let notFound = Code(rawValue: "not_found")
        public static let conflict = Code(rawValue: "conflict")
        public static let alreadyExists = Code(rawValue: "already_exists")
        public static let badRequest = Code(rawValue: "bad_request")
    }

    public var code: Code
    public var message: LocalizedText
    public var field: String?

    public init(_ code: Code, zh: String, en: String, field: String? = nil) {
        self.code = code
        self.message = LocalizedText(zh: zh, en: en)
        self.field = field
    }

    public var description: String {
        let location = field.map { " [\($0)]" } ?? ""
        return "\(code.rawValue)\(location): \(message.zh) / \(message.en)"
    }
}

extension DomainError {
    public static func missing(_ field: String, zh: String, en: String) -> DomainError {
        DomainError(.missingField, zh: zh, en: en, field: field)
    }

    public static func invalid(_ field: String, zh: String, en: String) -> DomainError {
        DomainError(.invalidField, zh: zh, en: en, field: field)
    }

    public static func notFound(_ field: String, zh: String, en: String) -> DomainError {
        DomainError(.notFound, zh: zh, en: en, field: field)
    }
}

extension DomainError {
    public static func planNotFound(_ id: UUID) -> DomainError {
        .notFound("planID", zh: "方案不存在：\(id.uuidString.lowercased())", en: "No plan with id \(id.uuidString.lowercased())")
    }
    public static func taskNotFound(_ id: UUID) -> DomainError {
        .notFound("taskID", zh: "任务不存在：\(id.uuidString.lowercased())", en: "No task with id \(id.uuidString.lowercased())")
    }
    public static func unitNotFound(_ id: UUID) -> DomainError {
        .notFound("unitID", zh: "单位不存在：\(id.uuidString.lowercased())", en: "No unit with id \(id.uuidString.lowercased())")
    }
    public static func leaderNotFound(_ id: UUID) -> DomainError {
        .notFound("leaderID", zh: "县领导不存在：\(id.uuidString.lowercased())", en: "No leader with id \(id.uuidString.lowercased())")
    }
    public static func partNotFound(_ number: Int) -> DomainError {
        .notFound("number", zh: "方案中没有第 \(number) 部分", en: "The plan has no part \(number)")
    }
}

extension DomainError.Code {
    public static let signInRequired = DomainError.Code(rawValue: "sign_in_required")
    public static let forbidden = DomainError.Code(rawValue: "forbidden")
    public static let passwordChangeRequired = DomainError.Code(rawValue: "password_change_required")
    public static let locked = DomainError.Code(rawValue: "account_locked")
    public static let invalidCredentials = DomainError.Code(rawValue: "invalid_credentials")
    public static let tooManyAttempts = DomainError.Code(rawValue: "too_many_attempts")
    public static let csrf = DomainError.Code(rawValue: "csrf_failed")
    public static let payloadTooLarge = DomainError.Code(rawValue: "payload_too_large")
}

extension DomainError {
    public static let signInRequired = DomainError(.signInRequired, zh: "请先登录", en: "Please sign in first")
    public static let forbidden = DomainError(.forbidden, zh: "您没有执行此操作的权限", en: "You are not allowed to do this")
    public static let passwordChangeRequired = DomainError(
        .passwordChangeRequired, zh: "请先修改密码后再继续", en: "Please change your password before you continue")
    /// The same message whether the username exists or not.
    public static let invalidCredentials = DomainError(
        .invalidCredentials, zh: "用户名或密码不正确", en: "The username or password is not correct")
    public static let accountLocked = DomainError(
        .locked, zh: "登录失败次数过多，账号已临时锁定，请稍后再试或联系安全管理员",
        en: "Too many failed sign-ins: the account is locked for a while; try again later or ask the security administrator")
    public static let tooManyAttempts = DomainError(
        .tooManyAttempts, zh: "此地址登录失败次数过多，请稍后再试", en: "Too many failed sign-ins from this address; try again later")
    public static let csrfFailed = DomainError(
        .csrf, zh: "表单已过期或来源不明，请刷新页面后重试", en: "The form has expired or did not come from this site; reload the page and try again")
}

extension DomainError {
    /// Optimistic locking: someone saved the same object since this form was opened.
    public static let staleEdit = DomainError(
        .conflict, zh: "该内容已被他人修改，请刷新页面后重新编辑", en: "Someone else changed this since you opened it; reload and edit again",
        field: "version")

    /// A stale edit that names the version now stored, so an API client can fetch it and retry.
    public static func staleEdit(current: Int) -> DomainError {
        DomainError(.conflict, zh: "该内容已被他人修改（当前版本 \(current)），请刷新页面后重新编辑",
                    en: "Someone else changed this since you opened it (the current version is \(current)); reload and edit again",
                    field: "version")
    }
}
