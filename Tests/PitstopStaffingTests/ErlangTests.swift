import Foundation
import Testing

@testable import PitstopStaffing

/// Erlang A by another route: the Erlang B recursion and the tail series (solver notes §4,
/// form 1), in plain Double — exact, but only where the series does not overflow.
struct TailSeriesErlangA {
    var pWait: Double
    var pAbandon: Double
    var meanWait: Double
    var meanWaitServed: Double

    init(lambda: Double, mu: Double, theta: Double, c: Int) {
        var b = 1.0
        if c > 0 { for n in 1...c { b = lambda / mu * b / (Double(n) + lambda / mu * b) } }
        // r_k = Π_{j≤k} λ/(cμ + jθ): π_{c+k} = π_c · r_k.
        var s = 1.0, q = 0.0, r = 1.0, k = 0
        // Served after waiting, and the served wait: recursions over the k ahead (not the
        // closed forms of the library): g_k = E[e^{−θV_k}], f_k = E[V_k e^{−θV_k}] with
        // V_k = V_{k−1} + Exp(cμ + kθ).
        var g = Double(c) * mu / (Double(c) * mu + theta)
        var f = Double(c) * mu / pow(Double(c) * mu + theta, 2)
        var servedSum = g, waitSum = f
        while true {
            k += 1
            r *= lambda / (Double(c) * mu + Double(k) * theta)
            s += r
            q += Double(k) * r
            let rate = Double(c) * mu + Double(k) * theta
            let (g1, f1) = (g * rate / (rate + theta), f * rate / (rate + theta) + g * rate / pow(rate + theta, 2))
            (g, f) = (g1, f1)
            servedSum += r * g
            waitSum += r * f
            if r < 1e-18 * s && lambda < rate { break }
        }
        let norm = 1 + (s - 1) * b  // π_c·S / P(wait) = …: P(wait) = S·B / (1 + (S−1)·B)
        pWait = s * b / norm
        let queue = b * q / norm
        pAbandon = theta * queue / lambda
        meanWait = queue / lambda
        let piC = b / norm
        let servedAfterWait = piC * servedSum
        let served = (1 - pWait) + servedAfterWait
        meanWaitServed = piC * waitSum / served
    }
}

/// P(W ≤ t | served) in Erlang A by integrating the tagged request's chain (k ahead, the
/// request itself still waiting) with fourth-order Runge–Kutta: no uniformisation.
func servedWaitAtMostByODE(lambda: Double, mu: Double, theta: Double, c: Int, t: Double) -> Double {
    let chain = TailSeriesErlangA(lambda: lambda, mu: mu, theta: theta, c: c)
    var b = 1.0
    for n in 1...c { b = lambda / mu * b / (Double(n) + lambda / mu * b) }
    var s = 1.0, r = 1.0, start: [Double] = [1], k = 0
    while r > 1e-16 * s || Double(c) * mu + Double(k) * theta < lambda {
        k += 1
        r *= lambda / (Double(c) * mu + Double(k) * theta)
        s += r
        start.append(r)
    }
    let piC = b / (1 + (s - 1) * b)
    var y = start.map { $0 * piC }  // mass waiting with j ahead, still patient
    var served = 0.0  // mass served so far (after waiting)
    let cmu = Double(c) * mu
    func derivative(_ y: [Double]) -> ([Double], Double) {
        var dy = Array(repeating: 0.0, count: y.count)
        for j in y.indices {
            let out = (cmu + Double(j) * theta) + theta
            dy[j] -= out * y[j]
            if j + 1 < y.count { dy[j] += (cmu + Double(j + 1) * theta) * y[j + 1] }
        }
        return (dy, cmu * y[0])
    }
    let steps = max(500, Int(t * 500))
    let h = t / Double(steps)
    for _ in 0..<steps {
        let (k1, s1) = derivative(y)
        let (k2, s2) = derivative(zip(y, k1).map { $0 + h / 2 * $1 })
        let (k3, s3) = derivative(zip(y, k2).map { $0 + h / 2 * $1 })
        let (k4, s4) = derivative(zip(y, k3).map { $0 + h * $1 })
        for j in y.indices { y[j] += h / 6 * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j]) }
        served += h / 6 * (s1 + 2 * s2 + 2 * s3 + s4)
    }
    let totalServed = 1 - chain.pAbandon
    return ((1 - chain.pWait) + served) / totalServed
}

