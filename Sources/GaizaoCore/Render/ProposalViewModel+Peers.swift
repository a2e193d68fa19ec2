import GaizaoTemplates

extension ViewModelBuilder {
    /// The peer benchmark of a batch's proposal (`peers` in templates/README.md); false when the proposal has none,
    /// so a single diagnosis renders as before.
    func peersSection() -> TemplateValue {
        guard let b = proposal.peers else { return .from(false) }
        let sceneNames = Dictionary(proposal.diagnosis.scenes.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let behind: [ViewNode] = b.scenesBehind.map { gap in
            [
                "name": .from(sceneNames[gap.scene].map(localized) ?? safe(gap.scene)),
                "level": .from(String(gap.level)),
                "median": .from(DecimalText.format(gap.median, digits: 1)),
            ]
        }
        let intro = strings.format("peersIntroFmt", ["industry": localized(proposal.enterprise.industryName), "band": localized(proposal.enterprise.sizeBandName), "peers": String(b.peers)])
        var standing = ""
        if let percentile = b.percentile, let rank = b.rank, let median = b.medianPoints {
            // Peers with the same points share the rank: said as shared (并列), every peer's when all tie.
            let tied = b.tied ?? 0
            let key = tied >= b.peers ? "peersStandingAllTiedFmt" : tied > 0 ? "peersStandingTiedFmt" : "peersStandingFmt"
            standing = strings.format(key, ["points": format.points(proposal.diagnosis.points), "percentile": "\(percentile)%",
                                            "rank": String(rank), "size": String(b.peers + 1), "median": format.points(median),
                                            "tied": String(tied), "peers": String(b.peers)])
        }
        let node: ViewNode = [
            "intro": .from(intro),
            "enough": .from(b.percentile != nil),
            "standing": .from(standing),
            "level2": .from(b.level2PlusPercent.map { strings.format("peersLevel2Fmt", ["share": "\($0)%"]) } ?? ""),
            "tooFew": .from(b.peers == 0 ? strings["peersNone"] : strings.format("peersTooFewFmt", ["peers": String(b.peers)])),
            "behind": .from(behind),
            "hasBehind": .from(!behind.isEmpty),
        ]
        return node.mustacheValue
    }
}
