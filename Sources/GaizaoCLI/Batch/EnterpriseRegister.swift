import Foundation
import GaizaoCore

/// Tells the same enterprise listed twice (`batch` of a CSV with a row repeated, `summary` of two batches of the same
/// enterprises): by its unified social credit code (统一社会信用代码) where both give one, else by its company name.
/// Two with different codes are different enterprises whatever their names (a group's companies may share one).
struct EnterpriseRegister<Place> {
    /// What two listings share.
    enum Basis: Equatable {
        case creditCode(String)
        case name(String)
    }

    struct Match {
        /// Where the enterprise was listed first.
        var first: Place
        var basis: Basis
    }

    private var byCode: [String: Place] = [:]
    /// Each name's first listing, and whether that one gave a code.
    private var byName: [String: (place: Place, coded: Bool)] = [:]

    /// A credit code as compared: without spaces around it, in capitals (`91330282ma2…` is `91330282MA2…`).
    static func code(_ code: String?) -> String? {
        guard let code = code?.trimmingCharacters(in: .whitespacesAndNewlines).uppercased(), !code.isEmpty else { return nil }
        return code
    }

    static func name(_ name: String?) -> String? {
        guard let name = name?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty else { return nil }
        return name
    }

    /// Lists the enterprise named `name` with credit code `code` at `place`; returns where it was listed before, if
    /// it was.
    mutating func add(name: String?, code: String?, at place: Place) -> Match? {
        let code = Self.code(code), name = Self.name(name)
        var match: Match?
        if let code, let first = byCode[code] {
            match = Match(first: first, basis: .creditCode(code))
        } else if let name, let first = byName[name], code == nil || !first.coded {
            // By name when one of the two gives no code to tell them apart.
            match = Match(first: first.place, basis: .name(name))
        }
        if let code, byCode[code] == nil { byCode[code] = place }
        if let name, byName[name] == nil { byName[name] = (place, code != nil) }
        return match
    }
}

extension EnterpriseRegister.Basis {
    /// `credit code `X``, `company name `N`` (as the messages quote it).
    var said: String {
        switch self {
        case let .creditCode(code): return "credit code `\(ControlCharacters.visible(code))`"
        case let .name(name): return "company name `\(ControlCharacters.visible(name))`"
        }
    }
}