@Suite struct ErlangTests {
    /// The mpmath table of the solver notes §4 (30 digits, both the chain and the closed form):
    /// λ per minute, mean service, mean patience, c, P(served), P(wait), E[W].
    static let published: [(Double, Double, Double, Int, Double, Double, Double)] = [
        (1, 4.5, 10, 3, 0.639758108068625, 0.914485512929951, 3.60241891931375),
        (1, 4.5, 10, 4, 0.794276410440402, 0.752186796413260, 2.05723589559598),
        (1, 4.5, 10, 5, 0.894292690012077, 0.536537396070984, 1.05707309987923),
        (1, 4.5, 10, 6, 0.950145263818533, 0.335151926260432, 0.498547361814665),
        (1, 4.5, 10, 7, 0.978141678449685, 0.186422505194381, 0.218583215503150),
        (1, 4.5, 10, 8, 0.991040845409641, 0.0935670276622511, 0.0895915459035871),
        (2.2, 5, 3, 10, 0.816060917693290, 0.591624292493697, 0.551817246920129),
        (30, 6, 8, 170, 0.936740546714483, 0.825410143091782, 0.506075626284140),
        (30, 6, 8, 180, 0.972410536472399, 0.545070099217708, 0.220715708220810),
        (30, 6, 8, 185, 0.983735648857849, 0.388650235405540, 0.130114809137211),
        (30, 6, 8, 190, 0.991162947766255, 0.251628212458958, 0.0706964178699574),
        (30, 6, 8, 195, 0.995588441227434, 0.147433044512036, 0.0352924701805294),
        (30, 6, 8, 200, 0.997982036144463, 0.0780252990107931, 0.0161437108442990),
    ]

    @Test func erlangAMatchesThePublishedValues() {
        for (lambda, service, patience, c, served, wait, meanWait) in Self.published {
            let p = ServiceQueue(arrivalsPerMinute: lambda, meanServiceMinutes: service, meanPatienceMinutes: patience)
                .performance(servers: c)
            #expect(abs(p.servedShare - served) < 1e-12, "λ \(lambda) c \(c): served \(p.servedShare) vs \(served)")
            #expect(abs(p.waitProbability - wait) < 1e-12, "λ \(lambda) c \(c): P(wait) \(p.waitProbability) vs \(wait)")
            #expect(abs(p.meanWaitMinutes - meanWait) / meanWait < 1e-11, "λ \(lambda) c \(c): E[W] \(p.meanWaitMinutes)")
        }
    }

    /// At c = 200 and load 180, aⁿ/n! overflows Double (from c = 137); the log-space chain does not.
    @Test func loadOf180WithTwoHundredStaffStaysFinite() {
        #expect(pow(180.0, 137.0).isInfinite)
        let p = ServiceQueue(arrivalsPerMinute: 30, meanServiceMinutes: 6, meanPatienceMinutes: 8).performance(servers: 200)
        #expect(p.servedShare.isFinite && p.waitProbability.isFinite && p.meanWaitServedMinutes.isFinite)
        let c = ServiceQueue(arrivalsPerMinute: 30, meanServiceMinutes: 6, meanPatienceMinutes: nil).performance(servers: 200)
        #expect(c.isStable && c.waitProbability > 0 && c.waitProbability < 1 && c.meanWaitMinutes.isFinite)
    }

