import Testing
import GaizaoCore
@testable import GaizaoCLI

/// Pasted text: decoded from the terminal's markers as one event, put into a field as one line, never read as keys.
@Suite struct WizardPasteTests {
    @Test func aBracketedPasteIsOneEventEvenAcrossReads() {
        var d = KeyDecoder()
        let bytes = Array("a\u{1B}[200~Kettles, irons\rsee 价目表\u{1B}[201~\r".utf8)
        #expect(d.feed(bytes.prefix(12)) == [.char("a")])
        #expect(d.isInPaste)
        #expect(d.feed(bytes.dropFirst(12)) == [.paste("Kettles, irons\rsee 价目表"), .enter])
        #expect(!d.hasPending)
        // A paste whose end marker never comes is still a paste when the terminal goes quiet.
        #expect(d.feed(Array("\u{1B}[200~s y 1".utf8)) == [])
        #expect(d.flush() == [.paste("s y 1")])
    }

    @Test func pastedTextBecomesOneLine() {
        #expect(WizardModel.pastedLine("Kettles, irons\nsee price list") == "Kettles, irons see price list")
        #expect(WizardModel.pastedLine("a\r\n\r\nb\tc\u{7}d\u{1B}[31m") == "a b cd[31m")
    }

    @Test func aPasteGoesIntoTheTextFieldWithItsLimit() {
        var h = WizardHarness()
        h.run(fullAutoPartsScript, until: "main_products")
        h.run(keys(TerminalEvent.key(.paste("Kettles, irons\nsee price list"))))
        #expect(h.currentID == "main_products")
        #expect(h.model.editor == .input("Kettles, irons see price list"))
        let long = String(repeating: "电熨斗、", count: 60)  // 240 characters; the field takes 200
        h.run(keys(Key.ctrlU, TerminalEvent.key(.paste(long))))
        #expect(h.model.editor == .input(String(long.prefix(200))))
        #expect(h.screen.contains("最多 200 个字。"))
    }

    @Test func aPasteGoesIntoANumberField() {
        var h = WizardHarness()
        h.run(fullAutoPartsScript, until: "employees")
        h.run(keys(TerminalEvent.key(.paste("85\n"))))
        #expect(h.model.editor == .input("85 "))
        h.run(keys(Key.enter))
        #expect(h.model.memory["employees"] == .number(85))
    }

    @Test func aPasteOnAListIsNotReadAsKeys() {
        var h = WizardHarness()
        h.run(fullAutoPartsScript, until: "it_staff")
        h.run(keys(TerminalEvent.key(.paste("3 see y\n"))))
        #expect(h.currentID == "it_staff")
        #expect(h.model.editor == .choice(cursor: 0))
        #expect(h.screen.contains("粘贴的文字没有用上"))
    }

    /// A terminal without bracketed paste: the text and its line break come as keys in one read.
    @Test func anUnmarkedPasteInATextFieldStaysInIt() {
        var h = WizardHarness()
        h.run(fullAutoPartsScript, until: "main_products")
        h.run([.keysInOneRead(keyList(keys("Kettles, irons", Key.enter, "see price list")))])
        #expect(h.currentID == "main_products")
        #expect(h.model.editor == .input("Kettles, irons see price list"))
        #expect(h.model.memory["main_customers"] == nil && !h.model.skipped.contains("main_customers"))
    }

    /// Keys typed ahead are not a paste: digits and the keys of a list after an Enter still answer, and text for a
    /// field that comes next goes into that field.
    @Test func keysTypedAheadAreStillKeys() {
        #expect(WizardModel.unmarkedPaste(keyList(keys("85", Key.enter, "1.5"))[...]) == nil)
        #expect(WizardModel.unmarkedPaste(keyList(keys("n", "y", "s", Key.enter, "see"))[...]) == nil)
        #expect(WizardModel.unmarkedPaste(keyList(keys("see", Key.down, "more"))[...])! == ("see", 3))
        var h = WizardHarness()
        h.run(fullAutoPartsScript, until: "main_products")
        h.run([.keysInOneRead(keyList(keys("锅", Key.enter, "1", Key.enter, "s")))])
        #expect(h.model.memory["main_products"] == .text("锅"))
        #expect(h.model.memory["main_customers"] == .options(["automaker"]))
        #expect(h.model.skipped.contains("it_staff"))
        var fields = WizardHarness()
        fields.run([.keysInOneRead(keyList(keys("慈溪厂", Key.enter, Key.enter, "横河镇", Key.enter, "85人", Key.enter)))])
        #expect(fields.model.memory["company_name"] == .text("慈溪厂"))
        #expect(fields.model.memory["town"] == .text("横河镇"))
        #expect(fields.model.memory["employees"] == .number(85))
    }
}

/// The keys of a script (its other events dropped).
private func keyList(_ events: [TerminalEvent]) -> [Key] {
    events.compactMap { if case let .key(k) = $0 { k } else { nil } }
}
