import Foundation
import GaizaoCore

/// summary.csv files read the one way both `gaizao summary` (merging them) and `diagnose --peers` (comparing one
/// enterprise with their rows) read them: every row checked as `SummaryCSV.lines` checks it — a row whose figures no
/// batch writes is failed, each problem located by file, row and column — and a row listing a result folder that
/// an earlier row listed (a row copied in an edited file) failed too: it would count the enterprise twice.
///
/// The same enterprise (its credit code, else its name: `EnterpriseRegister`) in two of the files read is failed
/// where it comes again: merged batches are shards of a run, or runs of different enterprises, and one found in two
/// of them is an overlap (a shard merged under two names, a batch run again beside the old one) that would count it
/// twice in the totals, the level shares and the peer groups — which of its two diagnoses is current only the user
/// can tell. Within one file it is only a warning: that batch diagnosed it twice and said so, and both may be meant.
struct SummaryInputs {
    /// Where a row was read: which file (in the order read) and its `file:row`.
    struct Place {
        var input: Int
        var at: String
    }

    /// The catalog's industries, which a row's industry must be one of.
    let industries: Set<String>?
    /// The most points a row may show: the maturity model's total.
    let maxPoints: Double
    /// The rows read, numbered in the order read.
    private(set) var rows: [BatchRow] = []
    /// The problems that failed rows here (figures no batch writes, repeated rows), in the order read. Rows that
    /// failed in their batch are not among them: their batch reported them.
    private(set) var refused: [BatchError] = []
    /// The same enterprise listed again in the same file (a batch that diagnosed it twice): warnings, each at the
    /// later row.
    private(set) var warnings: [BatchError] = []
    /// The positions in `rows` of those later rows.
    private(set) var repeats: Set<Int> = []
    /// Where each result folder (as `read`'s `link` gives it) was first listed.
    private var firstListed: [String: String] = [:]
    private var enterprises = EnterpriseRegister<Place>()
    /// How many files were read.
    private var inputs = 0

    /// `warnings` as printed, each ending with what it means for the reader (`consequence`).
    func warningLines(_ consequence: String) -> [String] {
        warnings.map { "\($0.file):\($0.row ?? 0): warning: \($0.message): \(consequence)" }
    }

    init(industries: Set<String>?, maxPoints: Double = SummaryCSV.defaultMaxPoints) {
        self.industries = industries
        self.maxPoints = maxPoints
    }

    /// Checked against `catalog`: its industries (every one the manifest lists, also when only one was loaded) and
    /// its maturity model's total points.
    init(catalog: Catalog) {
        self.init(industries: Set(catalog.manifest.industryIDs.map(\.text)), maxPoints: catalog.maturity.totalPoints)
    }

    /// Reads one summary.csv, `text`, shown as `file` in the errors; `link` gives a row's result folder (as the row
    /// lists it, relative to the summary's folder) as the rows keep it.
    mutating func read(_ text: String, file: String, link: (String) -> String) throws {
        guard let lines = SummaryCSV.lines(text, file: file, industries: industries, maxPoints: maxPoints) else {
            throw CLIError.input("\(file): not a summary.csv written by `gaizao batch`")
        }
        let input = inputs
        inputs += 1
        for (line, read, edited) in lines {
            var r = read
            r.index = rows.count + 1
            if let f = r.folder { r.folder = link(f) }
            if edited { refused += r.errors }
            if r.error == nil, let folder = r.folder {
                if let first = firstListed[folder] {
                    let repeated = BatchError(file: file, row: line, column: nil, question: nil,
                                              message: "repeats \(first) (the same result folder `\(ControlCharacters.visible(folder))`): each enterprise is counted once; remove the repeated row, or run the batch again")
                    r.errors = [repeated]
                    r.error = repeated.located
                    refused.append(repeated)
                } else {
                    firstListed[folder] = "\(file):\(line)"
                }
            }
            if r.error == nil, let match = enterprises.add(name: r.enterprise, code: r.creditCode, at: Place(input: input, at: "\(file):\(line)")) {
                if match.first.input != input {
                    let again = BatchError(file: file, row: line, column: nil, question: nil,
                                           message: "the same enterprise as \(match.first.at) (\(match.basis.said)), in another batch: each enterprise is counted once in a merge; leave out the batch that holds its older diagnosis, or remove one of the rows")
                    r.errors = [again]
                    r.error = again.located
                    refused.append(again)
                } else {
                    warnings.append(BatchError(file: file, row: line, column: nil, question: nil,
                                               message: "the same enterprise as \(match.first.at) (\(match.basis.said)), diagnosed twice in the same batch"))
                    repeats.insert(rows.count)
                }
            }
            rows.append(r)
        }
    }
}
