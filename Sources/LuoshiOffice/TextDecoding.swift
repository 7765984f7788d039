import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text files from offices come in UTF-8 (often with a byte-order mark) or in GBK/GB18030.
public enum TextDecoding {
    public static func decode(_ data: Data) throws(OfficeError) -> String {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        if let text = convert(bytes, from: "GB18030") { return text }
        throw .unknownEncoding
    }

    /// iconv, present in every C library this runs on.
    static func convert(_ input: [UInt8], from encoding: String) -> String? {
        let descriptor = iconv_open("UTF-8", encoding)
        guard descriptor != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(descriptor) }
        var source = input
        var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
        let written: Int? = source.withUnsafeMutableBufferPointer { sourceBuffer -> Int? in
            output.withUnsafeMutableBufferPointer { outputBuffer -> Int? in
                guard let sourceBase = sourceBuffer.baseAddress, let outputBase = outputBuffer.baseAddress else { return 0 }
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(sourceBase).assumingMemoryBound(to: CChar.self)
                var inLeft = sourceBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outputBase).assumingMemoryBound(to: CChar.self)
                var outLeft = outputBuffer.count
                guard iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else { return nil }
                return outputBuffer.count - outLeft
            }
        }
        guard let written else { return nil }
        return String(validating: output.prefix(written), as: UTF8.self)
    }
}
