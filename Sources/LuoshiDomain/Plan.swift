import Foundation

/// One year's decomposition plan (重点工作任务分解方案).
public struct Plan: Sendable, Hashable, Identifiable {
    /// The lifecycle: 初稿 → 征求意见 → 审议通过 → 印发.
    public enum Status: String, Sendable, Codable, CaseIterable, Comparable {
        case draft, consultation, approved, issued

        public static func < (lhs: Status, rhs: Status) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// The date each stage was reached.
    public struct Stages: Sendable, Hashable, Codable {
        public var draft: CalendarDate?
        public var consultation: CalendarDate?
        public var approved: CalendarDate?
        public var issued: CalendarDate?

        public init(draft: CalendarDate? = nil, consultation: CalendarDate? = nil,
                    approved: CalendarDate? = nil, issued: CalendarDate? = nil) {
            self.draft = draft
            self.consultation = consultation
            self.approved = approved
            self.issued = issued
        }

        public func date(of status: Status) -> CalendarDate? {
            switch status {
            case .draft: draft
            case .consultation: consultation
            case .approved: approved
            case .issued: issued
            }
        }
    }

    public var id: UUID
    public var jurisdictionCode: String
    public var year: Int
    public var title: String
    public var status: Status
    public var stages: Stages
    /// 文号, e.g. 沂政办字〔2023〕6号.
    public var documentNumber: String?
    /// 索引号 on the disclosure page, e.g. yishuixfbgs/2023-0000196.
    public var indexNumber: String?
    /// 发布机构, the full name of the issuing body.
    public var issuingBody: String
    public var reportApprovedOn: CalendarDate?
    public var reportApprovedBy: String?
    public var approvalMeeting: String?
    /// Set for sample data: shown on every page that shows this plan.
    public var illustrativeNotice: LocalizedText?
    /// 主题词 of the disclosure metadata.
    public var subjectWords: String?
    /// 公开方式.
    public var disclosureMode: Disclosure.Mode
    /// 成文日期: the date the document was signed (the issue date when not given).
    public var writtenOn: CalendarDate?
    /// 有效性.
    public var validity: Disclosure.Validity

    public init(id: UUID, jurisdictionCode: String, year: Int, title: String, status: Status, stages: Stages,
                documentNumber: String?, indexNumber: String?, issuingBody: String,
                reportApprovedOn: CalendarDate?, reportApprovedBy: String?, approvalMeeting: String?,
                illustrativeNotice: LocalizedText?, subjectWords: String? = nil, disclosureMode: Disclosure.Mode = .proactive,
                writtenOn: CalendarDate? = nil, validity: Disclosure.Validity = .valid) {
        self.subjectWords = subjectWords
        self.disclosureMode = disclosureMode
        self.writtenOn = writtenOn
        self.validity = validity
        self.id = id
        self.jurisdictionCode = jurisdictionCode
        self.year = year
        self.title = title
        self.status = status
        self.stages = stages
        self.documentNumber = documentNumber
        self.indexNumber = indexNumber
        self.issuingBody = issuingBody
        self.reportApprovedOn = reportApprovedOn
        self.reportApprovedBy = reportApprovedBy
        self.approvalMeeting = approvalMeeting
        self.illustrativeNotice = illustrativeNotice
    }

    /// An issued plan is public (政务公开, 主动公开).
    public var isPublic: Bool { status == .issued }
}

/// A numbered section of a plan (第一部分 …).
public struct Part: Sendable, Hashable, Identifiable {
    public var id: UUID
    public var planID: UUID
    public var number: Int
    public var title: String

    public init(id: UUID, planID: UUID, number: Int, title: String) {
        self.id = id
        self.planID = planID
        self.number = number
        self.title = title
    }
}
