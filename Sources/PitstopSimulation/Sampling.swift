#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import PitstopModel

/// A ``Distribution`` compiled for sampling: every draw uses exactly one uniform number
/// (inverse transform), so the number of draws per visitor is fixed by the persona and
/// common random numbers stay aligned. A plain value with no references.
struct Sampler {
    enum Kind: UInt8 {
        case constant, exponential, uniform, triangular, normal, lognormal
    }
    var kind: Kind
    var a: Double
    var b: Double
    var c: Double
    var d: Double

    /// Samples in minutes.
    init(_ distribution: Distribution) {
        switch distribution {
        case .constant(let x):
            self.init(kind: .constant, a: max(0, x), b: 0, c: 0, d: 0)
        case .exponential(let mean):
            self.init(kind: .exponential, a: max(0, mean), b: 0, c: 0, d: 0)
        case .uniform(let lo, let hi):
            self.init(kind: .uniform, a: lo, b: hi - lo, c: 0, d: 0)
        case .triangular(let lo, let mode, let hi):
            let width = hi - lo
            let split = width > 0 ? (mode - lo) / width : 0
            self.init(kind: .triangular, a: lo, b: hi, c: split, d: width)
        case .normal(let mean, let sd):
            if sd <= 0 {
                self.init(kind: .constant, a: max(0, mean), b: 0, c: 0, d: 0)
            } else {
                // Truncated at 0 by inversion on [Φ(−mean/sd), 1).
                let p0 = normalCDF(-mean / sd)
                self.init(kind: .normal, a: mean, b: sd, c: p0, d: 1 - p0)
            }
        case .lognormal(let mean, let sd):
            if sd <= 0 || mean <= 0 {
                self.init(kind: .constant, a: max(0, mean), b: 0, c: 0, d: 0)
            } else {
                // mean and sd of the variable itself: σ² = ln(1 + sd²/mean²), μ = ln mean − σ²/2.
                let s2 = log(1 + (sd * sd) / (mean * mean))
                self.init(kind: .lognormal, a: log(mean) - s2 / 2, b: s2.squareRoot(), c: 0, d: 0)
            }
        }
    }

    init(kind: Kind, a: Double, b: Double, c: Double, d: Double) {
        self.kind = kind
        self.a = a
        self.b = b
        self.c = c
        self.d = d
    }

    /// A constant needs no random number.
    var isConstant: Bool { kind == .constant }

    /// The value at uniform `u` ∈ [0, 1).
    @inline(__always)
    func value(_ u: Double) -> Double {
        switch kind {
        case .constant:
            return a
        case .exponential:
            return -a * log(1 - u)
        case .uniform:
            return a + u * b
        case .triangular:
            // d² may overflow for a huge range: then the same value as d·√(u·c).
            if u < c {
                let square = u * d * (c * d)
                return a + (square.isFinite ? square.squareRoot() : d * (u * c).squareRoot())
            }
            let square = (1 - u) * d * ((1 - c) * d)
            return b - (square.isFinite ? square.squareRoot() : d * ((1 - u) * (1 - c)).squareRoot())
        case .normal:
            let p = c + u * d
            return max(0, a + b * normalQuantile(p))
        case .lognormal:
            return exp(a + b * normalQuantile(u))
        }
    }

    /// One draw; constants draw nothing.
    @inline(__always)
    func draw(_ rng: inout SplitMix64) -> Double {
        if kind == .constant { return a }
        return value(rng.uniform())
    }
}

/// Φ(x), the standard normal distribution function.
func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

/// Φ⁻¹(p), the standard normal quantile (Wichura 1988, AS 241 PPND16; relative error
/// about 1e-16). p = 0 gives a large negative number rather than −∞.
func normalQuantile(_ pIn: Double) -> Double {
    let p = min(max(pIn, 1e-300), 1 - 1e-16)
    let q = p - 0.5
    if abs(q) <= 0.425 {
        let r = 0.180625 - q * q
        let num = (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r
            + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r
            + 133.14166789178437745) * r + 3.387132872796366608)
        let den = (((((((5226.495278852545925 * r + 28729.085735721942674) * r + 39307.89580009271061) * r
            + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r
            + 42.313330701600911252) * r + 1.0)
        return q * num / den
    }
    var r = q < 0 ? p : 1 - p
    r = (-log(r)).squareRoot()
    var value: Double
    if r <= 5 {
        r -= 1.6
        let num = (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r
            + 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r
            + 4.6303378461565452959) * r + 1.42343711074968357734)
        let den = (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r
            + 0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r
            + 2.05319162663775882187) * r + 1.0)
        value = num / den
    } else {
        r -= 5
        let num = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r
            + 0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r
            + 5.4637849111641143699) * r + 6.6579046435011037772)
        let den = (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r
            + 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r
            + 0.59983220655588793769) * r + 1.0)
        value = num / den
    }
    return q < 0 ? -value : value
}
