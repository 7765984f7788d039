import LuoshiDomain
import LuoshiHTML

/// 单位名录 and 县领导名录 (supervision office): the jurisdiction's units with their short names
/// and aliases, and its county leaders, each with a link to edit it.
enum DirectoryPage {
    struct Model: Sendable {
        var units: [Unit]
        var leaders: [Leader]
        var notice: String?
    }

    static func renderUnits(_ model: Model, context: PageContext) -> Node {
        let s = context.strings, d = s.directory
        return Layout.page(title: d.unitsTitle, context: context, crumbs: [Crumb(title: s.account.workbench, url: .workbench), Crumb(title: d.unitsTitle)], content: [
            .h1(text: d.unitsTitle),
            Forms.success(model.notice),
            .p(.class("hint"), text: d.unitsHint),
            .p { Node.a(.href(SiteURL.directoryNewUnit.path), text: d.newUnit) },
            .table(.class("stack")) {
                Node.caption(.class("visually-hidden"), text: d.unitsTitle)
                Tables.head([d.fullName, d.shortName, d.kind, d.aliases, d.actions])
                Node.tbody {
                    for unit in model.units {
                        Node.tr {
                            Node.th(.scope("row")) { s.data(unit.name) }
                            Node.td(.data("label", d.shortName)) { s.data(unit.shortName) }
                            Node.td(.data("label", d.kind), text: d.unitKind(unit.kind))
                            Node.td(.data("label", d.aliases)) { s.data(unit.aliases.joined(separator: "、")) }
                            Node.td(.data("label", d.actions)) {
                                Node.a(.href(SiteURL.directoryEditUnit(unit.id).path), .ariaLabel(d.editNamed(unit.name)), text: d.edit)
                            }
                        }
                    }
                }
            },
        ])
    }

    static func renderLeaders(_ model: Model, context: PageContext) -> Node {
        let s = context.strings, d = s.directory
        return Layout.page(title: d.leadersTitle, context: context, crumbs: [Crumb(title: s.account.workbench, url: .workbench), Crumb(title: d.leadersTitle)], content: [
            .h1(text: d.leadersTitle),
            Forms.success(model.notice),
            .p { Node.a(.href(SiteURL.directoryNewLeader.path), text: d.newLeader) },
            .table(.class("stack")) {
                Node.caption(.class("visually-hidden"), text: d.leadersTitle)
                Tables.head([d.leaderName, d.post, d.portfolio, d.actions])
                Node.tbody {
                    for leader in model.leaders {
                        Node.tr {
                            Node.th(.scope("row")) { s.data(leader.name) }
                            Node.td(.data("label", d.post)) { s.data(leader.post) }
                            Node.td(.data("label", d.portfolio)) { s.data(leader.portfolio) }
                            Node.td(.data("label", d.actions)) {
                                Node.a(.href(SiteURL.directoryEditLeader(leader.id).path), .ariaLabel(d.editNamed(leader.name)), text: d.edit)
                            }
                        }
                    }
                }
            },
        ])
    }
}

/// UI strings of the directory and of plan and part editing (`Strings.directory`).
struct DirectoryStrings: Sendable {
    let unitsTitle: String
    let unitsHint: String
    let leadersTitle: String
    let newUnit: String
    let newLeader: String
    let editUnit: String
    let editLeader: String
    let fullName: String
    let shortName: String
    let shortNameHint: String
    let kind: String
    let unitKind: @Sendable (Unit.Kind) -> String
    let aliases: String
    let aliasesHint: String
    let actions: String
    let edit: String
    let editNamed: @Sendable (String) -> String
    let leaderName: String
    let post: String
    let portfolio: String
    let save: String
    let saved: String
    let newPlan: String
    let editPlan: String
    let planTitle: String
    let issuingBody: String
    let reportApprovedOn: String
    let reportApprovedBy: String
    let reportApprovedByHint: String
    let newPart: String
    let editPart: @Sendable (Int) -> String
    let partNumber: String
    let partNumberHint: String
    let partTitle: String
    let frozen: String

    static let chinese = DirectoryStrings(
        unitsTitle: "单位名录", unitsHint: "方案和表格中的单位按全称、简称或别称识别。别称每行一个，如“县发改局”“发改局”。",
        leadersTitle: "县领导名录", newUnit: "新增单位", newLeader: "新增县领导", editUnit: "编辑单位", editLeader: "编辑县领导",
        fullName: "全称", shortName: "简称", shortNameHint: "方案中常用的写法，如“县发改局”；留空则与全称相同。", kind: "单位类型",
        unitKind: { kind in
            switch kind {
            case .department: "县直部门"
            case .township: "乡镇"
            case .street: "街道"
            case .developmentZone: "开发区、园区"
            case .other: "其他"
            }
        },
        aliases: "别称", aliasesHint: "每行一个，或用顿号分隔；导入时遇到这些名称会自动对应到本单位。", actions: "操作", edit: "编辑",
        editNamed: { "编辑：\($0)" }, leaderName: "姓名", post: "职务", portfolio: "分工", save: "保存", saved: "已保存。",
        newPlan: "新建方案", editPlan: "编辑方案信息", planTitle: "方案名称", issuingBody: "印发机关",
        reportApprovedOn: "政府工作报告通过日期", reportApprovedBy: "通过会议", reportApprovedByHint: "如“县十九届人大二次会议”",
        newPart: "新增部分", editPart: { "编辑第 \($0) 部分" }, partNumber: "部分序号", partNumberHint: "1–99；修改序号时本部分任务的编号随之改变，任务记录不变。",
        partTitle: "部分标题", frozen: "方案已印发，基线已冻结，不能再修改。")

    static let english = DirectoryStrings(
        unitsTitle: "Units", unitsHint: "Plans and sheets name units by full name, short name or alias. One alias per line, e.g. 县发改局, 发改局.",
        leadersTitle: "County leaders", newUnit: "Add a unit", newLeader: "Add a leader", editUnit: "Edit the unit", editLeader: "Edit the leader",
        fullName: "Full name", shortName: "Short name", shortNameHint: "As plans write it, e.g. 县发改局; empty: the full name.", kind: "Kind",
        unitKind: { kind in
            switch kind {
            case .department: "County department"
            case .township: "Township"
            case .street: "Street"
            case .developmentZone: "Development zone"
            case .other: "Other"
            }
        },
        aliases: "Aliases", aliasesHint: "One per line or separated by 、; imports map these names to this unit.", actions: "Actions", edit: "Edit",
        editNamed: { "Edit \($0)" }, leaderName: "Name", post: "Post", portfolio: "Portfolio", save: "Save", saved: "Saved.",
        newPlan: "New plan", editPlan: "Edit the plan's details", planTitle: "Plan title", issuingBody: "Issuing body",
        reportApprovedOn: "Work report approved on", reportApprovedBy: "Approved by", reportApprovedByHint: "e.g. 县十九届人大二次会议",
        newPart: "Add a part", editPart: { "Edit part \($0)" }, partNumber: "Part number", partNumberHint: "1–99; renumbering a part renumbers its tasks and keeps their records.",
        partTitle: "Part title", frozen: "The plan is issued and its baseline frozen; it can no longer be edited.")
}
