import GaizaoCore

/// Where the user stands: section i/n, question j/m within it, share of the questionnaire done.
struct WizardProgress: Equatable {
    var section: Int
    var sections: Int
    var sectionTitle: Localized
    var question: Int
    var questions: Int
    /// Asked questions answered or deliberately skipped.
    var settled: Int
    /// Asked questions with an answer (skipped ones are not answered).
    var answered: Int = 0
    var asked: Int

    var percent: Int { asked == 0 ? 0 : settled * 100 / asked }
}

extension WizardModel {
    /// Progress at question `index` (counting only the questions asked with the answers as they stand).
    func progress(at index: Int?) -> WizardProgress {
        let asked = Set(askedIndices)
        var position = 0
        var activeSections: [(section: QuestionSection, indices: [Int])] = []
        for section in questionnaire.sections {
            let indices = section.questions.indices.map { position + $0 }.filter(asked.contains)
            position += section.questions.count
            if !indices.isEmpty { activeSections.append((section, indices)) }
        }
        let settled = asked.filter { isSettled(questionnaire.ordered[$0]) }.count
        var p = WizardProgress(section: 0, sections: activeSections.count, sectionTitle: .empty, question: 0,
                               questions: 0, settled: settled, asked: asked.count)
        p.answered = asked.filter { memory[questionnaire.ordered[$0].id] != nil }.count
        if let index, let s = activeSections.firstIndex(where: { $0.indices.contains(index) }) {
            p.section = s + 1
            p.sectionTitle = activeSections[s].section.title
            p.question = (activeSections[s].indices.firstIndex(of: index) ?? 0) + 1
            p.questions = activeSections[s].indices.count
        }
        return p
    }

    /// The share done as shown: never lower than shown before in this session (follow-up questions that appear
    /// add to the count, which would otherwise pull the share back), and 100% only when every asked question is settled.
    func shownPercent(_ p: WizardProgress) -> Int {
        let shown = max(p.percent, progressFloor)
        return p.settled < p.asked ? min(shown, 99) : shown
    }

    /// The MIIT points and level of the effective answers so far.
    func liveDiagnosis() -> (points: String, level: Int)? {
        guard let industry else { return nil }
        let d = Diagnoser(catalog: catalog).diagnose(industry: industry, answers: effectiveAnswers, questionnaire: questionnaire)
        return (formatNumber(Double(d.total) / 1000), d.level)
    }
}
