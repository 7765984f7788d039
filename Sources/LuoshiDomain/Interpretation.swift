import Foundation

/// 政策解读: the interpretation of an issued plan, drafted from what the plan holds, in the
/// five sections offices write it in (出台背景, 出台过程, 总体原则, 主要内容, 落实工作要求) and the
/// interpreting office's block. Dates, bodies and every count come from the plan, never typed;
/// the principles and requirements are the usual wording, for the office to edit.
public enum Interpretation {
    /// What the draft is made from.
    public struct Facts: Sendable {
        public var planTitle: String
        public var issuingBody: String
        /// The jurisdiction's name, e.g. 沂水县.
        public var jurisdictionName: String
        /// Who drafted the plan, e.g. 县政府督查室.
        public var draftingOffice: String
        /// The congress session that approved the report and when, and who presented it.
        public var congress: String?
        public var congressDate: CalendarDate?
        public var presenter: String?
        public var stages: Plan.Stages
        public var approvalMeeting: String?
        public var parts: [(number: Int, title: String, tasks: Int)]
        public var taskCount: Int
        public var leadingDepartments: Int
        public var townships: Int

        public init(plan: Plan, statistics: PlanStatistics, jurisdictionName: String, draftingOffice: String, presenter: String?) {
            planTitle = plan.title
            issuingBody = plan.issuingBody
            self.jurisdictionName = jurisdictionName
            self.draftingOffice = draftingOffice
            congress = plan.reportApprovedBy
            congressDate = plan.reportApprovedOn
            self.presenter = presenter
            stages = plan.stages
            approvalMeeting = plan.approvalMeeting
            parts = statistics.parts.map { ($0.number, $0.title, $0.tasks) }
            taskCount = statistics.taskCount
            leadingDepartments = statistics.leadingDepartments
            townships = statistics.townshipsInvolved
        }

        /// The counts the draft states.
        public var figures: Figures {
            Figures(parts: parts.count, tasks: taskCount, leadingDepartments: leadingDepartments, townships: townships,
                    tasksByPart: parts.map(\.tasks))
        }
    }

    /// The counted figures of a draft, kept with it: when the plan changes after publication, the
    /// office is told which no longer match.
    public struct Figures: Sendable, Hashable, Codable {
        public var parts: Int
        public var tasks: Int
        public var leadingDepartments: Int
        public var townships: Int
        public var tasksByPart: [Int]

        public init(parts: Int, tasks: Int, leadingDepartments: Int, townships: Int, tasksByPart: [Int]) {
            self.parts = parts
            self.tasks = tasks
            self.leadingDepartments = leadingDepartments
            self.townships = townships
            self.tasksByPart = tasksByPart
        }

        /// What `self` (the figures a text states) says that `current` no longer does.
        public func mismatches(against current: Figures) -> [LocalizedText] {
            var found: [LocalizedText] = []
            func check(_ stated: Int, _ now: Int, zh: String, en: String) {
                if stated != now { found.append(LocalizedText(zh: "\(zh)：解读中为 \(stated)，方案现为 \(now)", en: "\(en): \(stated) in the text, \(now) in the plan now")) }
            }
            check(parts, current.parts, zh: "部分数", en: "Parts")
            check(tasks, current.tasks, zh: "任务数", en: "Tasks")
            check(leadingDepartments, current.leadingDepartments, zh: "牵头单位数", en: "Lead units")
            check(townships, current.townships, zh: "涉及乡镇（街道）数", en: "Townships")
            for (index, now) in current.tasksByPart.enumerated() where index < tasksByPart.count {
                check(tasksByPart[index], now, zh: "第\(ChineseNumerals.text(index + 1))部分任务数", en: "Tasks of part \(index + 1)")
            }
            return found
        }
    }

    public struct Section: Sendable, Hashable, Codable {
        public var heading: String
        public var text: String

        public init(heading: String, text: String) {
            self.heading = heading
            self.text = text
        }
    }

    /// 解读机关及咨询方式.
    public struct Contact: Sendable, Hashable, Codable {
        public var office: String
        public var person: String
        public var address: String
        public var phone: String

        public init(office: String, person: String, address: String, phone: String) {
            self.office = office
            self.person = person
            self.address = address
            self.phone = phone
        }
    }

    /// Posts of the head of a government, who presents its work report (县长, 市长 …).
    public static let presenterPosts: Set<String> = ["县长", "区长", "市长", "州长", "省长", "主席"]

    public static func title(of planTitle: String) -> String { "关于《\(planTitle)》的解读" }

    public static let maximumSectionLength = 4_000
    public static let maximumContactLength = 100

