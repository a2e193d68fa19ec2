import Foundation

/// Lines of standard input as raw bytes, read in blocks: a line that is not UTF-8 is reported instead of being
/// silently repaired (as `readLine` does), and a line longer than `limit` is skipped without being held in memory.
/// A line ends at `\n`, `\r\n` or a lone `\r` (a file saved with old Mac line ends would otherwise be one line).
/// A stop (the batch's signal handler) ends the input: standard input is only read once `poll` says it has
/// something, so a terminal or a pipe that sends nothing, or a line that never ends (`< /dev/zero`), cannot keep
/// the batch from stopping (`signal` restarts a blocked `read` after the handler has run).
struct StdinLines {
    enum Line {
        case text(String)
        case notUTF8
        case tooLong(bytes: Int)
    }

    let limit: Int
    private var buffer: [UInt8] = []
    /// Where the current line starts in `buffer`, and how far it has been searched for its newline.
    private var start = 0
    private var scanned = 0
    private var atEnd = false

    /// True once the batch is stopping: no more is read, and `next()` returns nil.
    let stopRequested: @Sendable () -> Bool

    init(limit: Int, stopRequested: @escaping @Sendable () -> Bool = { false }) {
        self.limit = limit
        self.stopRequested = stopRequested
    }

    /// The `errno` of a failed read (standard input closed, or a folder): the input ended there.
    private(set) var readError: Int32?

    /// The next line without its line end (`\n`, `\r\n` or `\r`), or nil at the end of input.
    mutating func next() -> Line? {
        var skipped = 0  // bytes of an over-long line already dropped
        while true {
            if stopRequested() { return nil }
            // A `\r` read last may be the first half of a `\r\n`: the next block (or the end of input) tells.
            var waitsForNewline = false
            if let end = lineEnd() {
                let carriageReturn = buffer[end] == UInt8(ascii: "\r")
                if carriageReturn && end + 1 == buffer.count && !atEnd {
                    scanned = end
                    waitsForNewline = true
                } else {
                    let separator = carriageReturn && end + 1 < buffer.count && buffer[end + 1] == UInt8(ascii: "\n") ? 2 : 1
                    let line = take(upTo: end, dropping: separator)
                    return skipped > 0 ? .tooLong(bytes: skipped + line.count + separator) : decode(line)
                }
            } else {
                scanned = buffer.count
                if atEnd {
                    guard start < buffer.count || skipped > 0 else { return nil }
                    let line = take(upTo: buffer.count, dropping: 0)
                    return skipped > 0 ? .tooLong(bytes: skipped + line.count) : decode(line)
                }
            }
            if buffer.count - start > limit {
                // Too long already: forget what is held and keep skipping to the end of the line (a `\r` that may
                // end it is kept, to be read with what follows).
                let kept = waitsForNewline ? 1 : 0
                skipped += buffer.count - start - kept
                if kept == 0 { buffer.removeAll(keepingCapacity: true) } else { buffer.removeFirst(buffer.count - kept) }
                start = 0
                scanned = 0
            }
            fill()
        }
    }

    /// Where the first `\n` or `\r` from `scanned` on is, if any: one loop over the bytes, no call per byte.
    private func lineEnd() -> Int? {
        buffer.withUnsafeBufferPointer { bytes in
            var i = scanned
            while i < bytes.count {
                let byte = bytes[i]
                if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { return i }
                i += 1
            }
            return nil
        }
    }

    private mutating func take(upTo end: Int, dropping separator: Int) -> ArraySlice<UInt8> {
        let line = buffer[start..<end]
        start = end + separator
        scanned = start
        return line
    }

    private func decode(_ line: ArraySlice<UInt8>) -> Line {
        if line.count > limit { return .tooLong(bytes: line.count) }
        guard let text = String(validating: line, as: UTF8.self) else { return .notUTF8 }
        return .text(text)
    }

    /// Drops the lines already returned and reads the next block straight into the buffer.
    private mutating func fill() {
        // Waits for input a quarter of a second at a time, asking in between whether the batch is stopping.
        var ready = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        while !stopRequested() {
            let n = poll(&ready, 1, 250)
            if n > 0 || (n < 0 && errno != EINTR) { break }
        }
        if stopRequested() { return }
        if start > 0 {
            buffer.removeFirst(start)
            scanned -= start
            start = 0
        }
        let block = 1 << 16, held = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: block))
        let n = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress! + held, block) }
        buffer.removeLast(block - max(n, 0))
        if n < 0 && errno != EINTR { readError = errno }
        if n == 0 || (n < 0 && errno != EINTR) { atEnd = true }
    }
}
