import LuoshiDomain
@testable import LuoshiDomain
import Testing

@Suite struct QRCodeTests {
    /// The worked example of ISO/IEC 18004 (annex I): "01234567" as version 1-M data codewords,
    /// and the ten error-correction codewords the standard lists for them.
    @Test func reedSolomonMatchesTheStandardsExample() {
        let data: [UInt8] = [16, 32, 12, 86, 97, 128, 236, 17, 236, 17, 236, 17, 236, 17, 236, 17]
        #expect(ReedSolomon.remainder(data, divisor: ReedSolomon.divisor(degree: 10)) == [165, 36, 212, 193, 237, 54, 199, 135, 44, 85])
    }

    /// Level M byte-mode capacities of versions 1–10 (ISO/IEC 18004 table 7): the last byte that
    /// fits a version, and one more, which needs the next.
    @Test(arguments: [(1, 14), (2, 26), (3, 42), (4, 62), (5, 84), (6, 106), (7, 122), (8, 152), (9, 180), (10, 213)])
    func theSmallestVersionThatHoldsTheBytes(version: Int, capacity: Int) throws {
        #expect(try #require(QRCode.encode([UInt8](repeating: 0x61, count: capacity))).version == version)
        #expect(try #require(QRCode.encode([UInt8](repeating: 0x61, count: capacity + 1))).version == version + 1)
    }

    @Test func tooMuchDataHasNoCode() {
        #expect(QRCode.encode([UInt8](repeating: 0x61, count: 2_331)) != nil)
        #expect(QRCode.encode([UInt8](repeating: 0x61, count: 2_332)) == nil)
    }

    @Test func finderPatternsTimingAndTheDarkModule() throws {
        let code = try #require(QRCode.encode("https://dc.yishui.gov.cn/plans/0D3F7C52-5D5A-4C84-9E0B-0D7C3F1F2A11/parts/3"))
        #expect(code.size == code.version * 4 + 17)
        for (cx, cy) in [(3, 3), (code.size - 4, 3), (3, code.size - 4)] {
            #expect(code[cx, cy] && code[cx - 3, cy - 3] && code[cx + 3, cy + 3])  // centre and corners dark
            #expect(!code[cx - 2, cy] && !code[cx + 2, cy])                        // the light ring
        }
        for i in 8..<(code.size - 8) {
            #expect(code[i, 6] == (i % 2 == 0))
            #expect(code[6, i] == (i % 2 == 0))
        }
        #expect(code[8, code.size - 8])
    }

    /// The 15 format bits around the top-left finder carry level M (00) and the chosen mask, and
    /// the copy split between the other two finders says the same.
    @Test func formatBitsNameLevelMAndTheMask() throws {
        let code = try #require(QRCode.encode("https://example.org/"))
        var first = 0, second = 0
        let firstPositions = (0...5).map { (8, $0) } + [(8, 7), (8, 8), (7, 8)] + (9..<15).map { (14 - $0, 8) }
        let secondPositions = (0..<8).map { (code.size - 1 - $0, 8) } + (8..<15).map { (8, code.size - 15 + $0) }
        for (i, (x, y)) in firstPositions.enumerated() where code[x, y] { first |= 1 << i }
        for (i, (x, y)) in secondPositions.enumerated() where code[x, y] { second |= 1 << i }
        #expect(first == second)
        let data = (first ^ 0x5412) >> 10
        #expect(data >> 3 == 0b00)
        #expect(data & 0b111 == code.mask)
    }

    @Test func theSameTextGivesTheSameCode() {
        #expect(QRCode.encode("https://example.org/a") == QRCode.encode("https://example.org/a"))
        #expect(QRCode.encode("https://example.org/a") != QRCode.encode("https://example.org/b"))
    }
}
