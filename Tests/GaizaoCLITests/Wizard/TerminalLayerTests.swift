import Testing
import GaizaoCore
@testable import GaizaoCLI

@Suite struct KeyDecoderTests {
    @Test func controlBytesAndArrows() {
        var d = KeyDecoder()
        let bytes: [UInt8] = [0x1B, 0x5B, 0x41, 0x1B, 0x5B, 0x42, 0x1B, 0x4F, 0x43, 0x1B, 0x5B, 0x44, 0x0D, 0x7F, 0x08, 0x03, 0x04, 0x15, 0x20, 0x09]
        #expect(d.feed(bytes) == [.up, .down, .right, .left, .enter, .backspace, .backspace, .ctrlC, .ctrlD, .ctrlU, .space, .tab])
        #expect(!d.hasPending)
    }

    /// Raw mode turns off the terminal's own Ctrl-Z: its byte arrives, for the terminal layer to suspend.
    @Test func ctrlZIsAKey() {
        var d = KeyDecoder()
        #expect(d.feed([0x61, 0x1A, 0x0D]) == [.char("a"), .ctrlZ, .enter])
    }

    @Test func tildeSequencesAndModifiers() {
        var d = KeyDecoder()
        #expect(d.feed(Array("\u{1B}[3~\u{1B}[5~\u{1B}[6~\u{1B}[1~\u{1B}[4~\u{1B}[H\u{1B}[F\u{1B}[1;5A".utf8))
                == [.delete, .pageUp, .pageDown, .home, .end, .home, .end, .up])
        #expect(d.feed(Array("\u{1B}[99~\u{1B}[Z".utf8)) == [.unknown, .unknown])
    }

    @Test func sequencesSplitAcrossReadsWait() {
        var d = KeyDecoder()
        #expect(d.feed([0x1B]) == [])
        #expect(d.hasPending)
        #expect(d.feed([0x5B]) == [])
        #expect(d.feed([0x41, 0x6A]) == [.up, .char("j")])
    }

    @Test func loneEscapeIsReportedOnFlush() {
        var d = KeyDecoder()
        #expect(d.feed([0x1B]) == [])
        #expect(d.flush() == [.escape])
        #expect(d.feed([0x1B, 0x71]) == [.escape, .char("q")], "ESC followed by a key is ESC, then the key")
    }

    @Test func utf8CharactersEvenWhenSplit() {
        var d = KeyDecoder()
        let bytes = Array("慈溪a１".utf8)
        #expect(d.feed(bytes.prefix(4)) == [.char("慈")])
        #expect(d.feed(bytes.dropFirst(4)) == [.char("溪"), .char("a"), .char("１")])
        #expect(d.feed([0xFF, 0x61]) == [.unknown, .char("a")], "an invalid byte does not stop decoding")
    }
}

@Suite struct TextWrapTests {
    @Test func wideCharactersTakeTwoCells() {
        let lines = TextWrap.wrap("企业名称营业执照上的全称", width: 10)
        #expect(lines == ["企业名称营", "业执照上的", "全称"])
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 10 })
    }

    @Test func latinWordsWrapAtSpacesAndLongWordsAreCut() {
        #expect(TextWrap.wrap("The full name on the business licence.", width: 12)
                == ["The full", "name on the", "business", "licence."])
        #expect(TextWrap.wrap("abcdefghijklmnop", width: 6) == ["abcdef", "ghijkl", "mnop"])
    }

    @Test func mixedTextWithPrefixes() {
        let lines = TextWrap.wrap("用CAD、CAE、EDA等设计软件辅助做产品设计。", width: 16, firstPrefix: "> 1. ", prefix: "     ")
        #expect(lines.first?.hasPrefix("> 1. 用CAD") == true)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("     ") })
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 16 })
        #expect(lines.joined().replacingOccurrences(of: " ", with: "").contains("产品设计。"))
    }

    @Test func truncateAndPad() {
        #expect(TextWrap.truncate("统一社会信用代码", width: 9) == "统一社会…")
        #expect(TextWrap.truncate("short", width: 9) == "short")
        #expect(TextWrap.pad("企业", to: 6) == "企业  ")
    }
}

@Suite struct AnswersFileTextTests {
    @Test func textIsQuotedSoAnyInputRoundTrips() {
        let nasty = "a\"b\\c: #d\n\te – \u{2028}'f' \u{7}x"
        #expect(WizardModel.quoted(nasty) == "\"a\\\"b\\\\c: #d\\n\\te – \\u2028'f' \\u0007x\"")
        // Typed, everything but the control character round-trips (issue 13: control characters are refused).
        var h = WizardHarness()
        h.run(keys(nasty.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: "\u{7}", with: ""), Key.enter))
        let decoded = h.decodedSave(partial: true)
        #expect(decoded.diagnostics.sorted.isEmpty)
        #expect(decoded.sheet?.answers["company_name"] == .text("a\"b\\c: #d\te – \u{2028}'f' x"))
        var refused = WizardHarness()
        refused.run(keys("a\u{7}b", Key.enter))
        #expect(refused.decodedSave(partial: true).sheet?.answers["company_name"] == nil)
    }

    @Test func valuesKeepWhatWasTyped() {
        #expect(WizardModel.yaml(.number(0.125)) == "0.125")
        #expect(WizardModel.yaml(.number(1e7)) == "10000000")
        #expect(WizardModel.yaml(.options(["no", "a-b"])) == "[\"no\", a-b]")
        #expect(WizardModel.yaml(.bool(false)) == "false")
    }
}

@Suite struct LineBreakRuleTests {
    @Test func closingPunctuationNeverStartsALine() {
        let lines = TextWrap.wrap("规范管理销售计划、订单", width: 16)
        #expect(lines == ["规范管理销售计", "划、订单"])
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 16 })
    }
}
