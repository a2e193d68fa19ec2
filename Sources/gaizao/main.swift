import Foundation
import GaizaoCLI

exit(await GaizaoCommand.run(arguments: Array(CommandLine.arguments.dropFirst())))
