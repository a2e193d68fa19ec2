import Testing
@testable import GaizaoTemplates

/// `append(copying:)`, the one pointer copy of the library targets: the bytes land after what is there, in order,
/// whatever their length and the array's spare capacity (the CI's address-sanitizer run covers the copy itself).
@Suite struct ByteCopyTests {
    static let texts = ["", "a", "数字化改造", "0123456789abcdef", String(repeating: "改造 retrofit ", count: 300)]

    @Test(arguments: texts)
    func appendsAfterWhatIsThere(_ text: String) {
        for prefix in ["", "x", String(repeating: "前", count: 50)] {
            var out = Array(prefix.utf8)
            out.append(copying: text.utf8.span)
            #expect(out == Array((prefix + text).utf8))
        }
    }

    @Test func growsTheArrayAsAppendDoes() {
        var out: [UInt8] = []
        var expected: [UInt8] = []
        for round in 0..<200 {
            let text = String(repeating: "改", count: round % 17) + String(round)
            out.append(copying: text.utf8.span)
            expected.append(contentsOf: text.utf8)
        }
        #expect(out == expected)
    }

    @Test func copiesInsideAnOutputSpanBesideSingleBytes() {
        var out = Array("{".utf8)
        let value = "支撑材料 evidence"
        out.append(addingCapacity: value.utf8.count + 2) { line in
            line.append(UInt8(ascii: "\""))
            line.append(copying: value.utf8.span)
            line.append(UInt8(ascii: "\""))
        }
        #expect(String(decoding: out, as: UTF8.self) == "{\"支撑材料 evidence\"")
    }
}
