import Foundation
import LuoshiDomain

/// UI strings of monthly dispatch: rounds, reports, verification and the ledger (`Strings.dispatch`).
struct DispatchStrings: Sendable {
    let roundsTitle: String
    let ledgerTitle: String
    let noRounds: String
    let month: String
    let monthHint: String
    let dueDate: String
    let dueDateHint: String
    let submitted: String
    let roundName: @Sendable (YearMonth) -> String
    let roundStatus: @Sendable (_ closed: Bool) -> String
    let openRound: String
    let closeRound: String
    let closedNotice: String
    let roundFacts: @Sendable (_ due: String, _ status: String) -> String
    let stage: @Sendable (Dispatch.Stage) -> String
    let stageHeading: String
    let late: String
    let pipeline: String
    let reportOn: @Sendable (String) -> String
    let reportTitle: @Sendable (String, YearMonth) -> String
    let doneMessage: @Sendable (String) -> String?
    let inputs: String
    let noInputs: String
    let inputForm: String
    let saveInput: String
    let reports: String
    let reportStatus: @Sendable (Dispatch.ReportStatus, _ late: Bool) -> String
    let notReported: String
    let workDone: String
    let progressLabel: String
    let progressHint: String
    let reportedProgress: String
    let selfStatus: String
    let status: @Sendable (ProgressStatus) -> String
    let milestonesReached: String
    let problems: String
    let nextPlan: String
    let submittedOn: String
    let returnReason: String
    let returnReasonHint: String
    let verifiedProgress: String
    let verifiedStatus: String
    let reviewNote: String
    let reviewNoteHint: String
    let step: @Sendable (String) -> String
    let reportForm: String
    let choose: String
    let submitReport: String
    let reviewOf: @Sendable (String) -> String
    let accept: String
    let returnReport: String
    let asOf: @Sendable (_ date: String, _ rules: String) -> String
    let asOfLabel: String
    let ledgerHint: String
    let exportLedger: String
    let filter: String
    let all: String
    let colour: String
    let search: String
    let apply: String
    let ledgerSummary: @Sendable (_ shown: Int, _ total: Int, _ colours: String) -> String
    let expected: String
    let explanation: String
    let likelyToMiss: String
    let dashboardTitle: String
    let byColour: String
    let byPart: String
    let trend: String
    let redList: String
    let likelyList: String
    let none: String
    let wholePlan: String
    let portfolio: @Sendable (String) -> String
    let unitTasks: @Sendable (String) -> String
    let stillDue: String
    let returnedReports: String

    static let chinese = DispatchStrings(
        roundsTitle: "月调度", ledgerTitle: "任务台账", noRounds: "尚未开展月调度。", month: "调度月份", monthHint: "写作 YYYY-MM，如 2023-04。",
        dueDate: "报送截止日期", dueDateHint: "留空则为当月 25 日。", submitted: "已报送",
        roundName: { "\($0.chinese)调度" }, roundStatus: { $0 ? "已截止" : "报送中" }, openRound: "开展月调度", closeRound: "结束本轮调度",
        closedNotice: "本轮调度已结束；逾期报送仍可接收，并标注“逾期”。",
        roundFacts: { due, status in "报送截止：\(due)　\(status)" },
        stage: { stage in
            switch stage {
            case .notStarted: "未填报"
            case .draft: "草稿"
            case .submitted: "已报送，待核实"
            case .returned: "已退回"
            case .accepted: "已核实"
            case .missing: "未报送"
            }
        },
        stageHeading: "报送情况", late: "逾期报送", pipeline: "报送情况一览", reportOn: { "第 \($0) 项的报送" },
        reportTitle: { number, month in "第 \(number) 项 · \(month.chinese)进展" },
        doneMessage: { step in
            switch step {
            case "save": "草稿已保存。"
            case "submit": "进展已报送，等待督查室核实。"
            case "input": "配合情况已保存。"
            case "attached": "佐证材料已上传。"
            case "detached": "佐证材料已删除。"
            case "accept": "已核实。"
            case "return": "已退回修改。"
            default: nil
            }
        },
        inputs: "配合单位情况", noInputs: "配合单位尚未填写。", inputForm: "本单位配合工作情况", saveInput: "保存配合情况",
        reports: "牵头单位报送",
        reportStatus: { status, late in
            let text = switch status {
            case .draft: "草稿"
            case .submitted: "已报送，待核实"
            case .returned: "已退回，待修改"
            case .accepted: "已核实"
            }
            return late ? "\(text)（逾期报送）" : text
        },
        notReported: "尚未报送", workDone: "本月完成工作", progressLabel: "总体进度（%）", progressHint: "0–100 的整数，指任务整体完成比例。",
        reportedProgress: "报送进度", selfStatus: "自评状态",
        status: { $0.text.zh }, milestonesReached: "完成的节点（含日期）", problems: "存在的问题和困难", nextPlan: "下月工作计划",
        submittedOn: "报送日期", returnReason: "退回理由", returnReasonHint: "退回时必填。", verifiedProgress: "核实进度",
        verifiedStatus: "核实状态", reviewNote: "核实说明", reviewNoteHint: "核实值与报送值不同时必填。",
        step: { step in
            switch step {
            case "save": "保存草稿"
            case "submit": "报送"
            case "accept": "核实通过"
            case "return": "退回修改"
            default: step
            }
        },
        reportForm: "填报本月进展", choose: "请选择", submitReport: "报送", reviewOf: { "核实\($0)的报送" }, accept: "核实通过", returnReport: "退回修改",
        asOf: { date, rules in "截至 \(date)（规则 \(rules)）" }, asOfLabel: "截至日期",
        ledgerHint: "颜色和状态按督查室核实的进度计算；报送进度仅供对照。每一行都写明了依据。",
        exportLedger: "导出台账（Excel，含各月核实进度）",
        filter: "筛选台账", all: "全部", colour: "预警", search: "搜索任务内容", apply: "筛选",
        ledgerSummary: { shown, total, colours in "显示 \(shown) 项（共 \(total) 项）：\(colours)。" },
        expected: "序时进度", explanation: "依据", likelyToMiss: "预计难以按期完成",
        dashboardTitle: "督查看板", byColour: "按预警颜色", byPart: "按部分", trend: "逐月变化", redList: "红灯任务", likelyList: "预计难以按期完成的任务",
        none: "无。", wholePlan: "全部任务", portfolio: { "\($0)分管的任务" }, unitTasks: { "\($0)的任务" },
        stillDue: "本轮待报送", returnedReports: "被退回待修改")

