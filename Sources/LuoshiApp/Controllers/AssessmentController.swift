import Foundation
import LuoshiDomain
import LuoshiOffice
import Vapor

/// 单位考核: the lead units' ranking for a round or the year, on a page and as a workbook.
enum AssessmentController {
    static func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, SiteURL.Route.assessment, requires: .readInternal, use: page)
        routes.on(.GET, SiteURL.Route.assessmentExport, requires: .readInternal, use: export)
    }

    /// The plan, the periods it offers (each round due by today, newest first, then the year),
    /// the one asked for (default: the latest round) and its ranking.
    private static func ranking(_ req: Request) async throws -> (plan: Plan, periods: [(value: String, text: String)], selected: String, label: String,
                                                                 ranking: [Assessment.Ranked]) {
        let (plan, catalog, _) = try await DispatchController.plan(req)
        let today = DispatchController.today(req)
        let context = req.pageContext(section: .workbench)
        let rounds = try await DispatchStore.rounds(planID: plan.id, on: req.db).filter { $0.dueDate <= today }
        let periods = rounds.reversed().map { ($0.month.description, context.strings.dispatch.roundName($0.month)) }
            + (rounds.isEmpty ? [] : [("year", context.strings.assessment.wholeYear(plan.year))])
        let asked = req.query[String.self, at: "period"]?.nonBlank ?? periods.first?.0 ?? ""
        guard periods.isEmpty || periods.contains(where: { $0.0 == asked }) else {
            throw DomainError.invalid("period", zh: "考核期间应为已截止的一轮调度（YYYY-MM）或 year", en: "The period is a round due by today (YYYY-MM) or year")
        }
        let period: AssessmentStore.Period? = asked == "year" ? .year : rounds.first { $0.month.description == asked }.map { .month($0) }
        let ranking = try await period.asyncFlatMap {
            try await AssessmentStore.ranking(plan: plan, period: $0, catalog: catalog, app: req.application, today: today, on: req.db)
        } ?? []
        return (plan, periods, asked, periods.first { $0.0 == asked }?.1 ?? "", ranking)
    }

    @Sendable static func page(_ req: Request) async throws -> Response {
        let result = try await ranking(req)
        let model = AssessmentPage.Model(plan: result.plan, periods: result.periods, selected: result.selected, periodLabel: result.label,
                                         weights: req.application.luoshiConfig.assessment, ranking: result.ranking)
        return req.htmlResponse(AssessmentPage.render(model, context: req.pageContext(section: .workbench)))
    }

    @Sendable static func export(_ req: Request) async throws -> Response {
        let result = try await ranking(req)
        let sheet = AssessmentPage.sheet(result.ranking)
        let widths: [Double] = [6, 22, 8] + Assessment.Criterion.allCases.map { _ in 10 } + [6, 80]
        let data = try XLSXWriter.write(sheetName: "单位考核（\(result.label)）", columns: zip(sheet.header, widths).map { XLSXWriter.Column($0, width: $1) },
                                        rows: sheet.rows)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(result.plan.year)-\(result.plan.jurisdictionCode)-assessment-\(result.selected).xlsx\"")
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
