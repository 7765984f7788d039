import Fluent
import Foundation
@testable import LuoshiApp
import LuoshiDomain
import SQLKit
import Testing
import Vapor

/// The services without HTTP: a typed command, a writer with a frozen time, the database.
/// Each checks the refusal it answers (field, status, the version it names) and that a
/// refused command writes nothing.
@Suite struct ServiceTests {
    static let frozen = Date(timeIntervalSince1970: 1_700_000_000)  // 2023-11-14
    static let csv = "序号,工作任务,牵头单位,配合单位,完成时限\n,一、稳增长,,,\n1,推进重点项目建设,县发改局,县财政局,2025年6月底前\n"

    static func office(_ app: Application) async throws -> Writer {
        let user = try await app.makeUser("svc.office", .supervisor)
        return Writer(actor: try actor(user), who: AuditLog.Who(userID: user.id, username: user.username, clientIP: "test"), now: frozen)
    }

    static func actor(_ user: UserModel) throws -> Actor {
        Actor(userID: try user.requireID(), username: user.username, role: user.role, jurisdictionCode: user.jurisdictionCode,
              unitID: user.$unit.id, leaderID: user.$leader.id, isUnitHead: user.isUnitHead)
    }

    static func importDraft(_ app: Application, by writer: Writer, csv: String = csv) async throws -> UUID {
        let command = PlanService.ImportPlan(data: Data(csv.utf8), fileName: "plan.csv", jurisdictionCode: "371323", year: 2025,
                                             title: nil, createMissing: false, basis: nil)
        let snapshot = try await app.snapshot()
        let read = try await PlanService.preview(command, snapshot: snapshot, on: app.db, today: writer.today)
        return try await PlanService.importPlan(command, read: read, by: writer, snapshot: snapshot, on: app.db).planID
    }

    static func auditCount(_ app: Application) async throws -> Int {
        try await AuditLogModel.query(on: app.db).count()
    }

