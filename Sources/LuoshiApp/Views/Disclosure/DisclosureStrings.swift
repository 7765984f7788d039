import Foundation
import LuoshiDomain

/// UI strings of the disclosure portal's parts (`Strings.disclosure`): public progress, open
/// data and the feed.
struct DisclosureStrings: Sendable {
    let progressTitle: String
    let progressSource: @Sendable (_ issue: Int, _ month: YearMonth, _ asOf: CalendarDate) -> String
    let noProgress: String
    let progressByPart: String
    let part: String
    let tasks: String
    let others: String
    let verifiedState: String
    let verifiedProgress: String
    let source: String
    let bulletinName: @Sendable (Int, YearMonth) -> String
    let notInBulletin: String

    static let chinese = DisclosureStrings(
        progressTitle: "公开进度",
        progressSource: { "以下为第\($0)期督查通报核实的\($1.chinese)进度（数据截至\($2.iso)）。单位自报数据和未发布的通报不在公开之列。" },
        noProgress: "尚未发布督查通报，暂无经核实的公开进度。",
        progressByPart: "各部分任务进度",
        part: "部分", tasks: "任务数", others: "未启动或未报送",
        verifiedState: "核实状态", verifiedProgress: "核实进度", source: "依据",
        bulletinName: { "第\($0)期督查通报（\($1.chinese)）" },
        notInBulletin: "该任务不在最新一期通报的核实范围内。")

    static let english = DisclosureStrings(
        progressTitle: "Published progress",
        progressSource: { "As verified in bulletin no. \($0) for \($1.description) (data as of \($2.iso)). Units' own figures and unpublished bulletins are not shown." },
        noProgress: "No bulletin has been published yet, so there is no verified progress to show.",
        progressByPart: "Progress by part",
        part: "Part", tasks: "Tasks", others: "Not started or not reported",
        verifiedState: "Verified state", verifiedProgress: "Verified progress", source: "Source",
        bulletinName: { "Bulletin no. \($0) (\($1.description))" },
        notInBulletin: "This task was not among those the latest bulletin verified.")
}
