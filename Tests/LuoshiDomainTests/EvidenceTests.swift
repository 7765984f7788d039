import Foundation
import LuoshiDomain
import Testing

@Suite struct EvidenceTests {
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]
    static let pdf = Array("%PDF-1.7\n".utf8)
    static let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 20, 0]

    @Test func acceptedFormatsAreCheckedByTheirFirstBytes() throws {
        #expect(try Evidence.check(fileName: "现场照片.PNG", size: 10, leadingBytes: Self.png, maxBytes: 100).get().contentType == "image/png")
        #expect(try Evidence.check(fileName: "合同.pdf", size: 10, leadingBytes: Self.pdf, maxBytes: 100).get().fileName == "合同.pdf")
        #expect(try Evidence.check(fileName: "台账.xlsx", size: 10, leadingBytes: Self.zip, maxBytes: 100).get().contentType.hasSuffix("spreadsheetml.sheet"))
        #expect(try Evidence.check(fileName: "批复.ofd", size: 10, leadingBytes: Self.zip, maxBytes: 100).get().contentType == "application/ofd")
    }

    static let refusals: [(String, Int, [UInt8], String)] = [
        ("empty.pdf", 0, [], "请选择要上传的佐证材料"),
        ("big.pdf", 101, pdf, "超过"),
        ("run.exe", 10, [0x4D, 0x5A], "不是可上传的格式"),
        ("page.html", 10, Array("<html>".utf8), "不是可上传的格式"),
        ("noextension", 10, pdf, "不是可上传的格式"),
        ("renamed.pdf", 10, Array("<script>".utf8), "内容与扩展名 .pdf 不符"),
        ("fake.docx", 10, pdf, "内容与扩展名 .docx 不符"),
    ]

    @Test(arguments: refusals)
    func refusedFilesNameTheFieldAndSayWhy(_ name: String, _ size: Int, _ bytes: [UInt8], _ message: String) {
        guard case .failure(let error) = Evidence.check(fileName: name, size: size, leadingBytes: bytes, maxBytes: 100) else {
            Issue.record("\(name) was accepted")
            return
        }
        #expect(error.field == "file" && error.message.zh.contains(message), "\(error.message.zh)")
    }

    @Test func displayNamesDropPathsControlsAndQuotes() {
        #expect(Evidence.displayName("C:\\Users\\张三\\照片.jpg") == "照片.jpg")
        #expect(Evidence.displayName("../../etc/passwd") == "passwd")
        #expect(Evidence.displayName("a\"b\r\n.pdf") == "ab.pdf")
        #expect(Evidence.displayName("") == "file")
        let long = Evidence.displayName(String(repeating: "长", count: 300) + ".pdf")
        #expect(long.count == 120 && long.hasSuffix(".pdf"))
    }
}
