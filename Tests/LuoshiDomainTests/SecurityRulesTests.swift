import Foundation
import LuoshiDomain
import Testing

@Suite struct PasswordPolicyTests {
    let policy = PasswordPolicy.standard

    @Test(arguments: ["Abcdefg1", "abc-def-123", "ABC_DEF_123", "沂水Abc123", "Xin-Mima-2023"])
    func acceptsPasswordsMixingThreeClasses(_ password: String) {
        #expect(policy.problems(password: password, username: "zhang.san").isEmpty)
    }

    @Test(arguments: [("Abc12", "8 个字符"), ("abcdefgh", "至少 3 类"), ("abcdefg1", "至少 3 类"), ("Zhang.San-1", "用户名")])
    func refusesWeakPasswordsSayingWhy(_ password: String, _ reason: String) {
        let problems = policy.problems(password: password, username: "zhang.san")
        #expect(problems.contains { $0.message.zh.contains(reason) }, "\(password)")
        #expect(problems.allSatisfy { $0.field == "password" })
    }

    @Test func refusesOverlongPasswords() {
        #expect(policy.problems(password: String(repeating: "Aa1-", count: 65), username: "u").first?.message.en.contains("256") == true)
    }

    @Test func expiresAfterNinetyDaysUnlessOff() {
        let changed = Date(timeIntervalSince1970: 0)
        #expect(!policy.isExpired(changedAt: changed, now: changed.addingTimeInterval(89 * 86_400)))
        #expect(policy.isExpired(changedAt: changed, now: changed.addingTimeInterval(90 * 86_400)))
        #expect(!PasswordPolicy(expiryDays: nil).isExpired(changedAt: changed, now: changed.addingTimeInterval(9_999 * 86_400)))
    }
}

@Suite struct LockoutAndSessionTests {
    @Test func theFifthFailureLocksForFifteenMinutes() {
        let lockout = LockoutPolicy.standard
        let now = Date(timeIntervalSince1970: 1_000)
        var failures = 0
        var lockedUntil: Date?
        for _ in 1...4 {
            (failures, lockedUntil) = lockout.afterFailure(previousFailures: failures, now: now)
            #expect(lockedUntil == nil)
        }
        (failures, lockedUntil) = lockout.afterFailure(previousFailures: failures, now: now)
        #expect(lockedUntil == now.addingTimeInterval(900))
        #expect(failures == 0)
        #expect(lockout.isLocked(lockedUntil: lockedUntil, now: now.addingTimeInterval(899)))
        #expect(!lockout.isLocked(lockedUntil: lockedUntil, now: now.addingTimeInterval(900)))
    }

    @Test func sessionsExpireWhenIdleOrOld() {
        let session = SessionPolicy.standard
        let start = Date(timeIntervalSince1970: 0)
        #expect(!session.isExpired(createdAt: start, lastSeenAt: start, now: start.addingTimeInterval(899)))
        #expect(session.isExpired(createdAt: start, lastSeenAt: start, now: start.addingTimeInterval(900)))
        let late = start.addingTimeInterval(8 * 3600)
        #expect(session.isExpired(createdAt: start, lastSeenAt: late.addingTimeInterval(-60), now: late))
    }

    @Test func settingsChangesAreCheckedAndRetentionOnlyGrows() {
        let current = SecuritySettings(auditRetentionDays: 365)
        var next = current
        next.auditRetentionDays = 200
        #expect(next.problems(changingFrom: current).map(\.field) == ["auditRetentionDays"])
        next.auditRetentionDays = 400
        next.lockout.maximumFailures = 1
        #expect(next.problems(changingFrom: current).map(\.field) == ["lockoutFailures"])
        next.lockout.maximumFailures = 6
        #expect(next.problems(changingFrom: current).isEmpty)
        #expect(SecuritySettings.changeSummary(from: current, to: next) == "lockoutFailures 5→6, auditRetentionDays 365→400")
    }
}

@Suite struct AccountRulesTests {
    @Test(arguments: ["duchashi", "zhang.san", "unit_01", "a-b"])
    func acceptsUsernames(_ username: String) {
        #expect(AccountRules.usernameProblems(username).isEmpty)
    }

