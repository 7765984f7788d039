import Fluent
import Foundation
@testable import LuoshiApp
import LuoshiDomain
import Testing
import Vapor
import VaporTesting

/// Evidence attachments through HTTP: who may attach, what is refused, who may download.
@Suite("Evidence attachments")
struct AttachmentTests {
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 200)

    /// A multipart form with the session's CSRF token and one file.
    static func upload(_ app: Application, _ path: String, _ session: TestSession, name: String, bytes: [UInt8]) async throws -> (HTTPStatus, String) {
        let boundary = "luoshi-test-\(UUID().uuidString)"
        var body = ByteBuffer()
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(session.csrf)\r\n")
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: application/octet-stream\r\n\r\n")
        body.writeBytes(bytes)
        body.writeString("\r\n--\(boundary)--\r\n")
        var headers = session.headers
        headers.add(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        var result: (HTTPStatus, String) = (.ok, "")
        try await app.testing().test(.POST, path, headers: headers, body: body) { res in result = (res.status, res.body.string) }
        return result
    }

    @Test func aLeadUnitAttachesEvidenceThatOnlyThoseWhoSeeTheReportDownload() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("luoshi-attachments-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await withLuoshiApp(adjust: { $0.attachmentDirectory = directory; $0.attachmentMaxBytes = 4_096 }) { app in
            app.clock.set(DispatchHTTPTests.beijingNoon("2023-07-10"))
            let snapshot = try await app.snapshot()
            let fgj = try #require(snapshot.units.first { $0.shortName == "县发改局" })
            let task = try #require(snapshot.tasksLedByUnit[fgj.id]?.first { !$0.cooperatingUnitIDs.isEmpty && $0.leadUnitIDs == [fgj.id] })
            let partner = try #require(snapshot.unitsByID[task.cooperatingUnitIDs[0]])
            let stranger = try #require(snapshot.units.first { ![fgj.id, partner.id].contains($0.id) && !task.leadUnitIDs.contains($0.id) && !task.cooperatingUnitIDs.contains($0.id) })
            try await app.makeUser("du.cha", .supervisor)
            try await app.makeUser("fgj.staff", .unitStaff, unit: "县发改局")
            try await app.makeUser("partner.staff", .unitStaff, unit: partner.shortName)
            try await app.makeUser("stranger.staff", .unitStaff, unit: stranger.shortName)
            let office = try await app.signIn("du.cha"), lead = try await app.signIn("fgj.staff")
            let coop = try await app.signIn("partner.staff"), other = try await app.signIn("stranger.staff")
            let roundID = try await ReminderTests.openRound(app, month: "2023-07")
            let path = "/rounds/\(roundID)/tasks/\(task.id)"
            let post = TaskWorkHTTPTests.post, page = TaskWorkHTTPTests.page

            var (status, body) = try await Self.upload(app, path + "/attachments", lead, name: "现场照片.png", bytes: Self.png)
            #expect(status == .conflict && body.contains("请先保存报送草稿"), "no report yet")
            (status, _) = try await post(app, path + "/report", lead, [("step", "save"), ("version", "0"), ("workDone", "开工")])
            #expect(status == .seeOther)

            (status, body) = try await Self.upload(app, path + "/attachments", lead, name: "run.exe", bytes: [0x4D, 0x5A, 0x90])
            #expect(status == .badRequest && body.contains("不是可上传的格式") && body.contains("aria-invalid"))
            (status, body) = try await Self.upload(app, path + "/attachments", lead, name: "合同.pdf", bytes: Array("<script>alert(1)</script>".utf8))
            #expect(status == .badRequest && body.contains("内容与扩展名 .pdf 不符"))
            (status, body) = try await Self.upload(app, path + "/attachments", lead, name: "大图.png", bytes: Self.png + Array(repeating: 0, count: 5_000))
            #expect(status == .payloadTooLarge && body.contains("超过"))
            (status, _) = try await Self.upload(app, path + "/attachments", coop, name: "配合.png", bytes: Self.png)
            #expect(status == .conflict, "a cooperating unit does not attach to the lead's report")
            (status, _) = try await Self.upload(app, path + "/attachments", other, name: "x.png", bytes: Self.png)
            #expect(status == .notFound)
            #expect(try await AttachmentModel.query(on: app.db).count() == 0, "nothing refused was kept")

            (status, _) = try await Self.upload(app, path + "/attachments", lead, name: "C:\\照片\\现场照片.png", bytes: Self.png)
            #expect(status == .seeOther)
            let stored = try #require(try await AttachmentModel.query(on: app.db).first())
            let id = try stored.requireID()
            #expect(stored.fileName == "现场照片.png" && stored.contentType == "image/png" && stored.size == Self.png.count)
            let onDisk = AttachmentStore.path(for: id, directory: directory)
            #expect(onDisk.hasPrefix(directory) && FileManager.default.contents(atPath: onDisk) == Data(Self.png))
            (status, body) = try await page(app, path, lead)
            #expect(body.contains("现场照片.png") && body.contains("/attachments/\(id.uuidString.lowercased())"))

            for (session, expected) in [(office, HTTPStatus.ok), (lead, .ok), (coop, .ok), (other, .notFound)] {
                try await app.testing().test(.GET, "/attachments/\(id)", headers: session.headers) { res in
                    #expect(res.status == expected)
                    if expected == .ok {
                        #expect(Data(buffer: res.body) == Data(Self.png))
                        #expect(res.headers.first(name: .contentType) == "image/png")
                        #expect(res.headers.first(name: "Content-Disposition")?.contains("filename*=UTF-8''%E7%8E%B0") == true)
                    }
                }
            }
            try await app.testing().test(.GET, "/attachments/\(id)") { res in #expect(res.status == .seeOther && res.headers.first(name: .location)?.hasPrefix("/login") == true, "anonymous: to the sign-in page") }
            try await app.testing().test(.GET, "/attachments/\(UUID())", headers: office.headers) { res in #expect(res.status == .notFound) }

            // Submitted: locked; removing needs a return first.
            (status, _) = try await post(app, path + "/report", lead, [("step", "submit"), ("version", "1"), ("workDone", "开工"), ("progress", "20"),
                                                                       ("nextPlan", "主体施工"), ("selfStatus", "onTrack")])
            #expect(status == .seeOther)
            (status, _) = try await Self.upload(app, path + "/attachments", lead, name: "补充.png", bytes: Self.png)
            #expect(status == .conflict)
            (status, _) = try await post(app, "/attachments/\(id)/delete", lead, [])
            #expect(status == .conflict)
            (status, _) = try await post(app, path + "/review", office, [("unitID", fgj.id.uuidString), ("step", "return"), ("reason", "照片不清晰"), ("version", "2")])
            #expect(status == .seeOther)
            (status, _) = try await post(app, "/attachments/\(id)/delete", office, [])
            #expect(status == .forbidden, "the office does not remove a unit's evidence")
            (status, _) = try await post(app, "/attachments/\(id)/delete", lead, [])
            #expect(status == .seeOther)
            #expect(try await AttachmentModel.query(on: app.db).count() == 0 && !FileManager.default.fileExists(atPath: onDisk))
            let actions = try await app.auditActions()
            #expect(actions.contains("attachment.upload") && actions.contains("attachment.delete"))
        }
    }
}
