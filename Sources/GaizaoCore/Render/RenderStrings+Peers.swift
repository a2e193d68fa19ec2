/// The fixed texts of the peer benchmark (同行对标) in the diagnosis section of a batch's proposals.
extension RenderStrings {
    static let peerBenchmark: [(key: String, zh: String, en: String)] = [
        ("peersTitle", "同行对标", "Peer benchmark"),
        ("peersIntroFmt", "与本批次中同行业（{industry}）、同规模（{band}）的其他 {peers} 家企业相比：",
         "Compared with the {peers} other enterprises of this batch in the same industry ({industry}) and size band ({band}):"),
        ("peersStandingFmt", "现状得分 {points} 分，高于 {percentile} 的同行，在本组 {size} 家中排第 {rank} 位；本组得分中位数为 {median} 分。",
         "{points} points now, above {percentile} of its peers, ranked {rank} of the {size} in the group; the group's median is {median} points."),
        // A rank shared with peers of the same points is said to be shared (并列), not a rank of its own.
        ("peersStandingTiedFmt", "现状得分 {points} 分，高于 {percentile} 的同行（同分的算一半），在本组 {size} 家中与另外 {tied} 家并列第 {rank} 位；本组得分中位数为 {median} 分。",
         "{points} points now, above {percentile} of its peers (those with the same points counted half), ranked {rank} of the {size} in the group, tied with {tied} others; the group's median is {median} points."),
        ("peersStandingAllTiedFmt", "现状得分 {points} 分，与本组其他 {peers} 家同行得分相同：本组 {size} 家并列第 {rank} 位；本组得分中位数为 {median} 分。",
         "{points} points now, the same as each of its {peers} peers: all {size} in the group are tied at rank {rank}; the group's median is {median} points."),
        ("peersLevel2Fmt", "本组现状达到二级及以上的企业占 {share}（试点目标：改造后各细分行业 90% 以上）。",
         "{share} of the group is at level 2 or above now (the pilot's goal: 90% of each sub-industry after the retrofit)."),
        ("peersBehindTitle", "低于同行中位水平的场景", "Scenes below the group's median"),
        ("peersOwnLevel", "本企业现状", "This enterprise now"),
        ("peersMedianLevel", "同行中位", "Group median"),
        ("peersBehindNone", "没有低于同行中位水平的场景。", "No scene is below the group's median."),
        ("peersTooFewFmt", "本批次中同行业、同规模的其他企业只有 {peers} 家，不足以对标。",
         "This batch has only {peers} other enterprises of the same industry and size band: too few to benchmark."),
        ("peersNone", "本批次中没有其他同行业、同规模的企业，无法对标。", "This batch has no other enterprise of the same industry and size band to benchmark against."),
        ("peersNote", "同行均为本批次的企业，数据不离开本机。", "The peers are this batch's own enterprises; no data leaves the machine."),
    ]
}
