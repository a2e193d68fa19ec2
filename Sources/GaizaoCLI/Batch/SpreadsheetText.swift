#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text files saved by spreadsheets: UTF-8 with or without a byte order mark (Excel's "CSV UTF-8"), or GB18030
/// (plain "CSV" in Excel and WPS on Chinese Windows, GBK being a subset of it). UTF-8 is tried first: a file that is
/// valid UTF-8 is read as UTF-8; any other file is read as GB18030 through the C library's `iconv`, which decodes
/// it strictly. A file that is neither fails with the line and column of the first byte that cannot be read in the
/// encoding that got furthest.
enum SpreadsheetText {
    enum Encoding: String, Sendable { case utf8 = "UTF-8", gb18030 = "GB18030" }

    struct Undecodable: Error {
        /// 1-based line and column (in characters) of the first byte that is not text, and its 0-based offset.
        var line: Int
        var column: Int
        var offset: Int
    }

    static func decode(_ data: [UInt8]) -> Result<(text: String, encoding: Encoding), Undecodable> {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) { return .success((text, .utf8)) }
        let utf8Failure = FileIO.firstInvalidUTF8Position(Array(bytes))
        switch gb18030(Array(bytes)) {
        case let .success(text): return .success((text, .gb18030))
        case let .failure(stopped):
            let offset = stopped.offset
            // Point at the byte where the more plausible reading stopped.
            if offset > utf8Failure.offset {
                let (line, column) = position(of: offset, in: Array(bytes))
                return .failure(Undecodable(line: line, column: column, offset: offset + bytes.startIndex))
            }
            return .failure(Undecodable(line: utf8Failure.line, column: utf8Failure.column, offset: utf8Failure.offset + bytes.startIndex))
        }
    }

    /// Where a GB18030 reading stopped: the 0-based offset of the first byte that is not GB18030.
    struct StoppedAt: Error { var offset: Int }

    /// `bytes` decoded from GB18030, or where the reading stopped.
    static func gb18030(_ bytes: [UInt8]) -> Result<String, StoppedAt> {
        guard let converter = Optional(iconv_open("UTF-8", "GB18030")), converter != iconv_t(bitPattern: -1) else {
            return .failure(StoppedAt(offset: 0))
        }
        defer { iconv_close(converter) }
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        var input = bytes
        let inputCount = input.count
        // iconv's C interface takes `char **` cursors into both buffers; it writes only within the counts given.
        let (status, left, produced) = input.withUnsafeMutableBufferPointer { inBytes in
            inBytes.withMemoryRebound(to: CChar.self) { inBuffer in
                output.withUnsafeMutableBufferPointer { outBytes in
                    outBytes.withMemoryRebound(to: CChar.self) { outBuffer in
                        var inPointer = inBuffer.baseAddress, outPointer = outBuffer.baseAddress
                        var inLeft = inBuffer.count, outLeft = outBuffer.count
                        let status = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                        // Flush any shift state (none for GB18030, but the call is cheap and correct).
                        if status != -1 { _ = iconv(converter, nil, nil, &outPointer, &outLeft) }
                        return (status, inLeft, outBuffer.count - outLeft)
                    }
                }
            }
        }
        // Every GB18030 character is at most 4 bytes and becomes at most 4 UTF-8 bytes, so the output cannot run out.
        guard status != -1, left == 0, let text = String(validating: output[..<produced], as: UTF8.self) else {
            return .failure(StoppedAt(offset: inputCount - left))
        }
        return .success(text)
    }

    /// 1-based line and column (counting characters of a GB18030 reading) of the byte at `offset`.
    private static func position(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1, column = 1, i = 0
        while i < offset && i < bytes.count {
            let b = bytes[i]
            if b == 0x0A { line += 1; column = 1; i += 1; continue }
            column += 1
            if b < 0x80 { i += 1 } else if i + 1 < bytes.count, (0x30...0x39).contains(bytes[i + 1]) { i += 4 } else { i += 2 }
        }
        return (line, column)
    }
}