    @Test(arguments: ["", "ab", ".hidden", "张三", "has space", "a<b>", String(repeating: "x", count: 65)])
    func refusesUsernames(_ username: String) {
        #expect(AccountRules.usernameProblems(username).first?.field == "username")
    }

    @Test func rolesAreLinkedAsTheyMustBe() {
        #expect(AccountRules.linkProblems(role: .unitStaff, unitID: nil, leaderID: nil).first?.field == "unit")
        #expect(AccountRules.linkProblems(role: .leader, unitID: nil, leaderID: nil).first?.field == "leader")
        #expect(AccountRules.linkProblems(role: .auditAdmin, unitID: UUID(), leaderID: nil).first?.field == "role")
        #expect(AccountRules.linkProblems(role: .unitStaff, unitID: UUID(), leaderID: nil).isEmpty)
    }

    @Test func workbenchScopes() {
        let unit = UUID(), leader = UUID()
        let staff = Actor(userID: UUID(), username: "s", role: .unitStaff, jurisdictionCode: "371323", unitID: unit)
        #expect(WorkScope.of(staff, leaderIsHead: false) == .unit(unit))
        let deputy = Actor(userID: UUID(), username: "d", role: .leader, jurisdictionCode: "371323", leaderID: leader)
        #expect(WorkScope.of(deputy, leaderIsHead: false) == .portfolio(leader))
        #expect(WorkScope.of(deputy, leaderIsHead: true) == .jurisdiction("371323"))
        #expect(WorkScope.of(Actor(userID: UUID(), username: "a", role: .systemAdmin, jurisdictionCode: "371323"), leaderIsHead: false) == nil)
    }
}

@Suite struct AuditChainTests {
    /// A stand-in digest for the chain logic (the app uses SHA-256).
    static func digest(_ text: String) -> String { String(text.hashValue, radix: 16) }

    static func chain(_ count: Int) -> [AuditRecord] {
        var previous = AuditChain.genesisHash
        return (1...count).map { sequence in
            let record = AuditChain.seal(
                AuditRecord(sequence: sequence, occurredAt: "2023-03-06T08:00:0\(sequence).000Z", userID: nil, username: "u",
                            clientIP: "127.0.0.1", action: "login", targetType: "user", targetID: "1", outcome: .success, summary: "s"),
                after: previous, hash: digest)
            previous = record.hash
            return record
        }
    }

    @Test func anIntactChainVerifies() {
        #expect(AuditChain.firstBreak(in: Self.chain(5), hash: Self.digest) == nil)
        #expect(AuditChain.firstBreak(in: [], hash: Self.digest) == nil)
    }

    @Test func aChangedRowIsNamed() {
        var rows = Self.chain(5)
        rows[2].summary = "edited"
        #expect(AuditChain.firstBreak(in: rows, hash: Self.digest)?.sequence == 3)
    }

    @Test func aRemovedOrReorderedRowIsNamed() {
        var rows = Self.chain(5)
        rows.remove(at: 1)
        #expect(AuditChain.firstBreak(in: rows, hash: Self.digest)?.sequence == 2)
        var swapped = Self.chain(5)
        swapped.swapAt(1, 2)
        #expect(AuditChain.firstBreak(in: swapped, hash: Self.digest)?.sequence == 2)
    }

    @Test func aRehashedRowStillBreaksTheNextLink() {
        var rows = Self.chain(5)
        rows[1].summary = "edited"
        rows[1] = AuditChain.seal(rows[1], after: rows[0].hash, hash: Self.digest)
        #expect(AuditChain.firstBreak(in: rows, hash: Self.digest)?.sequence == 3)
    }

    @Test func fieldsCannotImitateEachOther() {
        let a = AuditRecord(sequence: 1, occurredAt: "t", userID: nil, username: "a|b", clientIP: "", action: "", targetType: "",
                            targetID: "", outcome: .success, summary: "")
        var b = a
        b.username = "a"
        b.clientIP = "b"
        #expect(AuditChain.canonicalText(a) != AuditChain.canonicalText(b))
    }
}
