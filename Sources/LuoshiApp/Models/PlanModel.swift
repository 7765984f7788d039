import Fluent
import Foundation
import LuoshiDomain

final class PlanModel: Model, @unchecked Sendable {
    static let schema = "plans"

    @ID(key: .id) var id: UUID?
    @Field(key: "jurisdiction_code") var jurisdictionCode: String
    @Field(key: "year") var year: Int
    @Field(key: "title") var title: String
    @Field(key: "status") var status: Plan.Status
    @OptionalField(key: "draft_on") var draftOn: String?
    @OptionalField(key: "consultation_on") var consultationOn: String?
    @OptionalField(key: "approved_on") var approvedOn: String?
    @OptionalField(key: "issued_on") var issuedOn: String?
    @OptionalField(key: "document_number") var documentNumber: String?
    @OptionalField(key: "index_number") var indexNumber: String?
    @Field(key: "issuing_body") var issuingBody: String
    @OptionalField(key: "report_approved_on") var reportApprovedOn: String?
    @OptionalField(key: "report_approved_by") var reportApprovedBy: String?
    @OptionalField(key: "approval_meeting") var approvalMeeting: String?
    @OptionalField(key: "notice_zh") var noticeZh: String?
    @OptionalField(key: "notice_en") var noticeEn: String?
    @OptionalField(key: "subject_words") var subjectWords: String?
    @Field(key: "disclosure_mode") var disclosureMode: Disclosure.Mode
    @OptionalField(key: "written_on") var writtenOn: String?
    @Field(key: "validity") var validity: Disclosure.Validity
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(_ plan: Plan) {
        id = plan.id
        jurisdictionCode = plan.jurisdictionCode
        year = plan.year
        title = plan.title
        status = plan.status
        draftOn = plan.stages.draft?.iso
        consultationOn = plan.stages.consultation?.iso
        approvedOn = plan.stages.approved?.iso
        issuedOn = plan.stages.issued?.iso
        documentNumber = plan.documentNumber
        indexNumber = plan.indexNumber
        issuingBody = plan.issuingBody
        reportApprovedOn = plan.reportApprovedOn?.iso
        reportApprovedBy = plan.reportApprovedBy
        approvalMeeting = plan.approvalMeeting
        noticeZh = plan.illustrativeNotice?.zh
        noticeEn = plan.illustrativeNotice?.en
        subjectWords = plan.subjectWords
        disclosureMode = plan.disclosureMode
        writtenOn = plan.writtenOn?.iso
        validity = plan.validity
        version = 1
    }
}

final class PartModel: Model, @unchecked Sendable {
    static let schema = "parts"

    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_id") var plan: PlanModel
    @Field(key: "number") var number: Int
    @Field(key: "title") var title: String
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(_ part: Part) {
        id = part.id
        $plan.id = part.planID
        number = part.number
        title = part.title
        version = 1
    }
}