    @Test func importingCreatesADraftAndADryRunWithProblemsWritesNothing() async throws {
        try await withLuoshiApp { app in
            let office = try await Self.office(app)
            let plans = try await PlanModel.query(on: app.db).count()
            let bad = PlanService.ImportPlan(data: Data("序号,工作任务,牵头单位\n1,,发展改革局\n".utf8), fileName: "plan.csv",
                                             jurisdictionCode: "371323", year: 2025, title: nil, createMissing: false, basis: nil)
            let snapshot = try await app.snapshot()
            let read = try await PlanService.preview(bad, snapshot: snapshot, on: app.db, today: office.today)
            #expect(!read.problems.isEmpty)
            await #expect(throws: PlanService.ImportProblems.self) {
                try await PlanService.importPlan(bad, read: read, by: office, snapshot: snapshot, on: app.db)
            }
            #expect(try await PlanModel.query(on: app.db).count() == plans)

            let planID = try await Self.importDraft(app, by: office)
            let plan = try #require(try await PlanModel.find(planID, on: app.db))
            #expect(plan.status == .draft)
        }
    }

    @Test func aReimportFromAStaleDryRunIsA409NamingTheCurrentBasis() async throws {
        try await withLuoshiApp { app in
            let office = try await Self.office(app)
            _ = try await Self.importDraft(app, by: office)
            try await app.readDataVersions()
            let edited = Self.csv.replacingOccurrences(of: "推进重点项目建设", with: "推进重点项目建设和招商引资")
            let command = PlanService.ImportPlan(data: Data(edited.utf8), fileName: "plan.csv", jurisdictionCode: "371323", year: 2025,
                                                 title: nil, createMissing: false, basis: "stale-basis")
            let snapshot = try await app.snapshot()
            let read = try await PlanService.preview(command, snapshot: snapshot, on: app.db, today: office.today)
            let current = try #require(read.existing?.basis)
            let error = await #expect(throws: DomainError.self) {
                try await PlanService.importPlan(command, read: read, by: office, snapshot: snapshot, on: app.db)
            }
            #expect(error?.status == .conflict)
            #expect(error?.field == "basis")
            #expect(error?.message.en.contains(current) == true)

            var fresh = command
            fresh.basis = current
            let imported = try await PlanService.importPlan(fresh, read: read, by: office, snapshot: snapshot, on: app.db)
            guard case .updated(_, _, _, let changed) = imported else { Issue.record("expected an update, got \(imported)"); return }
            #expect(changed == 1)
        }
    }

    @Test func advancingAPlanChecksItsVersionAndRecordsTheStepInOneTransaction() async throws {
        try await withLuoshiApp { app in
            let office = try await Self.office(app)
            let planID = try await Self.importDraft(app, by: office)
            try await app.readDataVersions()
            let version = try #require(try await PlanModel.find(planID, on: app.db)).version
            let audits = try await Self.auditCount(app)
            var command = PlanService.AdvancePlan(planID: planID, step: "circulate", date: "2025-01-05", version: version + 1)
            let stale = await #expect(throws: DomainError.self) {
                try await PlanService.advance(command, by: office, snapshot: try await app.snapshot(), on: app.db)
            }
            #expect(stale?.status == .conflict)
            #expect(stale?.message.zh.contains("当前版本 \(version)") == true)
            #expect(try await Self.auditCount(app) == audits)

            command.version = version
            command.step = "publish"
            let unknown = await #expect(throws: DomainError.self) {
                try await PlanService.advance(command, by: office, snapshot: try await app.snapshot(), on: app.db)
            }
            #expect(unknown?.field == "step")

            command.step = "circulate"
            #expect(try await PlanService.advance(command, by: office, snapshot: try await app.snapshot(), on: app.db) == .consultation)
            let stored = try #require(try await PlanModel.find(planID, on: app.db))
            #expect(stored.version == version + 1)
            #expect(stored.updatedAt == Self.frozen)
            #expect(try await Self.auditCount(app) == audits + 1)
            #expect(try await PlanVersionModel.query(on: app.db).filter(\.$plan.$id == planID).count() >= 1)
        }
    }

    @Test func anotherJurisdictionsOfficeCannotAdvanceOrImportAndTheCommandLineCan() async throws {
        try await withLuoshiApp { app in
            let office = try await Self.office(app)
            let planID = try await Self.importDraft(app, by: office)
            try await app.readDataVersions()
            var outsider = office
            outsider.actor?.jurisdictionCode = "371322"
            let version = try #require(try await PlanModel.find(planID, on: app.db)).version
            let command = PlanService.AdvancePlan(planID: planID, step: "circulate", date: "2025-01-05", version: version)
            let refused = await #expect(throws: DomainError.self) {
                try await PlanService.advance(command, by: outsider, snapshot: try await app.snapshot(), on: app.db)
            }
            #expect(refused?.status == .notFound)

            var cli = app.commandLineWriter
            cli.now = Self.frozen
            #expect(try await PlanService.advance(command, by: cli, snapshot: try await app.snapshot(), on: app.db) == .consultation)
            let entry = try #require(try await AuditLogModel.query(on: app.db).sort(\.$sequence, .descending).first())
            #expect(entry.username == "cli")
            #expect(entry.action == "plan.transition")
        }
    }

    @Test func openingARoundUsesTheWritersTimeAndRefusesADuplicateMonth() async throws {
        try await withLuoshiApp { app in
            let office = try await Self.office(app)
            let snapshot = try await app.snapshot()
            let plan = try #require(snapshot.plansByID[try await app.samplePlanID()])
            let round = try await DispatchService.openRound(.init(month: "2023-07", dueDate: ""), plan: plan, by: office,
                                                            cache: app.ledgerCache, on: app.db)
            #expect(round.month.description == "2023-07")
            let model = try #require(try await ReportRoundModel.find(round.id, on: app.db))
            #expect(model.openedBy == "svc.office")
            let again = await #expect(throws: Problems.self) {
                try await DispatchService.openRound(.init(month: "2023-07", dueDate: ""), plan: plan, by: office, cache: app.ledgerCache, on: app.db)
            }
            #expect(again?.all.map(\.field) == ["month"])

            let unitUser = try await app.makeUser("svc.unit", .unitStaff, unit: "县发改局")
            let unit = Writer(actor: try Self.actor(unitUser), who: .system("svc.unit"), now: Self.frozen)
            let refused = await #expect(throws: DomainError.self) {
                try await DispatchService.openRound(.init(month: "2023-08", dueDate: ""), plan: plan, by: unit, cache: app.ledgerCache, on: app.db)
            }
            #expect(refused?.status == .notFound)
        }
    }

    @Test func changingAPasswordChecksTheCurrentOneAndWritesHashFlagAndAuditTogether() async throws {
        try await withLuoshiApp { app in
            let user = try await app.makeUser("svc.clerk", .unitStaff, unit: "县发改局", mustChange: true)
            let writer = Writer(actor: try Self.actor(user), who: AuditLog.Who(userID: user.id, username: user.username, clientIP: "test"),
                                now: Self.frozen)
            let hasher = app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next())
            let before = try #require(try await UserModel.find(user.id, on: app.db))
            let wrong = await #expect(throws: DomainError.self) {
                try await AccountService.changePassword(.init(current: "not-it", new: "Another-Luoshi-2024", repeated: "Another-Luoshi-2024"),
                                                        by: writer, policy: .standard, hasher: hasher, on: app.db)
            }
            #expect(wrong?.field == "currentPassword")
            let failure = try #require(try await AuditLogModel.query(on: app.db).sort(\.$sequence, .descending).first())
            #expect(failure.action == "password.change")
            #expect(failure.outcome == .failure)

            let mismatch = await #expect(throws: DomainError.self) {
                try await AccountService.changePassword(.init(current: testPassword, new: "Another-Luoshi-2024", repeated: "Another-Luoshi-2025"),
                                                        by: writer, policy: .standard, hasher: hasher, on: app.db)
            }
            #expect(mismatch?.field == "repeatPassword")

            try await AccountService.changePassword(.init(current: testPassword, new: "Another-Luoshi-2024", repeated: "Another-Luoshi-2024"),
                                                    by: writer, policy: .standard, hasher: hasher, on: app.db)
            let after = try #require(try await UserModel.find(user.id, on: app.db))
            #expect(after.mustChangePassword == false)
            #expect(after.version == before.version + 1)
            #expect(after.passwordChangedAt == Self.frozen)
            #expect(try await hasher.verify("Another-Luoshi-2024", created: after.passwordHash).get())
        }
    }

    @Test func anInstructionReachesItsRecipientsAndOnlyARecipientAnswersItAtTheCurrentVersion() async throws {
        try await withLuoshiApp { app in
            let snapshot = try await app.snapshot()
            let plan = try #require(snapshot.plansByID[try await app.samplePlanID()])
            let task = try #require(snapshot.tasksByPlan[plan.id]?.first { !$0.leadUnitIDs.isEmpty })
            let leadUnit = try #require(snapshot.unitsByID[task.leadUnitIDs[0]])
            let leaderUser = try await app.makeUser("svc.leader", .leader, leaderPrecedence: 1)
            let leader = Writer(actor: try Self.actor(leaderUser), who: .system("svc.leader"), now: Self.frozen)
            let office = try await Self.office(app)
            let audits = try await Self.auditCount(app)

            let unknown = await #expect(throws: DomainError.self) {
                try await InstructionService.create(.init(target: "memo", text: "抓紧推进"), catalog: snapshot, by: leader, app: app, on: app.db)
            }
            #expect(unknown?.field == "target")
            let notLeader = await #expect(throws: DomainError.self) {
                try await InstructionService.create(.init(target: "task", text: "抓紧推进", taskID: task.id), catalog: snapshot, by: office,
                                                    app: app, on: app.db)
            }
            #expect(notLeader?.status == .forbidden)
            #expect(try await InstructionModel.query(on: app.db).count() == 0)
            #expect(try await Self.auditCount(app) == audits)

            let id = try await InstructionService.create(.init(target: "task", text: "请加快进度，月底前报结果。", taskID: task.id),
                                                         catalog: snapshot, by: leader, app: app, on: app.db)
            let instruction = try #require(try await InstructionModel.find(id, on: app.db))
            let responses = try await InstructionResponseModel.query(on: app.db).filter(\.$instruction.$id == id).all()
            #expect(Set(responses.compactMap(\.unitID)) == Set(task.leadUnitIDs))
            let response = try #require(responses.first { $0.unitID == leadUnit.id })

            let otherUnit = try #require(snapshot.units(in: plan.jurisdictionCode).first { !task.leadUnitIDs.contains($0.id) })
            let outsider = Writer(actor: try Self.actor(try await app.makeUser("svc.outsider", .unitStaff, unit: otherUnit.shortName)),
                                  who: .system("svc.outsider"), now: Self.frozen)
            let forbidden = await #expect(throws: DomainError.self) {
                try await InstructionService.respond(.init(responseID: response.id, reply: false, text: "", version: 1), to: instruction,
                                                     responses: responses, by: outsider, on: app.db)
            }
            #expect(forbidden?.status == .forbidden)
            #expect(forbidden?.field == "response")

            let clerk = Writer(actor: try Self.actor(try await app.makeUser("svc.recipient", .unitStaff, unit: leadUnit.shortName)),
                               who: .system("svc.recipient"), now: Self.frozen)
            let stale = await #expect(throws: DomainError.self) {
                try await InstructionService.respond(.init(responseID: response.id, reply: false, text: "", version: 7), to: instruction,
                                                     responses: responses, by: clerk, on: app.db)
            }
            #expect(stale?.status == .conflict)
            let step = try await InstructionService.respond(.init(responseID: response.id, reply: false, text: "", version: 1), to: instruction,
                                                            responses: responses, by: clerk, on: app.db)
            #expect(step == .acknowledge)
            let answered = try #require(try await InstructionResponseModel.find(response.id, on: app.db))
            #expect(answered.status == .acknowledged)
            #expect(answered.acknowledgedAt == Self.frozen)
            #expect(answered.version == 2)
            let actions = try await AuditLogModel.query(on: app.db).sort(\.$sequence).all().map(\.action).filter { $0.hasPrefix("instruction.") }
            #expect(actions == ["instruction.create", "instruction.acknowledge"], "the refused steps wrote no audit rows")
        }
    }

    @Test func anInspectionNamesItsFieldsFindsOnlyWhatItCoversAndRectifiesAFindingOnce() async throws {
        try await withLuoshiApp { app in
            let office = try await Self.office(app)
            let snapshot = try await app.snapshot()
            let plan = try #require(snapshot.plansByID[try await app.samplePlanID()])
            let task = try #require(snapshot.tasksByPlan[plan.id]?.first { !$0.leadUnitIDs.isEmpty })
            let unit = try #require(snapshot.unitsByID[task.leadUnitIDs[0]])
            let blank = await #expect(throws: Problems.self) {
                try await InspectionService.plan(.init(form: .init(topic: "", team: "", startsOn: "2023-11-01", endsOn: "2023-10-01",
                                                                   tasks: task.number.description, units: unit.shortName)),
                                                 plan: plan, catalog: snapshot, by: office, on: app.db)
            }
            #expect(blank?.all.map(\.field) == ["topic", "team", "endsOn"])
            #expect(try await InspectionModel.query(on: app.db).count() == 0)

            let id = try await InspectionService.plan(.init(form: .init(topic: "重点项目专项督查", team: "督查室 张三", startsOn: "2023-11-01",
                                                                        endsOn: "2023-11-10", tasks: task.number.description, units: unit.shortName)),
                                                      plan: plan, catalog: snapshot, by: office, on: app.db)
            let inspection = try #require(try await InspectionModel.find(id, on: app.db))
            let uncovered = try #require(snapshot.units(in: plan.jurisdictionCode).first { $0.id != unit.id })
            let wrongUnit = await #expect(throws: DomainError.self) {
                try await InspectionService.recordFinding(.init(taskID: task.id, unitID: uncovered.id, text: "进度滞后"), in: inspection,
                                                          by: office, on: app.db)
            }
            #expect(wrongUnit?.field == "unitID")
            try await InspectionService.recordFinding(.init(taskID: task.id, unitID: unit.id, text: "进度滞后，未按月报送"), in: inspection,
                                                      by: office, on: app.db)
            let finding = try #require(try await InspectionFindingModel.query(on: app.db).filter(\.$inspection.$id == id).first())
            #expect(finding.createdBy == "svc.office")

            let item = try await InspectionService.rectify(finding, of: inspection, plan: plan, catalog: snapshot, by: office, app: app, on: app.db)
            let linked = try #require(try await InspectionFindingModel.find(finding.id, on: app.db))
            #expect(linked.rectificationID == item)
            let again = try await InspectionService.rectify(linked, of: inspection, plan: plan, catalog: snapshot, by: office, app: app, on: app.db)
            #expect(again == item)
            #expect(try await SupervisionItemModel.query(on: app.db).filter(\.$id == item).count() == 1)
        }
    }

    @Test func aDraftPlanItsPartsAndTasksAreWrittenOnlyByItsOfficeAtTheCurrentVersion() async throws {
        try await withLuoshiApp { app in
            let office = try await Self.office(app)
            var outsider = office
            outsider.actor?.jurisdictionCode = "371322"
            let savePlan = PlanDraftService.SavePlan(year: "2026", title: "2026年政府工作报告重点工作任务分解方案", issuingBody: "沂水县人民政府办公室",
                                                     reportApprovedOn: "", reportApprovedBy: "", version: nil)
            let forbidden = await #expect(throws: DomainError.self) {
                try await PlanDraftService.savePlan(savePlan, editing: nil, in: "371323", catalog: try await app.snapshot(), by: outsider, on: app.db)
            }
            #expect(forbidden?.status == .forbidden)
            let audits = try await Self.auditCount(app)
            let planID = try await PlanDraftService.savePlan(savePlan, editing: nil, in: "371323", catalog: try await app.snapshot(), by: office, on: app.db)
            let created = try #require(try await PlanModel.find(planID, on: app.db))
            #expect(created.status == .draft)
            #expect(created.jurisdictionCode == "371323")
            #expect(try await Self.auditCount(app) == audits + 1)
            try await app.readDataVersions()
            let again = await #expect(throws: DomainError.self) {
                try await PlanDraftService.savePlan(savePlan, editing: nil, in: "371323", catalog: try await app.snapshot(), by: office, on: app.db)
            }
            #expect(again?.status == .conflict)
            #expect(again?.field == "year")

            let plan = try #require(try await app.snapshot().plansByID[planID])
            let partID = try await PlanDraftService.savePart(.init(number: "1", title: "一、稳增长", version: nil), editing: nil, of: plan,
                                                             catalog: try await app.snapshot(), by: office, on: app.db)
            try await app.readDataVersions()
            let duplicate = await #expect(throws: Problems.self) {
                try await PlanDraftService.savePart(.init(number: "1", title: "二、促改革", version: nil), editing: nil, of: plan,
                                                    catalog: try await app.snapshot(), by: office, on: app.db)
            }
            #expect(duplicate?.all.map(\.field) == ["number"])
            let part = try #require(try await PartModel.find(partID, on: app.db))
            let stalePart = await #expect(throws: DomainError.self) {
                try await PlanDraftService.savePart(.init(number: "2", title: "一、稳增长", version: 3), editing: part, of: plan,
                                                    catalog: try await app.snapshot(), by: office, on: app.db)
            }
            #expect(stalePart?.status == .conflict)
            #expect(stalePart?.message.zh.contains("当前版本 1") == true)

            let form = TaskForm(number: "1.1", content: "推进重点项目建设", deadline: "2026-06-30", leadUnits: "县发改局")
            let taskID = try await PlanDraftService.saveTask(.init(form: form, version: nil), editing: nil, of: plan,
                                                             catalog: try await app.snapshot(), by: office, on: app.db)
            try await app.readDataVersions()
            let task = try #require(try await app.snapshot().tasksByID[taskID])
            var edited = form
            edited.content = "推进重点项目建设，加快开工"
            let staleTask = await #expect(throws: DomainError.self) {
                try await PlanDraftService.saveTask(.init(form: edited, version: 5), editing: (task, 1), of: plan,
                                                    catalog: try await app.snapshot(), by: office, on: app.db)
            }
            #expect(staleTask?.status == .conflict)
            #expect(staleTask?.message.zh.contains("当前版本 1") == true)
            _ = try await PlanDraftService.saveTask(.init(form: edited, version: 1), editing: (task, 1), of: plan,
                                                    catalog: try await app.snapshot(), by: office, on: app.db)
            let stored = try #require(try await TaskModel.find(taskID, on: app.db))
            #expect(stored.version == 2)
            #expect(stored.content == "推进重点项目建设，加快开工")
            #expect(stored.updatedAt == Self.frozen)
            let actions = try await AuditLogModel.query(on: app.db).sort(\.$sequence).all().dropFirst(audits).map(\.action)
            #expect(actions == ["plan.create", "part.create", "task.create", "task.update"], "the refused commands wrote no audit rows")
        }
    }

    @Test func theSecurityPolicyMovesOnlyAtItsVersionWithItsAuditRowAndAUserRevokesOnlyTheirOwnTokens() async throws {
        try await withLuoshiApp { app in
            let adminUser = try await app.makeUser("svc.security", .securityAdmin)
            let admin = Writer(actor: try Self.actor(adminUser), who: .system("svc.security"), now: Self.frozen)
            let stored = try #require(try await SecuritySettingsModel.find(SecuritySettingsModel.singletonID, on: app.db))
            var command = UserAdministration.SavePolicy(passwordMinLength: "12", passwordMinClasses: "3", passwordExpiryDays: "",
                                                        lockoutFailures: "5", lockoutMinutes: "15", sessionIdleMinutes: "30",
                                                        sessionAbsoluteMinutes: "480", auditRetentionDays: "180", version: stored.version)
            let office = try await Self.office(app)
            let notAdmin = await #expect(throws: DomainError.self) { try await UserAdministration.savePolicy(command, by: office, on: app.db) }
            #expect(notAdmin?.status == .forbidden)
            command.lockoutMinutes = "一刻钟"
            let notANumber = await #expect(throws: DomainError.self) { try await UserAdministration.savePolicy(command, by: admin, on: app.db) }
            #expect(notANumber?.field == "lockoutMinutes")
            command.lockoutMinutes = "15"
            command.version = stored.version + 4
            let stale = await #expect(throws: DomainError.self) { try await UserAdministration.savePolicy(command, by: admin, on: app.db) }
            #expect(stale?.status == .conflict)
            #expect(stale?.message.zh.contains("当前版本 \(stored.version)") == true)
            let audits = try await Self.auditCount(app)
            command.version = stored.version
            try await UserAdministration.savePolicy(command, by: admin, on: app.db)
            let saved = try #require(try await SecuritySettingsModel.find(SecuritySettingsModel.singletonID, on: app.db))
            #expect(saved.passwordMinLength == 12)
            #expect(saved.version == stored.version + 1)
            #expect(saved.updatedAt == Self.frozen)
            let entries = try await AuditLogModel.query(on: app.db).sort(\.$sequence).all().dropFirst(audits)
            #expect(entries.map(\.action) == ["policy.change"])

            try await AccountService.changeEmail("office@yishui.gov.cn", by: office, on: app.db)
            let withEmail = try #require(try await UserModel.find(office.actor?.userID, on: app.db))
            #expect(withEmail.email == "office@yishui.gov.cn")
            let badEmail = await #expect(throws: DomainError.self) { try await AccountService.changeEmail("not an address", by: office, on: app.db) }
            #expect(badEmail?.field == "email")

            let (_, token) = try await Accounts.createToken(for: try adminUser.requireID(), name: "脚本", days: 30, now: Self.frozen, on: app.db,
                                                            by: admin.who)
            let tokenID = try token.requireID()
            let notTheirs = await #expect(throws: DomainError.self) { try await AccountService.revokeToken(tokenID, by: office, on: app.db) }
            #expect(notTheirs?.status == .notFound)
            try await AccountService.revokeToken(tokenID, by: admin, on: app.db)
            try await AccountService.revokeToken(tokenID, by: admin, on: app.db)
            #expect(try await AccessTokenModel.find(tokenID, on: app.db)?.revokedAt == Self.frozen)
            let revocations = try await AuditLogModel.query(on: app.db).filter(\.$action == "token.revoke").count()
            #expect(revocations == 1, "revoking twice writes one row")
        }
    }

    @Test func theColourRulesGetANewVersionOnlyFromTheCurrentOneAndARoundClosesOnce() async throws {
        try await withLuoshiApp { app in
            let office = try await Self.office(app)
            let plan = try #require(try await app.snapshot().plansByID[try await app.samplePlanID()])
            let current = try await DispatchStore.settings(for: plan, cache: app.ledgerCache, on: app.db)
            var form = DispatchSettings.Form(current)
            form.yellowFrom = "12"
            form.note = "按县政府办公室要求收紧黄色预警"
            let stale = await #expect(throws: DomainError.self) {
                try await DispatchService.saveRules(.init(form: form, version: current.version + 1), plan: plan, by: office, cache: app.ledgerCache, on: app.db)
            }
            #expect(stale?.status == .conflict)
            #expect(stale?.message.zh.contains("当前版本 \(current.version)") == true)
            var noReason = form
            noReason.note = ""
            let unexplained = await #expect(throws: Problems.self) {
                try await DispatchService.saveRules(.init(form: noReason, version: current.version), plan: plan, by: office, cache: app.ledgerCache, on: app.db)
            }
            #expect(unexplained?.all.map(\.field) == ["note"])
            try await DispatchService.saveRules(.init(form: form, version: current.version), plan: plan, by: office, cache: app.ledgerCache, on: app.db)
            try await app.readDataVersions()
            let saved = try await DispatchStore.settings(for: plan, cache: app.ledgerCache, on: app.db)
            #expect(saved.version == current.version + 1)
            #expect(saved.rules.yellowFrom == 12)

            let round = try await DispatchService.openRound(.init(month: "2023-07", dueDate: ""), plan: plan, by: office, cache: app.ledgerCache, on: app.db)
            let wrongVersion = await #expect(throws: DomainError.self) {
                try await DispatchService.closeRound(round, version: 2, plan: plan, by: office, on: app.db)
            }
            #expect(wrongVersion?.status == .conflict)
            try await DispatchService.closeRound(round, version: 1, plan: plan, by: office, on: app.db)
            let closed = try #require(try await DispatchStore.rounds(planID: plan.id, on: app.db).first { $0.id == round.id })
            #expect(closed.status == .closed)
            let again = await #expect(throws: DomainError.self) {
                try await DispatchService.closeRound(closed, version: closed.version, plan: plan, by: office, on: app.db)
            }
            #expect(again?.field == "status")
            let closes = try await AuditLogModel.query(on: app.db).filter(\.$action == "round.close").count()
            #expect(closes == 1)
        }
    }

    @Test func anUploadIsAppliedOnceAndMarkedInThePlansTransaction() async throws {
        try await withLuoshiApp { app in
            let office = try await Self.office(app)
            let upload = PlanImportModel()
            upload.$user.id = try #require(office.actor?.userID)
            upload.fileName = "plan.csv"
            upload.data = Data(Self.csv.utf8)
            upload.jurisdictionCode = "371323"
            upload.year = 2025
            upload.createMissing = false
            try await upload.create(on: app.db)
            var command = PlanService.ImportPlan(data: upload.data, fileName: upload.fileName, jurisdictionCode: "371323", year: 2025,
                                                 title: nil, createMissing: false, basis: nil)
            command.uploadID = try upload.requireID()
            let snapshot = try await app.snapshot()
            let read = try await PlanService.preview(command, snapshot: snapshot, on: app.db, today: office.today)
            let planID = try await PlanService.importPlan(command, read: read, by: office, snapshot: snapshot, on: app.db).planID
            #expect(try await PlanImportModel.find(upload.id, on: app.db)?.appliedPlanID == planID)

            // A second apply of the same upload (another instance, a double click) finds it taken and writes nothing.
            try await app.readDataVersions()
            let plans = try await PlanModel.query(on: app.db).count(), audits = try await Self.auditCount(app)
            let again = try await app.snapshot()
            let reread = try await PlanService.preview(command, snapshot: again, on: app.db, today: office.today)
            let taken = await #expect(throws: DomainError.self) {
                try await PlanService.importPlan(command, read: reread, by: office, snapshot: again, on: app.db)
            }
            #expect(taken?.status == .conflict)
            #expect(taken?.field == "importID")
            #expect(try await PlanModel.query(on: app.db).count() == plans)
            #expect(try await Self.auditCount(app) == audits)
        }
    }
}
