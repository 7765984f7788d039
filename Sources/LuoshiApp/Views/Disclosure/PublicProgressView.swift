import Foundation
import LuoshiDomain
import LuoshiHTML

/// 公开进度 on the public plan and task pages: what the latest published bulletin verified, and
/// which bulletin and month that is.
enum PublicProgressView {
    /// The plan page's section: a table of each part's tasks by verified status.
    static func plan(_ progress: PublicProgress?, planID: UUID, _ context: PageContext) -> Node {
        let s = context.strings, d = s.disclosure, language = context.language
        return .section(.ariaLabelledBy("public-progress")) {
            Node.h2(.id("public-progress"), text: d.progressTitle)
            if let progress {
                source(progress, planID: planID, s)
                Node.table(.class("stack")) {
                    Node.caption(text: d.progressByPart)
                    Node.thead {
                        Node.tr {
                            Node.th(.scope("col"), text: d.part)
                            Node.th(.scope("col"), .class("num"), text: d.tasks)
                            for status in [ProgressStatus.completed, .ahead, .onTrack, .lagging, .overdue] {
                                Node.th(.scope("col"), .class("num"), text: status.text.text(in: language))
                            }
                            Node.th(.scope("col"), .class("num"), text: d.others)
                        }
                    }
                    Node.tbody {
                        for line in progress.byPart { row(line.title, line.tally, header: false, context) }
                    }
                    Node.tfoot { row(s.total, progress.overall, header: true, context) }
                }
            } else {
                Node.p(text: d.noProgress)
            }
        }
    }

    private static func row(_ title: String, _ tally: BulletinFigures.Tally, header: Bool, _ context: PageContext) -> Node {
        let s = context.strings, d = s.disclosure, language = context.language
        let cells: [(String, Int)] = [
            (d.tasks, tally.total), (ProgressStatus.completed.text.text(in: language), tally.completed),
            (ProgressStatus.ahead.text.text(in: language), tally.ahead), (ProgressStatus.onTrack.text.text(in: language), tally.onTrack),
            (ProgressStatus.lagging.text.text(in: language), tally.lagging), (ProgressStatus.overdue.text.text(in: language), tally.overdue),
            (d.others, tally.notStarted + tally.missing),
        ]
        return .tr {
            Node.th(.scope("row"), header ? .class("total") : s.dataLang, text: title)
            for (label, count) in cells { Node.td(.class("num"), .data("label", label), text: String(count)) }
        }
    }

    /// The task page's section: the task's verified colour, status and progress.
    static func task(_ progress: PublicProgress?, taskID: UUID, planID: UUID, _ context: PageContext) -> Node {
        let s = context.strings, d = s.disclosure, language = context.language
        return .section(.ariaLabelledBy("public-progress")) {
            Node.h2(.id("public-progress"), text: d.progressTitle)
            if let progress {
                if let state = progress.tasks[taskID] {
                    Node.dl(.class("meta")) {
                        Node.dt(text: d.verifiedState)
                        Node.dd {
                            Node.span(.class("light light-\(state.colour.rawValue)"), text: state.colour.text.text(in: language))
                            Node.text("　" + state.status.text.text(in: language))
                        }
                        Node.dt(text: d.verifiedProgress)
                        Node.dd(text: state.verified.map { "\(ProgressRules.percentText($0))%" } ?? s.none)
                        Node.dt(text: d.source)
                        Node.dd {
                            Node.a(.href(SiteURL.publicBulletin(planID: planID, issue: progress.issue).path),
                                   text: d.bulletinName(progress.issue, progress.month))
                        }
                    }
                } else {
                    source(progress, planID: planID, s)
                    Node.p(text: d.notInBulletin)
                }
            } else {
                Node.p(text: d.noProgress)
            }
        }
    }

    private static func source(_ progress: PublicProgress, planID: UUID, _ s: Strings) -> Node {
        .p {
            Node.text(s.disclosure.progressSource(progress.issue, progress.month, progress.asOf) + " ")
            Node.a(.href(SiteURL.publicBulletin(planID: planID, issue: progress.issue).path),
                   text: s.disclosure.bulletinName(progress.issue, progress.month))
        }
    }
}
