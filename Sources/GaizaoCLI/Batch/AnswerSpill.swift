import Foundation
import GaizaoCore

/// The answers of a batch's diagnosed enterprises between its two passes, kept in one scratch file instead of
/// memory: the first pass appends each enterprise's decoded answers and keeps only where they lie (`Place`, 12
/// bytes), the second reads them back one at a time. Memory between the passes thus holds no answers, whatever
/// the size of the batch or its input (standard input, which cannot be read twice, included), and the second
/// pass plans exactly the answers the first diagnosed, even if an input file changes in between.
///
/// Locking: an `NSLock` (a pthread mutex) guards the file handle and its end, as the batch's other shared state
/// is guarded; `Synchronization.Mutex` locks with futexes, which ThreadSanitizer cannot see, so CI's TSan batch
/// reported every append as a race.
final class AnswerSpill: @unchecked Sendable {
    /// Where one enterprise's answers lie in the file.
    struct Place: Sendable, Equatable {
        var offset: UInt64
        var count: UInt32
    }

    /// The scratch file's name: in the batch's scratch folder, beside the enterprise folders being written (whose
    /// names start with digits), and removed with it.
    static let fileName = ".answers"

    let path: String
    private let lock = NSLock()
    // Guarded by `lock`.
    private let handle: FileHandle
    private var end: UInt64 = 0

    init(folder: String) throws {
        path = (folder as NSString).appendingPathComponent(Self.fileName)
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forUpdatingAtPath: path) else {
            throw CLIError.input("\(path): cannot create a scratch file in the output folder (\(String(cString: strerror(errno))))")
        }
        self.handle = handle
    }

    deinit { try? handle.close() }

    /// Appends one enterprise's answers; throws the system's reason (a full disk) with the file's path.
    func append(_ answers: AnswerSheet) throws -> Place {
        let bytes = Data(AnswerSpillCoding.encode(answers))
        guard bytes.count <= UInt32.max else { throw CLIError.input("the answers are too large to keep for the second pass") }
        lock.lock()
        defer { lock.unlock() }
        do {
            try handle.seek(toOffset: end)
            try handle.write(contentsOf: bytes)
        } catch {
            throw CLIError.input("\(path): cannot keep the answers for the second pass (\(FileIO.reason(error)))")
        }
        let place = Place(offset: end, count: UInt32(bytes.count))
        end += UInt64(bytes.count)
        return place
    }

    /// The answers appended at `place`.
    func read(_ place: Place) throws -> AnswerSheet {
        let bytes: Data
        do {
            lock.lock()
            defer { lock.unlock() }
            try handle.seek(toOffset: place.offset)
            bytes = try handle.read(upToCount: Int(place.count)) ?? Data()
        } catch {
            throw CLIError.input("\(path): cannot read the answers kept for the second pass (\(FileIO.reason(error)))")
        }
        guard bytes.count == Int(place.count), let sheet = AnswerSpillCoding.decode([UInt8](bytes)) else {
            throw CLIError.input("\(path): the answers kept for the second pass were changed or cut short (was the scratch folder touched during the batch?)")
        }
        return sheet
    }
}

/// An answer sheet as bytes, exactly (numbers as their bits), without the answers' source locations: only
/// decoding errors use those, and the first pass reported them. Strings are a length (LEB128) and UTF-8 bytes.
enum AnswerSpillCoding {
    private enum Tag: UInt8 { case number = 1, text, option, options, boolFalse, boolTrue }

    static func encode(_ sheet: AnswerSheet) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 + sheet.answers.count * 24)
        func count(_ n: Int) {
            var n = UInt64(n)
            while n >= 0x80 { out.append(UInt8(n & 0x7F) | 0x80); n >>= 7 }
            out.append(UInt8(n))
        }
        func string(_ s: String) {
            count(s.utf8.count)
            out.append(contentsOf: s.utf8)
        }
        func optional(_ s: String?) {
            if let s { out.append(1); string(s) } else { out.append(0) }
        }
        string(sheet.industry)
        optional(sheet.date)
        optional(sheet.file)
        count(sheet.answers.count)
        for (id, value) in sheet.answers {
            string(id)
            switch value {
            case let .number(x):
                out.append(Tag.number.rawValue)
                var bits = x.bitPattern
                for _ in 0..<8 { out.append(UInt8(bits & 0xFF)); bits >>= 8 }
            case let .text(t): out.append(Tag.text.rawValue); string(t)
            case let .option(o): out.append(Tag.option.rawValue); string(o)
            case let .options(os):
                out.append(Tag.options.rawValue)
                count(os.count)
                for o in os { string(o) }
            case let .bool(b): out.append(b ? Tag.boolTrue.rawValue : Tag.boolFalse.rawValue)
            }
        }
        return out
    }

    /// The sheet `encode` wrote, or nil when the bytes are not such a sheet.
    static func decode(_ bytes: [UInt8]) -> AnswerSheet? {
        var i = 0
        func count() -> Int? {
            var n: UInt64 = 0, shift: UInt64 = 0
            while i < bytes.count, shift < 64 {
                let b = bytes[i]
                i += 1
                n |= UInt64(b & 0x7F) << shift
                if b < 0x80 { return n <= UInt64(bytes.count) ? Int(n) : nil }
                shift += 7
            }
            return nil
        }
        func string() -> String? {
            guard let n = count(), n <= bytes.count - i, let s = String(validating: bytes[i..<i + n], as: UTF8.self) else { return nil }
            i += n
            return s
        }
        func optional() -> String?? {
            guard i < bytes.count else { return nil }
            i += 1
            switch bytes[i - 1] {
            case 0: return .some(nil)
            case 1: return string().map { .some($0) }
            default: return nil
            }
        }
        guard let industry = string(), let date = optional(), let file = optional(), let answerCount = count() else { return nil }
        var answers: [String: AnswerValue] = [:]
        answers.reserveCapacity(answerCount)
        for _ in 0..<answerCount {
            guard let id = string(), i < bytes.count, let tag = Tag(rawValue: bytes[i]) else { return nil }
            i += 1
            let value: AnswerValue
            switch tag {
            case .number:
                guard bytes.count - i >= 8 else { return nil }
                var bits: UInt64 = 0
                for k in 0..<8 { bits |= UInt64(bytes[i + k]) << (8 * UInt64(k)) }
                i += 8
                value = .number(Double(bitPattern: bits))
            case .text: guard let t = string() else { return nil }; value = .text(t)
            case .option: guard let o = string() else { return nil }; value = .option(o)
            case .options:
                guard let n = count() else { return nil }
                var os: [String] = []
                for _ in 0..<n { guard let o = string() else { return nil }; os.append(o) }
                value = .options(os)
            case .boolFalse: value = .bool(false)
            case .boolTrue: value = .bool(true)
            }
            answers[id] = value
        }
        guard i == bytes.count else { return nil }
        return AnswerSheet(industry: industry, date: date, answers: answers, file: file)
    }
}
