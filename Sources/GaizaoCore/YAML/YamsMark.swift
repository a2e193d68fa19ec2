import Yams

/// Builds Yams `Mark` values outside libyaml.
///
/// `Mark` has no public initializer: Yams only makes marks from libyaml's positions. The JSON fast path needs the
/// same marks libyaml would give, so it bit-casts a struct of the same shape (two `Int`s, line then column). The
/// cast is checked once at run time by reading a mark back through Yams's own properties; if a future Yams lays
/// `Mark` out differently, `isAvailable` is false and the fast path steps aside instead of producing wrong locations.
enum YamsMark {
    private struct Shape {
        var line: Int
        var column: Int
    }

    /// Whether `make` produces marks whose `line` and `column` read back as given.
    static let isAvailable: Bool = {
        guard MemoryLayout<Mark>.size == MemoryLayout<Shape>.size,
              MemoryLayout<Mark>.stride == MemoryLayout<Shape>.stride,
              MemoryLayout<Mark>.alignment == MemoryLayout<Shape>.alignment else { return false }
        let probe = unsafeBitCast(Shape(line: 12_345, column: 678), to: Mark.self)
        return probe.line == 12_345 && probe.column == 678
    }()

    /// A 1-based mark. Only call when `isAvailable` is true.
    @inline(__always)
    static func make(line: Int, column: Int) -> Mark {
        unsafeBitCast(Shape(line: line, column: column), to: Mark.self)
    }
}
