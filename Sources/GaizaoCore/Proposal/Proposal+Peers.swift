extension Proposal {
    /// Peer benchmarking (对标): the enterprise against the other enterprises of the same batch with the same
    /// industry and size band. No data leaves the machine: the peers are the batch's own enterprises.
    public struct PeerBenchmark: Codable, Sendable, Hashable {
        /// The other enterprises of the group (this one not counted).
        public var peers: Int
        /// The share of peers with fewer points now, ties counted half, 0–100; nil with fewer than 2 peers.
        public var percentile: Int?
        /// 1 = the most points in the group (this enterprise included); nil with fewer than 2 peers.
        public var rank: Int?
        /// The median points now of the group (this enterprise included); nil with fewer than 2 peers.
        public var medianPoints: Double?
        /// The share of the group (this enterprise included) at level 2 or above now, 0–100.
        public var level2PlusPercent: Int?
        /// The scenes where this enterprise's level now is below the group's median, in the model's order.
        public var scenesBehind: [SceneGap]
        /// How many peers have exactly this enterprise's points now (they share its `rank`); nil with fewer than 2
        /// peers, and absent from proposals written before it was added.
        public var tied: Int? = nil

        public struct SceneGap: Codable, Sendable, Hashable {
            public var scene: String
            public var level: Int
            public var median: Double

            public init(scene: String, level: Int, median: Double) {
                self.scene = scene
                self.level = level
                self.median = median
            }
        }

        public init(peers: Int, percentile: Int?, rank: Int?, medianPoints: Double?, level2PlusPercent: Int?, scenesBehind: [SceneGap],
                    tied: Int? = nil) {
            self.peers = peers
            self.percentile = percentile
            self.rank = rank
            self.medianPoints = medianPoints
            self.level2PlusPercent = level2PlusPercent
            self.scenesBehind = scenesBehind
            self.tied = tied
        }

        /// One enterprise against its peers (it not among them); `sceneOrder` orders the scenes behind.
        public static func make(_ member: PeerGroup.Member, peers: [PeerGroup.Member], sceneOrder: [String]) -> PeerBenchmark {
            PeerGroup(members: peers + [member], sceneOrder: sceneOrder).benchmark(member)
        }

        /// The middle value of sorted values (the mean of the two middle ones for an even count).
        static func median(_ sorted: [Double]) -> Double {
            guard !sorted.isEmpty else { return 0 }
            let mid = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
        }
    }
}

/// The enterprises of one industry and size band in a batch, summed up once so that each member's benchmark
/// costs a binary search, not a pass over the group (a batch may hold thousands of one kind).
public struct PeerGroup: Sendable {
    public struct Member: Sendable {
        public var points: Double
        public var level: Int
        public var sceneLevels: [String: Int]

        public init(points: Double, level: Int, sceneLevels: [String: Int]) {
            self.points = points
            self.level = level
            self.sceneLevels = sceneLevels
        }
    }

    let sortedPoints: [Double]
    let atLevel2: Int
    /// Each scene's median level over the members that have one, in the model's scene order.
    let sceneMedians: [(scene: String, median: Double)]

    public init(members: [Member], sceneOrder: [String]) {
        sortedPoints = members.map(\.points).sorted()
        atLevel2 = members.filter { $0.level >= 2 }.count
        sceneMedians = sceneOrder.compactMap { scene in
            let levels = members.compactMap { $0.sceneLevels[scene] }.sorted()
            return levels.isEmpty ? nil : (scene, Proposal.PeerBenchmark.median(levels.map(Double.init)))
        }
    }

    public var count: Int { sortedPoints.count }

    /// The benchmark of one member of the group: its peers are the other members. With fewer than 2 peers only
    /// their count is given (a rank among 2 says nothing a reader could use).
    public func benchmark(_ member: Member) -> Proposal.PeerBenchmark {
        let peers = count - 1
        guard peers >= 2 else {
            return .init(peers: max(0, peers), percentile: nil, rank: nil, medianPoints: nil, level2PlusPercent: nil, scenesBehind: [])
        }
        let below = firstIndex { $0 >= member.points }
        let notAbove = firstIndex { $0 > member.points }
        let ties = notAbove - below - 1  // the member itself is one of the equal points
        let percentile = Int(((Double(below) + Double(ties) / 2) * 100 / Double(peers)).rounded())
        let behind = sceneMedians.compactMap { entry -> Proposal.PeerBenchmark.SceneGap? in
            guard let level = member.sceneLevels[entry.scene], Double(level) < entry.median else { return nil }
            return .init(scene: entry.scene, level: level, median: entry.median)
        }
        return .init(peers: peers, percentile: percentile, rank: count - notAbove + 1,
                     medianPoints: Proposal.PeerBenchmark.median(sortedPoints),
                     level2PlusPercent: Int((Double(atLevel2) * 100 / Double(count)).rounded()), scenesBehind: behind, tied: ties)
    }

    /// The first position in `sortedPoints` whose value passes `test` (which turns from false to true once).
    private func firstIndex(where test: (Double) -> Bool) -> Int {
        var low = 0, high = sortedPoints.count
        while low < high {
            let mid = (low + high) / 2
            if test(sortedPoints[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