    /// The Erlang B recursion with the tail series, and recursions for the served requests'
    /// waits, give the same numbers as the log-space chain wherever the series is safe.
    @Test func erlangAEqualsAnIndependentExactComputation() {
        let cases: [(Double, Double, Double, Int)] = [
            (1, 4.5, 10, 1), (1, 4.5, 10, 5), (0.2, 15, 12, 1), (0.2, 15, 12, 3), (0.5, 20, 20, 2),
            (2.2, 5, 3, 10), (0.05, 8, 4, 1), (3, 10, 15, 25), (3, 10, 15, 40), (0.8, 12, 0.5, 6),
        ]
        for (lambda, service, patience, c) in cases {
            let p = ServiceQueue(arrivalsPerMinute: lambda, meanServiceMinutes: service, meanPatienceMinutes: patience)
                .performance(servers: c)
            let x = TailSeriesErlangA(lambda: lambda, mu: 1 / service, theta: 1 / patience, c: c)
            let label = "λ \(lambda) 1/μ \(service) 1/θ \(patience) c \(c)"
            #expect(abs(p.waitProbability - x.pWait) < 1e-12, "\(label): P(wait)")
            #expect(abs(p.abandonProbability - x.pAbandon) < 1e-12, "\(label): P(abandon)")
            #expect(abs(p.meanWaitMinutes - x.meanWait) <= 1e-11 * max(1, x.meanWait), "\(label): E[W]")
            #expect(abs(p.meanWaitServedMinutes - x.meanWaitServed) <= 1e-11 * max(1, x.meanWaitServed),
                    "\(label): E[W | served] \(p.meanWaitServedMinutes) vs \(x.meanWaitServed)")
        }
    }

    /// The served requests' wait distribution by uniformisation equals an ODE integration.
    @Test func servedWaitDistributionEqualsAnODEIntegration() {
        let cases: [(Double, Double, Double, Int, Double)] = [
            (1, 4.5, 10, 5, 1), (1, 4.5, 10, 5, 4), (0.2, 15, 12, 3, 2), (2.2, 5, 3, 10, 0.5), (0.5, 20, 20, 2, 10),
        ]
        for (lambda, service, patience, c, t) in cases {
            let p = ServiceQueue(arrivalsPerMinute: lambda, meanServiceMinutes: service, meanPatienceMinutes: patience)
                .performance(servers: c)
            let ode = servedWaitAtMostByODE(lambda: lambda, mu: 1 / service, theta: 1 / patience, c: c, t: t)
            #expect(abs(p.servedWaitAtMost(t) - ode) < 1e-9, "λ \(lambda) c \(c) t \(t): \(p.servedWaitAtMost(t)) vs \(ode)")
        }
        // Zero wait: the share served at once among the served.
        let p = ServiceQueue(arrivalsPerMinute: 1, meanServiceMinutes: 4.5, meanPatienceMinutes: 10).performance(servers: 5)
        #expect(abs(p.servedWaitAtMost(0) - (1 - p.waitProbability) / p.servedShare) < 1e-12)
        #expect(p.servedWaitAtMost(1000) > 1 - 1e-12)
    }

    /// Patience of 10⁴ minutes with ρ > 1: the queue grows for ~50,000 states before it
    /// falls; the log-space chain still returns, with P(abandon) → 1 − cμ/λ = 1/6.
    @Test func nearlyEndlessPatienceInOverloadStillReturns() {
        let p = ServiceQueue(arrivalsPerMinute: 30, meanServiceMinutes: 6, meanPatienceMinutes: 10_000).performance(servers: 150)
        #expect(abs(p.abandonProbability - 0.166666666666667) < 1e-12)
        // Beyond the state limit the fluid limit answers (patience of ~2,000 years).
        let q = ServiceQueue(arrivalsPerMinute: 30, meanServiceMinutes: 6, meanPatienceMinutes: 1e12).performance(servers: 150)
        #expect(abs(q.abandonProbability - 1.0 / 6) < 1e-9 && q.waitProbability == 1)
        // Under load instead, the same patience is Erlang C.
        let r = ServiceQueue(arrivalsPerMinute: 30, meanServiceMinutes: 6, meanPatienceMinutes: 1e12).performance(servers: 200)
        let c = ServiceQueue(arrivalsPerMinute: 30, meanServiceMinutes: 6, meanPatienceMinutes: nil).performance(servers: 200)
        #expect(abs(r.waitProbability - c.waitProbability) < 1e-6)
    }

    /// The Erlang C rows of the solver notes §4 (mpmath and pyworkforce 0.5.1 agree):
    /// calls per 30 minutes, mean handle time, answer within (minutes), target, n, SL at n.
    @Test func erlangCServiceLevelsMatchThePublishedValues() {
        let rows: [(Double, Double, Double, Double, Int, Double)] = [
            (30, 4.5, 0.5, 0.8, 7, 0.835462719564),
            (66, 5, 1.0 / 3, 0.8, 15, 0.854627231909),
            (100, 3, 1.0 / 3, 0.8, 14, 0.888350019179),
            (300, 4.5, 0.25, 0.8, 52, 0.846440888115),
            (900, 6, 1.0 / 3, 0.8, 191, 0.829157958571),
            (900, 6, 1.0 / 3, 0.9, 194, 0.900395770001),
            (900, 6, 1.0 / 3, 0.95, 198, 0.953553790260),
        ]
        for (calls, aht, within, target, n, level) in rows {
            let queue = ServiceQueue(arrivalsPerMinute: calls / 30, meanServiceMinutes: aht, meanPatienceMinutes: nil)
            let p = queue.performance(servers: n)
            #expect(abs(p.servedWaitAtMost(within) - level) < 1e-11, "\(calls) calls: SL \(p.servedWaitAtMost(within))")
            #expect(p.meetsServedWait(within, share: target))
            #expect(!queue.performance(servers: n - 1).meetsServedWait(within, share: target))
        }
        // The 90 % row through the targets: wait_p90_min <= 20 s.
        let queue = ServiceQueue(arrivalsPerMinute: 30, meanServiceMinutes: 6, meanPatienceMinutes: nil)
        #expect(StaffingRequirements.fewestStaff(queue, targets: StaffingTargets(waitP90Minutes: 1.0 / 3)).0 == 194)
    }

    /// Almost no abandonment: Erlang A tends to Erlang C.
    @Test func erlangAApproachesErlangCAsPatienceGrows() {
        let a = ServiceQueue(arrivalsPerMinute: 1, meanServiceMinutes: 4.5, meanPatienceMinutes: 1e7).performance(servers: 6)
        let c = ServiceQueue(arrivalsPerMinute: 1, meanServiceMinutes: 4.5, meanPatienceMinutes: nil).performance(servers: 6)
        #expect(abs(a.waitProbability - c.waitProbability) < 1e-5)
        #expect(abs(a.meanWaitServedMinutes - c.meanWaitServedMinutes) < 1e-4)
        #expect(abs(a.servedWaitAtMost(2) - c.servedWaitAtMost(2)) < 1e-5)
    }

    @Test func edgeCasesNeitherCrashNorLie() {
        let none = ServiceQueue(arrivalsPerMinute: 0, meanServiceMinutes: 5, meanPatienceMinutes: 10).performance(servers: 0)
        #expect(none.servedShare == 1 && none.waitProbability == 0)
        let nobody = ServiceQueue(arrivalsPerMinute: 0.5, meanServiceMinutes: 5, meanPatienceMinutes: 10).performance(servers: 0)
        #expect(abs(nobody.servedShare) < 1e-12 && nobody.servedWaitAtMost(5) == 0)
        let overload = ServiceQueue(arrivalsPerMinute: 2, meanServiceMinutes: 5, meanPatienceMinutes: nil).performance(servers: 10)
        #expect(!overload.isStable && overload.meanWaitMinutes.isInfinite)
        #expect(!StaffingTargets().isMet(by: overload))
        let b = ServiceQueue(arrivalsPerMinute: 1, meanServiceMinutes: 2, meanPatienceMinutes: 0).performance(servers: 2)
        #expect(abs(b.abandonProbability - erlangB(load: 2, servers: 2)) < 1e-15)
    }
}
