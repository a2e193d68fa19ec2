import Yams
import Mustache
public enum GaizaoCoreVersion { public static let string = "0.1.0" }