    /// The office's edit: each section's text (fields `section1`…), and the contact block
    /// (`office`, `person`, `address`, `phone`). Every section needs text; the office and a
    /// phone are needed to publish, so they are needed here too.
    public static func checked(texts: [String], headings: [String], contact: Contact) -> Result<([Section], Contact), DomainError> {
        guard texts.count == headings.count else {
            return .failure(.invalid("section1", zh: "解读应有 \(headings.count) 个部分", en: "The interpretation has \(headings.count) sections"))
        }
        var sections: [Section] = []
        for (index, (heading, raw)) in zip(headings, texts).enumerated() {
            let text = raw.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\r\n", with: "\n")
            guard !text.isEmpty, text.count <= maximumSectionLength else {
                return .failure(.invalid("section\(index + 1)", zh: "请填写“\(heading)”（不超过 \(maximumSectionLength) 字）",
                                         en: "Write section \(index + 1) (at most \(maximumSectionLength) characters)"))
            }
            sections.append(Section(heading: heading, text: text))
        }
        let trimmed = Contact(office: contact.office.trimmingCharacters(in: .whitespaces), person: contact.person.trimmingCharacters(in: .whitespaces),
                              address: contact.address.trimmingCharacters(in: .whitespaces), phone: contact.phone.trimmingCharacters(in: .whitespaces))
        for (field, value, zh) in [("office", trimmed.office, "解读机关"), ("person", trimmed.person, "解读人"), ("address", trimmed.address, "联系地址"),
                                   ("phone", trimmed.phone, "联系电话")] {
            guard value.count <= maximumContactLength, !value.contains(where: \.isNewline) else {
                return .failure(.invalid(field, zh: "\(zh)应为一行、不超过 \(maximumContactLength) 字", en: "One line of at most \(maximumContactLength) characters"))
            }
        }
        guard !trimmed.office.isEmpty else { return .failure(.missing("office", zh: "请填写解读机关", en: "Name the interpreting office")) }
        guard !trimmed.phone.isEmpty, trimmed.phone.allSatisfy({ $0.isASCII && ($0.isNumber || "-+() ".contains($0)) }) else {
            return .failure(.invalid("phone", zh: "请填写联系电话（数字，可含 - 和括号）", en: "Give a phone number (digits, - and brackets)"))
        }
        return .success((sections, trimmed))
    }

    /// The five sections, from the facts.
    public static func draft(_ facts: Facts) -> [Section] {
        let plan = "《\(facts.planTitle)》"
        func date(_ value: CalendarDate?) -> String { value.map { "\($0.year)年\($0.month)月\($0.day)日" } ?? "" }
        func monthDay(_ value: CalendarDate?) -> String { value.map { "\($0.month)月\($0.day)日" } ?? "" }

        var background = facts.issuedSentence(plan)
        if let congress = facts.congress {
            let presenter = facts.presenter.map { "\($0)代表\(facts.jurisdictionName)人民政府所作的" } ?? ""
            background = "\(date(facts.congressDate))，\(congress)召开，会议听取、审议并批准了\(presenter)《政府工作报告》，提出了本年度经济社会发展的目标和任务。"
                + "为确保《政府工作报告》重点工作任务落到实处，按期完成既定任务目标，\(facts.issuingBody)对重点工作任务进行了梳理分解，形成了\(plan)。"
        }

        var process = "根据《政府工作报告》和\(facts.jurisdictionName)政府工作安排，由\(facts.draftingOffice)牵头起草\(plan)"
        if let drafted = facts.stages.draft { process += "，\(monthDay(drafted))编制完成初稿" }
        if let consulted = facts.stages.consultation { process += "，经过向各方征求意见和研判后，\(monthDay(consulted))形成征求意见稿" }
        process += "。"
        if let approved = facts.stages.approved {
            process += "\(monthDay(approved))\(facts.approvalMeeting ?? "")审议通过。"
        }
        if let issued = facts.stages.issued {
            process += "\(date(issued))以\(facts.issuingBody)文件的形式印发。"
        }

        let principles = "按照“工作项目化、项目清单化、清单责任化”的原则，对《政府工作报告》中部署的重点工作任务逐条逐项进行了分解，"
            + "明确了各牵头单位、配合单位和责任领导，进一步压紧压实工作责任。对涉及多个单位的工作任务，由牵头单位负责落实，各配合单位密切协作、主动参与、形成合力。"

        var content = "对应《政府工作报告》中的工作部署，将重点任务分解为\(facts.parts.count)个部分、\(facts.taskCount)项具体工作，"
            + "主要涉及\(facts.leadingDepartments)个牵头单位和\(facts.townships)个乡镇（街道）。"
        if !facts.parts.isEmpty {
            content += "\n\n" + facts.parts.map { "第\(ChineseNumerals.text($0.number))部分为\($0.title)，共\($0.tasks)项。" }.joined()
        }

        let requirements = [
            "一要提高政治站位。《政府工作报告》安排部署的重点工作任务，是政府向人民作出的庄严承诺，各责任单位要坚定不移抓好各项重点工作任务落实。",
            "二要细化目标任务。各责任单位要按照“目标到季、计划到月”的要求，制定具体落实方案，明确任务书、时间表、路线图、责任人。",
            "三要压实工作责任。各牵头单位要发挥牵头抓总作用，实行台账式管理、闭环式推进；配合单位要搞好协调配合，做到履职尽责。",
            "四要加强督导考核。\(facts.draftingOffice)将对重点工作任务实行台账化管理，实行“月调度、月通报”机制，对落实不力的将通报批评、跟进督办、限期整改。",
        ].joined(separator: "\n\n")

        return [
            Section(heading: "一、\(plan)出台背景", text: background),
            Section(heading: "二、\(plan)出台过程", text: process),
            Section(heading: "三、\(plan)总体原则", text: principles),
            Section(heading: "四、\(plan)主要内容", text: content),
            Section(heading: "五、\(plan)落实工作要求", text: requirements),
        ]
    }
}

extension Interpretation.Facts {
    /// The opening when the report's approval is not recorded.
    func issuedSentence(_ plan: String) -> String {
        "为确保《政府工作报告》重点工作任务落到实处，\(issuingBody)对重点工作任务进行了梳理分解，形成了\(plan)。"
    }
}
