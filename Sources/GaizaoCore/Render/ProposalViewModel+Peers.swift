import GaizaoTemplates

extension ViewModelBuilder {
    /// The peer benchmark of a batch's proposal (`peers` in templates/README.md); false when the proposal has none,
    /// so a single diagnosis renders as before.
    func peersSection() -> TemplateValue {
        guard let b = p.peers else { return .v(false) }
        let sceneNames = Dictionary(p.diagnosis.scenes.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let behind: [ViewNode] = b.scenesBehind.map { gap in
            [
                "name": .v(sceneNames[gap.scene].map(l) ?? u(gap.scene)),
                "level": .v(String(gap.level)),
                "median": .v(DecimalText.format(gap.median, digits: 1)),
            ]
        }
        let intro = s.format("peersIntroFmt", ["industry": l(p.enterprise.industryName), "band": l(p.enterprise.sizeBandName), "peers": String(b.peers)])
        var standing = ""
        if let percentile = b.percentile, let rank = b.rank, let median = b.medianPoints {
            standing = s.format("peersStandingFmt", ["points": f.points(p.diagnosis.points), "percentile": "\(percentile)%",
                                                     "rank": String(rank), "size": String(b.peers + 1), "median": f.points(median)])
        }
        let node: ViewNode = [
            "intro": .v(intro),
            "enough": .v(b.percentile != nil),
            "standing": .v(standing),
            "level2": .v(b.level2PlusPercent.map { s.format("peersLevel2Fmt", ["share": "\($0)%"]) } ?? ""),
            "tooFew": .v(b.peers == 0 ? s["peersNone"] : s.format("peersTooFewFmt", ["peers": String(b.peers)])),
            "behind": .v(behind),
            "hasBehind": .v(!behind.isEmpty),
        ]
        return node.mustacheValue
    }
}
