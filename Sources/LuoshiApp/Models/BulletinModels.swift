import Fluent
import Foundation
import LuoshiDomain

/// 月通报: one issue (or draft) of a jurisdiction's bulletin for a round. The numbers live in the
/// frozen `snapshot`; a published bulletin is never written again.
final class BulletinModel: Model, @unchecked Sendable {
    static let schema = "bulletins"

    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_id") var plan: PlanModel
    @Field(key: "round_id") var roundID: UUID
    @Field(key: "jurisdiction_code") var jurisdictionCode: String
    @Field(key: "year") var year: Int
    /// 第N期, given at publication.
    @OptionalField(key: "issue_number") var issueNumber: Int?
    @Field(key: "status") var status: Bulletin.Status
    /// The published bulletin this one corrects.
    @OptionalField(key: "corrects_id") var correctsID: UUID?
    /// `Bulletin.Snapshot` as JSON.
    @Field(key: "snapshot") var snapshotJSON: String
    @Field(key: "title") var title: String
    @Field(key: "intro") var intro: String
    @Field(key: "praise") var praise: String
    @Field(key: "requirements") var requirements: String
    @Field(key: "internal_note") var internalNote: String
    @Field(key: "issuer") var issuer: String
    @Field(key: "signed_on") var signedOn: String
    /// The Word file, written once at publication.
    @OptionalField(key: "docx") var docx: Data?
    @OptionalField(key: "docx_sha256") var docxSHA256: String?
    @Field(key: "created_by") var createdBy: String
    @OptionalField(key: "published_by") var publishedBy: String?
    @OptionalField(key: "published_at") var publishedAt: Date?
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var texts: Bulletin.Texts {
        Bulletin.Texts(title: title, intro: intro, praise: praise, requirements: requirements, internalNote: internalNote, issuer: issuer,
                       // A stored row always has its date; a bad one falls back to the row's creation, never to the wall clock.
                       signedOn: CalendarDate(iso: signedOn) ?? CalendarDate(date: createdAt ?? .distantPast))
    }

    func setTexts(_ texts: Bulletin.Texts) {
        title = texts.title
        intro = texts.intro
        praise = texts.praise
        requirements = texts.requirements
        internalNote = texts.internalNote
        issuer = texts.issuer
        signedOn = texts.signedOn.iso
    }
}
