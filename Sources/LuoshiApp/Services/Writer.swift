import Foundation
import LuoshiDomain
import Vapor

/// Who writes and when, handed to every service: the acting user (nil for the command line, an
/// operator with the server's rights), their audit identity and the injected time. Web forms and
/// the JSON API make one from the request (`Request.writer`), the CLI from the application
/// (`Application.commandLineWriter`); tests make one with a frozen time.
struct Writer: Sendable {
    var actor: Actor?
    var who: AuditLog.Who
    var now: Date
    var today: CalendarDate { CalendarDate(date: now) }
    var username: String { who.username }

    /// Whether the writer may do `action` in `jurisdictionCode`; the command line may do anything.
    func may(_ action: Action, in jurisdictionCode: String) -> Bool {
        guard let actor else { return true }
        return Policy.can(actor, action, jurisdictionCode: jurisdictionCode)
    }
}

extension Request {
    /// The signed-in user as a writer, with the application's clock.
    var writer: Writer {
        get throws { Writer(actor: try requireUser().actor, who: auditWho, now: now) }
    }
}

extension Application {
    /// The command line as a writer: audited as `cli`, with the application's clock.
    var commandLineWriter: Writer { Writer(actor: nil, who: .system("cli"), now: clock.now) }
}