    static let english = DispatchStrings(
        roundsTitle: "Monthly dispatch", ledgerTitle: "Ledger", noRounds: "No rounds yet.", month: "Month", monthHint: "Written YYYY-MM, e.g. 2023-04.",
        dueDate: "Reports due", dueDateHint: "Empty: the 25th of the month.", submitted: "Submitted",
        roundName: { "Round \($0.description)" }, roundStatus: { $0 ? "closed" : "open" }, openRound: "Open a round", closeRound: "Close the round",
        closedNotice: "The round is closed; late reports are still accepted and marked late.",
        roundFacts: { due, status in "Reports due \(due), \(status)" },
        stage: { stage in
            switch stage {
            case .notStarted: "Not started"
            case .draft: "Draft"
            case .submitted: "Submitted, to verify"
            case .returned: "Returned"
            case .accepted: "Verified"
            case .missing: "Missing"
            }
        },
        stageHeading: "Report", late: "late", pipeline: "Reports in this round", reportOn: { "Report on task \($0)" },
        reportTitle: { number, month in "Task \(number), \(month.description)" },
        doneMessage: { step in
            switch step {
            case "save": "The draft was saved."
            case "submit": "The report was submitted for verification."
            case "input": "Your input was saved."
            case "attached": "The evidence was attached."
            case "detached": "The evidence was removed."
            case "accept": "Verified."
            case "return": "Returned for revision."
            default: nil
            }
        },
        inputs: "Cooperating units' input", noInputs: "No input from cooperating units yet.", inputForm: "Our cooperating work", saveInput: "Save our input",
        reports: "Lead units' reports",
        reportStatus: { status, late in
            let text = switch status {
            case .draft: "Draft"
            case .submitted: "Submitted, to verify"
            case .returned: "Returned for revision"
            case .accepted: "Verified"
            }
            return late ? "\(text) (late)" : text
        },
        notReported: "Not reported", workDone: "Work done this month", progressLabel: "Progress (%)", progressHint: "A whole number 0–100: the share of the whole task done.",
        reportedProgress: "Reported", selfStatus: "Self-assessed status",
        status: { $0.text.en }, milestonesReached: "Milestones reached (with dates)", problems: "Problems and difficulties", nextPlan: "Next month's plan",
        submittedOn: "Submitted on", returnReason: "Reason for return", returnReasonHint: "Required when returning.", verifiedProgress: "Verified",
        verifiedStatus: "Verified status", reviewNote: "Verification note", reviewNoteHint: "Required when the verified values differ from the report.",
        step: { step in
            switch step {
            case "save": "saved a draft"
            case "submit": "submitted"
            case "accept": "verified"
            case "return": "returned"
            default: step
            }
        },
        reportForm: "This month's report", choose: "Choose", submitReport: "Submit", reviewOf: { "Verify \($0)'s report" }, accept: "Verify", returnReport: "Return",
        asOf: { date, rules in "As of \(date) (rules \(rules))" }, asOfLabel: "As of",
        ledgerHint: "Colours and statuses use the office's verified progress; reported progress is shown for comparison. Each row says why.",
        exportLedger: "Export the ledger (Excel, with each month's verified progress)",
        filter: "Filter the ledger", all: "All", colour: "Light", search: "Search task text", apply: "Filter",
        ledgerSummary: { shown, total, colours in "\(shown) of \(total) tasks: \(colours)." },
        expected: "Expected", explanation: "Why", likelyToMiss: "likely to miss",
        dashboardTitle: "Dashboard", byColour: "By light", byPart: "By part", trend: "Month by month", redList: "Red tasks", likelyList: "Likely to miss their deadline",
        none: "None.", wholePlan: "All tasks", portfolio: { "\($0)'s portfolio" }, unitTasks: { "\($0)'s tasks" },
        stillDue: "Still to report in this round", returnedReports: "Returned for revision")
}
