import Fluent
import Foundation
import LuoshiDomain

/// A reminder sent to a unit, once: `dedupeKey` is unique, so a reminder planned by two
/// instances (or two runs) is stored, and delivered, once.
final class ReminderModel: Model, @unchecked Sendable {
    static let schema = "reminders"

    @ID(key: .id) var id: UUID?
    @Field(key: "dedupe_key") var dedupeKey: String
    @Field(key: "kind") var kind: Reminders.Kind
    @Field(key: "jurisdiction_code") var jurisdictionCode: String
    @Field(key: "unit_id") var unitID: UUID
    @OptionalField(key: "round_id") var roundID: UUID?
    @OptionalField(key: "task_id") var taskID: UUID?
    @Field(key: "title_zh") var titleZh: String
    @Field(key: "title_en") var titleEn: String
    @Field(key: "body_zh") var bodyZh: String
    @Field(key: "body_en") var bodyEn: String
    @Field(key: "link") var link: String
    /// "scheduler" or the username of the office member who sent it.
    @Field(key: "sent_by") var sentBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var title: LocalizedText { LocalizedText(zh: titleZh, en: titleEn) }
    var body: LocalizedText { LocalizedText(zh: bodyZh, en: bodyEn) }
}

/// A reminder in one user's inbox.
final class NotificationModel: Model, @unchecked Sendable {
    static let schema = "notifications"

    @ID(key: .id) var id: UUID?
    @Parent(key: "reminder_id") var reminder: ReminderModel
    @Parent(key: "user_id") var user: UserModel
    @OptionalField(key: "read_at") var readAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// One email or webhook delivery of a reminder, retried with back-off until sent or given up.
final class DeliveryModel: Model, @unchecked Sendable {
    static let schema = "deliveries"

    enum Channel: String, Codable, Sendable { case email, webhook }
    enum Status: String, Codable, Sendable, CaseIterable { case pending, sent, failed }

    @ID(key: .id) var id: UUID?
    @Parent(key: "reminder_id") var reminder: ReminderModel
    @Field(key: "channel") var channel: Channel
    /// The email address or webhook URL.
    @Field(key: "target") var target: String
    @Field(key: "status") var status: Status
    @Field(key: "attempts") var attempts: Int
    /// Seconds since 1970: the delivery is tried at or after this time.
    @Field(key: "next_attempt_at") var nextAttemptAt: Double
    /// Seconds since 1970: an instance sending it holds it until then.
    @OptionalField(key: "claimed_until") var claimedUntil: Double?
    @Field(key: "last_error") var lastError: String
    @OptionalField(key: "sent_at") var sentAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// An evidence file attached to a progress report. The bytes are stored on disk under the
/// configured directory, named by this row's id.
final class AttachmentModel: Model, @unchecked Sendable {
    static let schema = "report_attachments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "report_id") var report: ProgressReportModel
    @Field(key: "file_name") var fileName: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "uploaded_by") var uploadedBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// The bytes of one evidence file kept in the database (its id is the attachment's or file's).
final class StoredFileModel: Model, @unchecked Sendable {
    static let schema = "stored_files"

    @ID(key: .id) var id: UUID?
    @Field(key: "data") var data: Data
    @Field(key: "size") var size: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(id: UUID, data: Data) {
        self.id = id
        self.data = data
        self.size = data.count
    }
}
