import Fluent
import Foundation
import LuoshiDomain

/// The sample plan's 政策解读, drafted from the plan by `InterpretationService` as an office
/// would and published on the plan's issue date, so `serve --sample` shows one. Its contact
/// block is illustrative.
enum SampleInterpretation {
    static let contact = Interpretation.Contact(office: "沂水县人民政府督查室", person: "（示例）", address: "沂水县正阳路19号", phone: "0539-0000000")

    @discardableResult
    static func loadIfMissing(into database: any Database, snapshot: CatalogSnapshot) async throws -> Bool {
        guard let plan = snapshot.plans.first(where: { $0.illustrativeNotice != nil && $0.status == .issued }),
              try await InterpretationService.versions(planID: plan.id, on: database).isEmpty else { return false }
        let writer = Writer(actor: nil, who: .system("sample"), now: (plan.stages.issued ?? CalendarDate(year: plan.year, month: 3, day: 6)!).beijing(hour: 10))
        let draft = try await InterpretationService.startDraft(plan: plan, snapshot: snapshot, by: writer, on: database)
        try await InterpretationService.save(.init(texts: draft.sections.map(\.text), contact: contact, version: draft.version), draft: draft, plan: plan,
                                             by: writer, on: database)
        guard let saved = try await InterpretationModel.find(try draft.requireID(), on: database) else { return false }
        try await InterpretationService.publish(version: saved.version, draft: saved, plan: plan, by: writer, indexSchemes: .init(), on: database)
        return true
    }
}
