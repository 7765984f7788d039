import Foundation
import LuoshiDomain

/// UI strings of the bulletin pages (`Strings.bulletins`). The bulletin itself is a Chinese
/// official document and is written in Chinese in both languages.
struct BulletinStrings: Sendable {
    let title: String
    let publicTitle: String
    let issue: String
    let issueName: @Sendable (Int?) -> String
    let draftName: @Sendable (Int) -> String
    let month: String
    let documentTitle: String
    let status: String
    let statusName: @Sendable (Bulletin.Status) -> String
    let date: String
    let none: String
    let nonePublished: String
    let generate: String
    let generateHint: String
    let round: String
    let asOf: String
    let takenAt: String
    let ruleSet: String
    let corrects: String
    let correctedBy: String
    let publishedBy: String
    let word: String
    let publicVersion: String
    let internalNote: String
    let edit: String
    let save: String
    let refresh: String
    let refreshHint: String
    let publish: String
    let publishHint: String
    let correct: String
    let correctHint: String
    let preview: String
    let fieldTitle: String
    let fieldIntro: String
    let fieldPraise: String
    let fieldPraiseHint: String
    let fieldRequirements: String
    let fieldRequirementsHint: String
    let fieldInternalNote: String
    let fieldInternalNoteHint: String
    let fieldIssuer: String
    let fieldSignedOn: String
    let done: @Sendable (String) -> String?
    let immutable: String

    static let chinese = BulletinStrings(
        title: "督查通报", publicTitle: "督查通报", issue: "期号", issueName: { $0.map { "第\($0)期" } ?? "草稿" },
        draftName: { "第\($0)期（草稿）" },
        month: "调度月份", documentTitle: "标题", status: "状态", statusName: { $0 == .draft ? "草稿" : "已发布" }, date: "日期",
        none: "尚未生成通报。", nonePublished: "尚未发布通报。",
        generate: "生成通报草稿", generateHint: "按所选调度截止日的核实数据生成快照；生成后数字不随报告变化，可“刷新数据”重新取数。",
        round: "调度", asOf: "数据截至", takenAt: "快照时间", ruleSet: "预警规则", corrects: "更正", correctedBy: "已由以下一期更正",
        publishedBy: "发布", word: "下载 Word 文件（.docx）", publicVersion: "公开版本", internalNote: "内部备注（不公开）",
        edit: "编辑通报文字", save: "保存", refresh: "刷新数据", refreshHint: "按当前核实数据重新生成快照（仅草稿）。",
        publish: "发布", publishHint: "发布时编定期号并生成 Word 文件；发布后不可修改，如需更正请发布更正一期。",
        correct: "发布更正", correctHint: "以本期为底稿新建一期更正通报的草稿。",
        preview: "预览",
        fieldTitle: "标题", fieldIntro: "导语", fieldPraise: "通报表扬", fieldPraiseHint: "留空则不设表扬部分。",
        fieldRequirements: "下步工作要求", fieldRequirementsHint: "每行一段。",
        fieldInternalNote: "内部备注", fieldInternalNoteHint: "只在内部页面显示，不进入公开版本和 Word 文件。",
        fieldIssuer: "落款单位", fieldSignedOn: "落款日期",
        done: { done in
            switch done {
            case "generated": "通报草稿已生成。"
            case "saved": "已保存。"
            case "refreshed": "已按当前核实数据刷新快照。"
            case "published": "已发布，期号已编定，Word 文件已生成。"
            case "corrected": "已新建更正通报草稿。"
            default: nil
            }
        },
        immutable: "本期已发布，内容不再改变。")

    static let english = BulletinStrings(
        title: "Bulletins", publicTitle: "Supervision bulletins", issue: "Issue", issueName: { $0.map { "No. \($0)" } ?? "Draft" },
        draftName: { "No. \($0) (draft)" },
        month: "Round", documentTitle: "Title", status: "Status", statusName: { $0 == .draft ? "Draft" : "Published" }, date: "Date",
        none: "No bulletin yet.", nonePublished: "No bulletin has been published yet.",
        generate: "Generate a draft bulletin",
        generateHint: "Takes a snapshot of the verified data as of the round's due date; its numbers do not follow later reports (use “Refresh data” to take it again).",
        round: "Round", asOf: "Data as of", takenAt: "Snapshot taken", ruleSet: "Colour rules", corrects: "Corrects", correctedBy: "Corrected by",
        publishedBy: "Published", word: "Download the Word file (.docx)", publicVersion: "Public version", internalNote: "Internal note (not public)",
        edit: "Edit the bulletin's texts", save: "Save", refresh: "Refresh data", refreshHint: "Takes the snapshot again from today's verified data (drafts only).",
        publish: "Publish", publishHint: "Publishing gives the issue number and writes the Word file; a published bulletin never changes — publish a correction instead.",
        correct: "Publish a correction", correctHint: "Starts a draft correcting this issue.",
        preview: "Preview",
        fieldTitle: "Title", fieldIntro: "Introduction", fieldPraise: "Praise", fieldPraiseHint: "Leave empty for no praise section.",
        fieldRequirements: "Requirements for next month", fieldRequirementsHint: "One paragraph per line.",
        fieldInternalNote: "Internal note", fieldInternalNoteHint: "Shown on internal pages only; never in the public version or the Word file.",
        fieldIssuer: "Issued by", fieldSignedOn: "Date signed",
        done: { done in
            switch done {
            case "generated": "The draft bulletin was generated."
            case "saved": "Saved."
            case "refreshed": "The snapshot was taken again from today's verified data."
            case "published": "Published: the issue number is given and the Word file written."
            case "corrected": "A draft correction was started."
            default: nil
            }
        },
        immutable: "This issue is published and no longer changes.")
}
