/// The texts that fit what the package holds: a package with no module (management measures only) or with
/// nothing at all is no retrofit project, and a target at or below today's level is no step up. Without these the
/// proposal told an owner with nothing to buy to sign a contract, train users before go-live and apply for
/// subsidies.
extension RenderStrings {
    static let scope: [(key: String, zh: String, en: String)] = [
        // Summary
        ("headlineEmpty", "企业保持{now}，得分 {p1} 分。", "The enterprise stays at {now}, with {p1} points."),
        ("plainEmptyReachedFmt", "本方案不含模块或管理措施：企业现已达到目标{level}，无需改造，也无需签订改造合同或申报改造补助。",
         "The package holds no module and no measure: the enterprise is at the target {level} already, so there is nothing to retrofit, no retrofit contract to sign and no retrofit subsidy to apply for."),
        ("plainEmptyMissedFmt", "本方案不含模块或管理措施：目录中的模块和措施无法使企业从{now}提升到目标{level}（原因见“目标等级与投入路径”），因此无需签订改造合同或申报改造补助，以下投入、补助和工期均为零。",
         "The package holds no module and no measure: the catalog's modules and measures cannot take the enterprise from {now} to the target {level} (why: see \"Target level and what it costs\"), so there is no retrofit contract to sign and no retrofit subsidy to apply for; the investment, subsidy and duration below are zero."),
        ("plainEmptyOverBudgetFmt", "本方案不含模块或管理措施：预算内无法使企业从{now}提升到目标{level}（所需投入见“各等级所需投入”），因此无需签订改造合同或申报改造补助，以下投入、补助和工期均为零。",
         "The package holds no module and no measure: within the budget nothing takes the enterprise from {now} to the target {level} (what it costs: see \"What each level costs\"), so there is no retrofit contract to sign and no retrofit subsidy to apply for; the investment, subsidy and duration below are zero."),
        ("plainEmptyRules", "本方案不含模块或管理措施：诊断规则没有选出需要新建或升级的模块，无需签订改造合同或申报改造补助。",
         "The package holds no module and no measure: the diagnosis rules chose nothing to build or upgrade, so there is no retrofit contract to sign and no retrofit subsidy to apply for."),
        ("plainMeasuresOnlyFmt", "本方案不含改造模块，只有 {n} 项由企业自行实施的管理措施：无需签订改造合同，也没有按模块投入计算的改造补助。",
         "The package holds no module, only {n} management {n|measure|measures} the enterprise carries out itself: there is no retrofit contract to sign and no retrofit subsidy, which is paid on modules."),
        // Target below or at today's level
        ("targetBelowNowFmt", "目标{level}（{why}）低于企业现有的{now}：企业已高于目标，本方案只保持现有等级（改造后预计{after}），不为提升等级选取模块；提升等级所需投入见“各等级所需投入”。",
         "Target {level} ({why}) is below the enterprise's current {now}: it is above the target already, so the package only keeps its level (projected after: {after}) and picks nothing to raise it; what a higher level costs is under \"What each level costs\"."),
        ("targetAtNowFmt", "目标{level}（{why}）：企业现已达到，本方案保持该等级（改造后预计{after}）。",
         "Target {level} ({why}): the enterprise is there already; the package keeps it (projected after: {after})."),
        // Ladder: a level reached already costs nothing to reach.
        ("ladderReachedMustFmt", "现已达到；另有各级方案均含的必选模块 {cost}", "reached already; the must-haves every package holds cost {cost}"),
        // Roadmap, acceptance
        ("acceptanceNone", "本方案不含模块或管理措施，没有需要验收的交付。", "The package holds no module or measure: there is nothing to accept."),
        ("acceptanceMeasuresOnly", "本方案不含模块，没有模块验收；管理措施由现场评测按“管理提升措施”一节所列的支撑材料核验。",
         "The package holds no module, so no module is accepted; the management measures are checked at the on-site rating against the evidence listed under \"Management measures\"."),
        // Organisation
        ("orgIntroEmpty", "本方案不含模块或管理措施，无需组建改造项目组。", "The package holds no module or measure: no project team is needed."),
        ("orgIntroMeasures", "本方案只有由企业自行实施的管理措施：企业负责人牵头，由一名负责人组织落实；总包商可按需协助。",
         "The package holds only management measures, the enterprise's own work: the owner leads and one person organises it; the contractor may help."),
        ("roleSponsorMeasuresDuty", "审定管理措施，协调各部门，督促按期落实", "Approves the measures, aligns departments, sees that they are done on time"),
        ("roleLeadMeasuresDuty", "组织实施各项管理措施，整理现场评测所需的支撑材料", "Organises the measures and gathers the evidence for the on-site rating"),
        ("roleLeadNoneFmt", "企业目前没有人专门负责数字化：须在合同签订前指定一名项目经理（可兼职）{note}",
         "Nobody looks after digital work today: name a project manager (part-time is fine) before signing{note}"),
        ("roleLeadNoneMeasuresFmt", "企业目前没有人专门负责数字化：须指定一名负责人（可兼职）组织实施管理措施{note}",
         "Nobody looks after digital work today: name someone (part-time is fine) to organise the measures{note}"),
        ("leadMeasureInFmt", "，即本方案的管理措施“{m}”，其费用和评测得分已计入方案", ": this is the package's measure \"{m}\", its cost and points counted"),
        ("leadMeasureOutFmt", "。这是实施的需要；本方案未把“{m}”列为管理措施，其费用和评测得分（人才建设）均未计入",
         ". The project needs one; the package does not hold the measure \"{m}\", so neither its cost nor its points (talent building) are counted"),
        ("trainingIntroMeasures", "本方案没有上线的系统，无需系统操作培训。", "No system goes live in this package, so there is no system training."),
        // Security
        ("securityIntroNoModules", "本方案不新增联网设备或业务系统。以下按现状列出应补齐的安全措施，参照网络安全等级保护 2.0（GB/T 22239-2019）二级的通用要求和工业控制系统扩展要求，由企业自行安排，费用不在本方案内。",
         "The package adds no networked machine or business system. Below are the security measures the enterprise should complete as things stand, after the general and industrial-control requirements of Classified Protection 2.0 (GB/T 22239-2019), level 2; the enterprise arranges them, outside this package's cost."),
        ("securityAdvice", "建议补齐的措施", "Measures advised"),
        ("riskSecurityNow", "现有设备和系统遭受勒索病毒等网络攻击，造成停产", "Ransomware or other attacks on the machines and systems in place, stopping production"),
        ("riskSecurityNowMit", "按“网络与数据安全方案”一节的建议补齐措施；定期备份并演练恢复", "Complete the measures advised under \"Network and data security\"; back up and rehearse restores"),
        // Risk matrix: the built-in risks' mitigations
        ("riskTargetOverBudgetMit", "如需达到目标{level}，按“各等级所需投入”把预算提高到该级所需；否则合同和验收按本方案可达到的{after}约定，不承诺目标等级",
         "To reach the target {level}, raise the budget to what \"What each level costs\" gives for it; else contract and accept at the {after} this package reaches, without promising the target"),
        ("riskTargetOutOfReachMit", "不承诺目标{level}：本方案按可达到的{after}约定合同和验收；所缺条件（见“目标等级与投入路径”）须靠目录以外的改造或成效指标的实际改善补齐，在下次诊断时复核",
         "Do not promise the target {level}: contract and accept at the {after} this package reaches; what is missing (see \"Target level and what it costs\") needs work outside the catalog or real gains in the outcome indicators, to be checked at the next diagnosis"),
        ("riskTargetOutOfReachEmptyMit", "企业保持{after}，不承诺目标{level}；所缺条件（见“目标等级与投入路径”）须靠目录以外的改造或成效指标的实际改善补齐，在下次诊断时复核",
         "The enterprise stays at {after}; the target {level} is not promised. What is missing (see \"Target level and what it costs\") needs work outside the catalog or real gains in the outcome indicators, to be checked at the next diagnosis"),
        ("riskBelowPassMit", "评审前按“各等级所需投入”补充模块或管理措施；二级仍无法达到时，在评审中说明原因",
         "Before the review, add modules or measures as \"What each level costs\" shows; if level 2 stays out of reach, explain why at the review"),
        // Prerequisites
        ("prereqMeasures", "企业指定一名负责人组织实施管理措施，并整理支撑材料。", "The enterprise names someone to organise the measures and gather their evidence."),
        ("prereqNone", "本方案不含模块或管理措施，没有实施前提。", "The package holds no module or measure: there is nothing to prepare for."),
        // Next steps
        ("nextReviewMeasures", "与企业共同审阅本方案，确认要实施的管理措施和负责人。", "Review this proposal with the enterprise; confirm the measures to carry out and who leads them."),
        ("nextMeasuresFmt", "由企业自行实施管理措施：{names}；按“管理提升措施”一节备齐支撑材料。",
         "The enterprise carries out the measures itself: {names}; gather the evidence listed under \"Management measures\"."),
        ("nextRating", "措施落实后，按 2024 版评测指标申请现场评测（复评），核验等级。", "Once the measures are in place, ask for the on-site rating (re-rating) against the 2024 indicators to confirm the level."),
        ("nextReviewEmpty", "与企业共同审阅本方案：本方案不含模块或管理措施，无需签订改造合同，也无需申报改造补助。",
         "Review this proposal with the enterprise: it holds no module or measure, so there is no retrofit contract to sign and no retrofit subsidy to apply for."),
        ("nextKeepFmt", "保持{now}：按附录B备齐现有的支撑材料，以备现场评测或复评。", "Keep {now}: have the evidence in Appendix B ready for the on-site rating or a re-rating."),
        ("nextGapFmt", "目标{level}所缺条件见“目标等级与投入路径”：目录中的模块和措施无法补齐，须另行论证目录以外的改造，或待成效指标实际改善后在下次诊断时复核。",
         "What the target {level} lacks is under \"Target level and what it costs\": the catalog's modules and measures cannot close it; work outside the catalog needs its own case, or real gains in the outcome indicators are checked at the next diagnosis."),
        ("nextGapBudgetFmt", "目标{level}在预算内无法达到：所需投入见“各等级所需投入”。", "The target {level} is out of reach within the budget: what it costs is under \"What each level costs\"."),
        ("nextSecurity", "按“网络与数据安全方案”一节的建议补齐安全措施（费用另计）。", "Complete the security measures advised under \"Network and data security\" (costed apart)."),
        ("nextRediagnose", "每年复诊一次，跟踪得分和场景等级，并与同行对标。", "Diagnose again each year to track the points and scene levels against peers."),
    ]
}
