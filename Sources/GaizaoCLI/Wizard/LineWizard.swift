import GaizaoCore

/// The wizard without a terminal (standard input is a file or a pipe): one answer per line, so it can be
/// scripted. Option numbers for choices, comma-separated numbers for multiple choice (`-` for none), y/n, numbers,
/// text; an empty line keeps the answer already given, else takes the default, else skips. A resumed file continues
/// at its first unanswered question. Same autosave as the interactive wizard.
struct LineWizard {
    var readLine: () -> String?
    /// Writes text exactly as given (the caller ends lines).
    var output: (String) -> Void
    private(set) var runner: WizardRunner

    enum Ending: Equatable { case finished, endOfInput }

    mutating func run(_ model: inout WizardModel) -> Ending {
        let ui = model.ui
        save(model)
        if model.screen == .resume {
            let p = model.progress(at: nil)
            write(ui.resumeHeading(path: runner.answersPath, answered: p.answered, skipped: p.settled - p.answered, asked: p.asked))
            model.resume("continue")
        }
        while true {
            switch model.screen {
            case .industry:
                write(ui.chooseIndustry)
                for c in model.choices { write("  \(c.number). \(c.label)") }
                guard let line = readAnswerLine() else { return .endOfInput }
                let list = model.choices
                let picked = Int(line).flatMap { n in list.first { $0.number == n } }
                    ?? list.first { $0.value == .option(line) }
                if case let .option(id)? = picked?.value, let industry = model.catalog.industry(id) {
                    model.chooseIndustry(industry)
                    save(model)
                } else {
                    write("  ! " + (ui.lang == .zh ? "请输入行业序号。" : "Enter the number of the industry."))
                }
            case let .question(index):
                let q = model.questionnaire.ordered[index]
                ask(q, index: index, model)
                guard let line = readAnswerLine() else { return .endOfInput }
                let outcome = AnswerInput.line(line, for: q, choices: model.choices, ui: ui)
                var problem: String?
                switch outcome {
                case let .answer(value): problem = model.submit(value)
                case .empty: problem = model.submit(model.memory[q.id] ?? q.defaultValue)
                case let .problem(why): problem = why
                }
                if let problem { write("  ! " + problem) }
                save(model)
                if let error = runner.saveError { write("  ! " + ui.saveFailed(error)) }
            case .review:
                model.finish()
            case .date:
                // The end of the input here takes the default date (today), so a scripted run needs no date line.
                write("")
                write(ui.dateQuestion + " (" + ui.dateHint(today: model.defaultDate, earlier: model.isReassessment ? model.date : nil) + ")")
                output("> ")
                let line = readAnswerLine() ?? ""
                model.confirmDate(line)
                if let problem = model.message, model.screen == .date { write("  ! " + problem) }
                save(model)
            case .resume:
                model.resume("continue")
            case .finished:
                return .finished
            case .quit:
                return .endOfInput
            }
        }
    }

    /// Autosaves; says once where the original answers file was copied when the first save made that copy.
    private mutating func save(_ model: WizardModel) {
        let before = runner.backupPath
        runner.saveIfNeeded(model)
        if before == nil, let backup = runner.backupPath { write("  " + model.ui.backupMade(runner.answersPath, backup: backup)) }
    }

    private func readAnswerLine() -> String? {
        guard let line = readLine() else { return nil }
        return line.hasSuffix("\r") ? String(line.dropLast()) : line
    }

    private func ask(_ q: Question, index: Int, _ model: WizardModel) {
        let ui = model.ui, lang = model.lang
        let p = model.progress(at: index)
        let position = (model.askedIndices.firstIndex(of: index) ?? 0) + 1
        write("")
        write("[\(position)/\(p.asked)] \(p.sectionTitle[lang]) — \(q.label[lang])\(q.required ? ui.required : "")")
        for c in model.choices {
            let label = q.kind == .level && c.number > 0 ? "\(ui.level(c.number))：\(c.label)" : c.label
            write("  \(c.number). \(label)")
        }
        var hint: [String] = []
        switch q.kind {
        case .multi: hint.append(lang == .zh ? "多选：用逗号分隔序号，- 表示都没有" : "several: numbers separated by commas, - for none")
        case .yesno: hint.append(lang == .zh ? "y 是 / n 否" : "y yes / n no")
        case .number:
            hint.append(ui.inputHint(unit: q.unit?[lang], range: AnswerInput.rangeText(q), integer: q.integer, defaultText: nil, maxLength: nil, optional: false))
        case .text:
            hint.append(ui.inputHint(unit: nil, range: nil, integer: false, defaultText: nil, maxLength: q.maxLength,
                                     exactLength: q.id == CreditCode.questionID ? CreditCode.length : nil, optional: false))
        default: break
        }
        if let current = model.memory[q.id] {
            hint.append((lang == .zh ? "空行保留：" : "empty line keeps: ") + WizardAnswerDisplay.text(current, for: q, lang: lang))
        } else if let d = q.defaultValue {
            hint.append((lang == .zh ? "空行取默认：" : "empty line takes the default: ") + WizardAnswerDisplay.text(d, for: q, lang: lang))
        } else if !q.required {
            hint.append(lang == .zh ? "空行跳过" : "empty line skips")
        }
        write("  (" + hint.filter { !$0.isEmpty }.joined(separator: lang == .zh ? "；" : "; ") + ")")
        output("> ")
    }

    private func write(_ line: String) { output(line + "\n") }
}
