/// Decodes terminal input bytes into keys: control bytes, CSI/SS3 escape sequences (arrows, Home/End, Delete,
/// PageUp/PageDown), bracketed pastes and UTF-8 characters. Bytes of an unfinished sequence wait for the next
/// chunk; a lone ESC is only reported by `flush()` when no more bytes follow shortly.
struct KeyDecoder {
    private var pending: [UInt8] = []

    /// What a terminal in bracketed-paste mode (`ESC[?2004h`) sends before and after pasted text.
    static let pasteStart = Array("\u{1B}[200~".utf8)
    static let pasteEnd = Array("\u{1B}[201~".utf8)

    /// Whether bytes are waiting for the rest of a sequence.
    var hasPending: Bool { !pending.isEmpty }

    /// Whether a paste has begun and its end marker has not come yet (a long paste may take several reads).
    var isInPaste: Bool { pending.starts(with: Self.pasteStart) }

    mutating func feed(_ bytes: some Sequence<UInt8>) -> [Key] {
        pending.append(contentsOf: bytes)
        var keys: [Key] = []
        while let (key, used) = Self.decodeOne(pending[...]) {
            keys.append(key)
            pending.removeFirst(used)
        }
        return keys
    }

    /// Reports what is left: a lone ESC becomes `escape`, a broken sequence `unknown`, and a paste whose end marker
    /// never came is still a paste (never keys).
    mutating func flush() -> [Key] {
        defer { pending.removeAll() }
        if pending == [0x1B] { return [.escape] }
        if isInPaste { return [.paste(String(decoding: pending.dropFirst(Self.pasteStart.count), as: UTF8.self))] }
        return pending.isEmpty ? [] : [.unknown]
    }

    /// One key from the front of `bytes` and how many bytes it used; nil when more bytes are needed.
    static func decodeOne(_ bytes: ArraySlice<UInt8>) -> (Key, Int)? {
        guard let b = bytes.first else { return nil }
        switch b {
        case 0x1B where bytes.starts(with: pasteStart): return paste(bytes)
        case 0x1B: return escapeSequence(bytes)
        case 0x0D, 0x0A: return (.enter, 1)
        case 0x09: return (.tab, 1)
        case 0x7F, 0x08: return (.backspace, 1)
        case 0x03: return (.ctrlC, 1)
        case 0x04: return (.ctrlD, 1)
        case 0x15: return (.ctrlU, 1)
        case 0x1A: return (.ctrlZ, 1)
        case 0x20: return (.space, 1)
        case 0x00..<0x20: return (.unknown, 1)
        case 0x21..<0x7F: return (.char(Character(Unicode.Scalar(b))), 1)
        default: return utf8Character(bytes)
        }
    }

    /// A bracketed paste at the front of `bytes`: the text between the markers (UTF-8, invalid bytes replaced),
    /// nil until the end marker has come.
    private static func paste(_ bytes: ArraySlice<UInt8>) -> (Key, Int)? {
        let body = bytes.dropFirst(pasteStart.count)
        guard let end = body.firstRange(of: pasteEnd) else { return nil }
        return (.paste(String(decoding: body[..<end.lowerBound], as: UTF8.self)), end.upperBound - bytes.startIndex)
    }

    private static func escapeSequence(_ bytes: ArraySlice<UInt8>) -> (Key, Int)? {
        let s = bytes.startIndex
        guard bytes.count >= 2 else { return nil }
        let introducer = bytes[s + 1]
        if introducer == UInt8(ascii: "O") {  // SS3: ESC O A (application cursor keys)
            guard bytes.count >= 3 else { return nil }
            return (finalKey(bytes[s + 2], parameter: nil), 3)
        }
        guard introducer == UInt8(ascii: "[") else { return (.escape, 1) }
        // CSI: parameters 0x30–0x3F, intermediates 0x20–0x2F, one final byte 0x40–0x7E.
        var i = s + 2
        var parameter = ""
        while i < bytes.endIndex {
            let c = bytes[i]
            if (0x40...0x7E).contains(c) {
                return (finalKey(c, parameter: parameter), i - s + 1)
            }
            guard (0x20...0x3F).contains(c) else { return (.unknown, i - s) }
            parameter.append(Character(Unicode.Scalar(c)))
            i += 1
        }
        return nil
    }

    private static func finalKey(_ c: UInt8, parameter: String?) -> Key {
        switch c {
        case UInt8(ascii: "A"): return .up
        case UInt8(ascii: "B"): return .down
        case UInt8(ascii: "C"): return .right
        case UInt8(ascii: "D"): return .left
        case UInt8(ascii: "H"): return .home
        case UInt8(ascii: "F"): return .end
        case UInt8(ascii: "~"):
            switch parameter?.split(separator: ";").first {
            case "1", "7": return .home
            case "4", "8": return .end
            case "3": return .delete
            case "5": return .pageUp
            case "6": return .pageDown
            default: return .unknown
            }
        default: return .unknown
        }
    }

    private static func utf8Character(_ bytes: ArraySlice<UInt8>) -> (Key, Int)? {
        let b = bytes.first!
        let length = b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
        guard length > 0 else { return (.unknown, 1) }
        guard bytes.count >= length else { return nil }
        let chunk = bytes.prefix(length)
        guard let text = String(validating: chunk, as: UTF8.self), let ch = text.first else { return (.unknown, 1) }
        return (.char(ch), length)
    }
}
