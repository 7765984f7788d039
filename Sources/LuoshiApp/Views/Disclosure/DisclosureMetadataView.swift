import Foundation
import LuoshiDomain
import LuoshiHTML

/// The metadata block of a disclosed document, in the fields and order of a government
/// disclosure page: 索引号, 主题词, 公开方式, 文号, 发布机构, 发布日期, 浏览次数, 有效性, 成文日期,
/// 公开程序. A field with nothing to say reads 无.
enum DisclosureMetadataView {
    struct Fields: Sendable {
        var indexNumber: String?
        var subjectWords: String?
        var mode: Disclosure.Mode
        var documentNumber: String?
        var issuingBody: String
        var publishedOn: CalendarDate?
        var views: Int64?
        var validity: Disclosure.Validity
        var writtenOn: CalendarDate?
        /// Where the record of how it was made and published is.
        var procedure: String?

        init(indexNumber: String?, subjectWords: String?, mode: Disclosure.Mode, documentNumber: String?, issuingBody: String,
             publishedOn: CalendarDate?, views: Int64?, validity: Disclosure.Validity, writtenOn: CalendarDate?, procedure: String?) {
            self.indexNumber = indexNumber
            self.subjectWords = subjectWords
            self.mode = mode
            self.documentNumber = documentNumber
            self.issuingBody = issuingBody
            self.publishedOn = publishedOn
            self.views = views
            self.validity = validity
            self.writtenOn = writtenOn
            self.procedure = procedure
        }

        /// A plan's: published on its issue date, dated its 成文日期 or else that date, its
        /// lifecycle as the procedure.
        init(plan: Plan, views: Int64?, procedure: String?) {
            indexNumber = plan.indexNumber
            subjectWords = plan.subjectWords
            mode = plan.disclosureMode
            documentNumber = plan.documentNumber
            issuingBody = plan.issuingBody
            publishedOn = plan.stages.issued
            self.views = views
            validity = plan.validity
            writtenOn = plan.writtenOn ?? plan.stages.issued
            self.procedure = procedure
        }
    }

    static func block(_ fields: Fields, context: PageContext) -> Node {
        let s = context.strings, d = s.disclosure, language = context.language
        func date(_ value: CalendarDate?) -> Node {
            guard let value else { return .dd(text: s.none) }
            return .dd { Node.time(.datetime(value.iso), text: value.iso) }
        }
        return .section(.class("disclosure-meta"), .ariaLabel(d.metadata)) {
            Node.dl(.class("meta")) {
                Node.dt(text: d.indexNumber)
                Node.dd(text: fields.indexNumber ?? s.none)
                Node.dt(text: d.subjectWords)
                if let words = fields.subjectWords { Node.dd(s.dataLang, text: words) } else { Node.dd(text: s.none) }
                Node.dt(text: d.disclosureMode)
                Node.dd(text: fields.mode.text.text(in: language))
                Node.dt(text: d.documentNumber)
                if let number = fields.documentNumber { Node.dd(s.dataLang, text: number) } else { Node.dd(text: s.none) }
                Node.dt(text: d.issuingBody)
                Node.dd(s.dataLang, text: fields.issuingBody)
                Node.dt(text: d.publishedOn)
                date(fields.publishedOn)
                Node.dt(text: d.views)
                Node.dd(text: fields.views.map(String.init) ?? s.none)
                Node.dt(text: d.validity)
                Node.dd(text: fields.validity.text.text(in: language))
                Node.dt(text: d.writtenOn)
                date(fields.writtenOn)
                Node.dt(text: d.procedure)
                if let procedure = fields.procedure { Node.dd { Node.a(.href(procedure), text: d.procedureLink) } } else { Node.dd(text: s.none) }
            }
        }
    }
}
