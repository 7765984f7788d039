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
    let feedTitle: String
    let feedLink: String
    let openDataTitle: String
    let openDataIntro: String
    let licenceTitle: String
    let licenceLink: String
    let dictionaryTitle: String
    let dictionaryIntro: String
    let datasetsOf: @Sendable (String) -> String
    let planDataset: String
    let progressDataset: String
    let progressFrom: @Sendable (Int, YearMonth) -> String
    let progressNotYet: String
    let formats: String
    let column: String
    let jsonKey: String
    let type: String
    let meaning: String
    let noPlans: String
    let metadata: String
    let indexNumber: String
    let subjectWords: String
    let disclosureMode: String
    let documentNumber: String
    let issuingBody: String
    let publishedOn: String
    let views: String
    let validity: String
    let writtenOn: String
    let procedure: String
    let procedureLink: String
    let saveMetadata: String
    let interpretation: String
    let interpretationLink: String
    let versionLine: @Sendable (Int, CalendarDate?) -> String
    let versions: String
    let contactTitle: String
    let contactOffice: String
    let contactPerson: String
    let contactAddress: String
    let contactPhone: String
    let interpretationEditor: String
    let figuresChanged: String
    let nothingPublished: String
    let latestPublished: String
    let startHint: String
    let reviseHint: String
    let start: String
    let revise: String
    let draftOf: @Sendable (Int) -> String
    let saveDraft: String
    let preview: String
    let publish: String
    let notices: @Sendable (String) -> String?

    static let chinese = DisclosureStrings(
        progressTitle: "公开进度",
        progressSource: { "以下为第\($0)期督查通报核实的\($1.chinese)进度（数据截至\($2.iso)）。单位自报数据和未发布的通报不在公开之列。" },
        noProgress: "尚未发布督查通报，暂无经核实的公开进度。",
        progressByPart: "各部分任务进度",
        part: "部分", tasks: "任务数", others: "未启动或未报送",
        verifiedState: "核实状态", verifiedProgress: "核实进度", source: "依据",
        bulletinName: { "第\($0)期督查通报（\($1.chinese)）" },
        notInBulletin: "该任务不在最新一期通报的核实范围内。",
        feedTitle: "公开信息订阅",
        feedLink: "订阅公开信息（Atom）",
        openDataTitle: "开放数据",
        openDataIntro: "本页列出本站公开的全部数据集。各数据集地址长期不变，可直接下载或由程序读取；字段含义见数据说明。",
        licenceTitle: "使用许可",
        licenceLink: "许可协议全文",
        dictionaryTitle: "数据说明",
        dictionaryIntro: "开放数据各数据集的字段、类型和含义。CSV 文件为 UTF-8 编码（带 BOM，可直接用 Excel、WPS 打开），JSON 文件的键名见下表。",
        datasetsOf: { "\($0)的数据集" },
        planDataset: "任务分解方案（全部任务）",
        progressDataset: "公开进度（经核实的任务进度）",
        progressFrom: { "据第\($0)期督查通报，\($1.chinese)" },
        progressNotYet: "尚未发布督查通报，下载文件暂无数据行",
        formats: "下载",
        column: "CSV 列名", jsonKey: "JSON 键名", type: "类型", meaning: "含义",
        noPlans: "暂无已印发的方案。",
        metadata: "公开信息", indexNumber: "索引号", subjectWords: "主题词", disclosureMode: "公开方式", documentNumber: "文号",
        issuingBody: "发布机构", publishedOn: "发布日期", views: "浏览次数", validity: "有效性", writtenOn: "成文日期",
        procedure: "公开程序", procedureLink: "方案形成和公开过程", saveMetadata: "保存公开信息",
        interpretation: "政策解读", interpretationLink: "政策解读（文字解读）",
        versionLine: { "第\($0)版" + ($1.map { "，\($0.iso)发布" } ?? "") }, versions: "历次版本",
        contactTitle: "解读机关及咨询方式", contactOffice: "解读机关", contactPerson: "解读人", contactAddress: "联系地址", contactPhone: "联系电话",
        interpretationEditor: "政策解读", figuresChanged: "方案已有变动，解读中的以下数字与方案不再一致：",
        nothingPublished: "尚未发布解读。", latestPublished: "已发布：",
        startHint: "根据方案的会议、日期和统计数字起草解读，起草后可逐段修改。", reviseHint: "已发布的版本不再修改；修订将以已发布文本为底稿形成新版本。",
        start: "起草解读", revise: "修订为新版本", draftOf: { "第\($0)版（草稿）" }, saveDraft: "保存草稿", preview: "预览", publish: "发布解读",
        notices: { ["saved": "草稿已保存。", "published": "解读已发布。", "drafted": "已起草，请核对后修改和发布。"][$0] })

    static let english = DisclosureStrings(
        progressTitle: "Published progress",
        progressSource: { "As verified in bulletin no. \($0) for \($1.description) (data as of \($2.iso)). Units' own figures and unpublished bulletins are not shown." },
        noProgress: "No bulletin has been published yet, so there is no verified progress to show.",
        progressByPart: "Progress by part",
        part: "Part", tasks: "Tasks", others: "Not started or not reported",
        verifiedState: "Verified state", verifiedProgress: "Verified progress", source: "Source",
        bulletinName: { "Bulletin no. \($0) (\($1.description))" },
        notInBulletin: "This task was not among those the latest bulletin verified.",
        feedTitle: "Publications",
        feedLink: "Subscribe to publications (Atom)",
        openDataTitle: "Open data",
        openDataIntro: "Every dataset this site publishes. Their addresses do not change: download them or let a program read them. The data dictionary explains the fields.",
        licenceTitle: "Licence",
        licenceLink: "Full text of the licence",
        dictionaryTitle: "Data dictionary",
        dictionaryIntro: "The fields of each dataset, their types and meanings. CSV files are UTF-8 with a byte-order mark (Excel and WPS open them as they are); the JSON keys are listed below.",
        datasetsOf: { "Datasets of \($0)" },
        planDataset: "The plan (every task)",
        progressDataset: "Published progress (verified task progress)",
        progressFrom: { "From bulletin no. \($0), \($1.description)" },
        progressNotYet: "No bulletin published yet: the files have no rows",
        formats: "Download",
        column: "CSV column", jsonKey: "JSON key", type: "Type", meaning: "Meaning",
        noPlans: "No plan has been issued yet.",
        metadata: "Disclosure details", indexNumber: "Index number", subjectWords: "Subject words", disclosureMode: "Disclosure",
        documentNumber: "Document number", issuingBody: "Issuing body", publishedOn: "Published", views: "Views", validity: "Validity",
        writtenOn: "Dated", procedure: "Disclosure procedure", procedureLink: "How the plan was made and published", saveMetadata: "Save disclosure details",
        interpretation: "Interpretation", interpretationLink: "Interpretation of the plan",
        versionLine: { "Version \($0)" + ($1.map { ", published \($0.iso)" } ?? "") }, versions: "All versions",
        contactTitle: "Interpreting office and contacts", contactOffice: "Interpreting office", contactPerson: "Interpreter", contactAddress: "Address",
        contactPhone: "Phone", interpretationEditor: "Interpretation",
        figuresChanged: "The plan has changed: these figures in the interpretation no longer match it:",
        nothingPublished: "No interpretation published yet.", latestPublished: "Published:",
        startHint: "Draft the interpretation from the plan's meetings, dates and counts; edit it section by section afterwards.",
        reviseHint: "A published version is not changed; a revision starts from the published text as a new version.",
        start: "Draft the interpretation", revise: "Revise as a new version", draftOf: { "Version \($0) (draft)" }, saveDraft: "Save the draft",
        preview: "Preview", publish: "Publish the interpretation",
        notices: { ["saved": "Draft saved.", "published": "Interpretation published.", "drafted": "Drafted: check it, then edit and publish."][$0] })
}
