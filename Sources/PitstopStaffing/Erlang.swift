#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A queue of dialogue requests in one interval, as the stationary per-interval method of
/// workforce management sees it: Poisson arrivals, exponential dialogue durations,
/// exponential patience and `c` staff serving first come, first served — Erlang A
/// (M/M/c+M, Garnett, Mandelbaum & Reiman 2002), or Erlang C (M/M/c) when nobody gives up.
///
/// ```swift
/// let queue = ServiceQueue(arrivalsPerMinute: 1, meanServiceMinutes: 4.5, meanPatienceMinutes: 10)
/// queue.performance(servers: 5).servedShare   // 0.894…
/// ```
public struct ServiceQueue: Sendable, Hashable {
    /// λ: requests per minute.
    public var arrivalsPerMinute: Double
    /// 1/μ: mean dialogue duration in minutes.
    public var meanServiceMinutes: Double
    /// 1/θ: mean patience in minutes; `nil` means never (Erlang C).
    public var meanPatienceMinutes: Double?

    public init(arrivalsPerMinute: Double, meanServiceMinutes: Double, meanPatienceMinutes: Double?) {
        self.arrivalsPerMinute = arrivalsPerMinute
        self.meanServiceMinutes = meanServiceMinutes
        self.meanPatienceMinutes = meanPatienceMinutes
    }

    /// The offered load a = λ/μ in Erlangs (staff busy on average with unlimited staff).
    public var offeredLoad: Double { arrivalsPerMinute * meanServiceMinutes }

    /// How the queue performs with `servers` staff on duty.
    public func performance(servers c: Int) -> QueuePerformance {
        let c = max(0, c)
        let lambda = max(0, arrivalsPerMinute)
        guard lambda > 0, meanServiceMinutes > 0 else { return .idle(servers: c) }
        let mu = 1 / meanServiceMinutes
        if let patience = meanPatienceMinutes, patience.isFinite, patience > 0 {
            return erlangA(lambda: lambda, mu: mu, theta: 1 / patience, c: c)
        }
        if meanPatienceMinutes == 0 {
            return QueuePerformance.noWaiting(lambda: lambda, mu: mu, c: c)
        }
        return erlangC(lambda: lambda, mu: mu, c: c)
    }

    /// Erlang C through the Erlang B recursion (never overflows): P(wait) = B / (1 − ρ(1 − B)).
    private func erlangC(lambda: Double, mu: Double, c: Int) -> QueuePerformance {
        let a = lambda / mu
        let rate = Double(c) * mu - lambda  // how fast the queue drains: cμ − λ
        guard c > 0, rate > 0 else { return .unstable(servers: c) }
        let b = erlangB(load: a, servers: c)
        let rho = a / Double(c)
        let pWait = min(1, b / (1 - rho * (1 - b)))
        let meanWait = pWait / rate
        return QueuePerformance(
            servers: c, waitProbability: pWait, abandonProbability: 0, meanWaitMinutes: meanWait,
            meanWaitServedMinutes: meanWait, tail: .exponential(pWait: pWait, rate: rate))
    }

    /// Erlang A by the birth–death chain in log space (Ingolfsson & Tang): log π_n for n < c,
    /// then the waiting states c + k until the terms are e⁻⁴⁰ below the peak. Survives
    /// c = 200 at load 180 and θ → 0 with ρ > 1, where aⁿ/n! and the tail series overflow.
    private func erlangA(lambda: Double, mu: Double, theta: Double, c: Int) -> QueuePerformance {
        var logBelow: [Double] = []
        logBelow.reserveCapacity(c)
        var lw = 0.0
        for n in 0..<c {
            logBelow.append(lw)
            lw += log(lambda / (Double(n + 1) * mu))
        }
        var logTail = [lw]
        var peak = lw, lr = lw, k = 0
        while true {
            k += 1
            let step = log(lambda / (Double(c) * mu + Double(k) * theta))
            lr += step
            logTail.append(lr)
            if lr > peak { peak = lr }
            if step < 0 && lr < peak - 40 { break }
            if k >= ServiceQueue.maximumQueueStates {
                return QueuePerformance.fluid(lambda: lambda, mu: mu, theta: theta, c: c)
            }
        }
        let top = max(logBelow.max() ?? peak, peak)
        var z = 0.0
        for w in logBelow { z += exp(w - top) }
        var tail = logTail.map { exp($0 - top) }
        let busy = tail.reduce(0, +)
        z += busy
        for i in tail.indices { tail[i] /= z }
        let below = 1 - busy / z  // served at once

        let cmu = Double(c) * mu
        var queue = 0.0, servedAfterWait = 0.0, servedWaitSum = 0.0, harmonic = 0.0
        for (k, p) in tail.enumerated() {
            queue += Double(k) * p
            let served = cmu / (cmu + Double(k + 1) * theta)  // E[e^{−θV}] for k ahead
            harmonic += 1 / (cmu + Double(k + 1) * theta)  // E[V e^{−θV}] / E[e^{−θV}]
            servedAfterWait += p * served
            servedWaitSum += p * served * harmonic
        }
        let pAbandon = min(1, max(0, theta * queue / lambda))
        let pServed = below + servedAfterWait
        return QueuePerformance(
            servers: c, waitProbability: min(1, busy / z), abandonProbability: pAbandon,
            meanWaitMinutes: queue / lambda,
            meanWaitServedMinutes: pServed > 0 ? servedWaitSum / pServed : .infinity,
            tail: .impatient(waiting: tail, cmu: cmu, theta: theta))
    }
}

extension ServiceQueue {
    /// The most waiting states summed: beyond it (patience of months with a queue that
    /// hardly drains) the queue is taken at its fluid limit.
    static let maximumQueueStates = 4_000_000
}

/// Erlang B by the recursion B₀ = 1, B_n = a·B_{n−1} / (n + a·B_{n−1}).
public func erlangB(load a: Double, servers c: Int) -> Double {
    var b = 1.0
    if c > 0 { for n in 1...c { b = a * b / (Double(n) + a * b) } }
    return b
}

/// What a ``ServiceQueue`` delivers with a given number of staff.
public struct QueuePerformance: Sendable, Hashable {
    public var servers: Int
    /// P(wait): the chance that a request finds every staff member busy.
    public var waitProbability: Double
    /// P(abandon): the chance that a request gives up waiting.
    public var abandonProbability: Double
    /// Mean time in queue of all requests, served or given up, in minutes (E[Q]/λ).
    public var meanWaitMinutes: Double
    /// Mean wait of the requests that are served (zero waits included), in minutes — what
    /// the simulation's `wait_mean_min` measures.
    public var meanWaitServedMinutes: Double
    let tail: Tail

    /// The share of requests served: 1 − P(abandon).
    public var servedShare: Double { 1 - abandonProbability }

    /// Whether the queue has a steady state (Erlang C with λ ≥ cμ has none: it grows forever).
    public var isStable: Bool {
        if case .unstable = tail { return false }
        return true
    }

    /// P(W ≤ `minutes` | served): the share of served requests that waited at most that long.
    public func servedWaitAtMost(_ minutes: Double) -> Double {
        let t = max(0, minutes)
        switch tail {
        case .none: return 1
        case .unstable: return 0
        case .exponential(let pWait, let rate):
            return 1 - pWait * exp(-rate * t)
        case .impatient(let waiting, let cmu, let theta):
            let served = 1 - abandonProbability
            guard served > 0, cmu > 0 else { return 0 }
            let late = ServiceQueue.servedLater(than: t, waiting: waiting, cmu: cmu, theta: theta)
            return min(1, max(0, 1 - late / served))
        }
    }

    /// The share of served requests waiting at most `minutes` reaches `share` (for
    /// `wait_p90_min <= minutes`: `share` = 0.9).
    public func meetsServedWait(_ minutes: Double, share: Double) -> Bool {
        servedWaitAtMost(minutes) >= share - 1e-12
    }

    /// How the waiting time is distributed.
    enum Tail: Sendable, Hashable {
        /// No requests: nothing ever waits.
        case none
        /// Erlang C without a steady state.
        case unstable
        /// Erlang C: P(W > t) = P(wait)·e^{−(cμ−λ)t}.
        case exponential(pWait: Double, rate: Double)
        /// Erlang A: the arrival-stationary chance of finding k waiting ahead (`waiting[k]`).
        case impatient(waiting: [Double], cmu: Double, theta: Double)
    }

    static func idle(servers c: Int) -> QueuePerformance {
        QueuePerformance(servers: c, waitProbability: 0, abandonProbability: 0, meanWaitMinutes: 0,
                         meanWaitServedMinutes: 0, tail: .none)
    }

    static func unstable(servers c: Int) -> QueuePerformance {
        QueuePerformance(servers: c, waitProbability: 1, abandonProbability: 0, meanWaitMinutes: .infinity,
                         meanWaitServedMinutes: .infinity, tail: .unstable)
    }

    /// Erlang A when patience is so long that the chain needs more than
    /// ``ServiceQueue/maximumQueueStates`` states: the fluid limit θ → 0. Overloaded (λ > cμ),
    /// the queue settles where (λ − cμ) give up: P(abandon) = 1 − cμ/λ, E[Q] = (λ − cμ)/θ, and
    /// a served request crosses that queue in (1/θ)·ln(λ/cμ). Otherwise it is Erlang C.
    static func fluid(lambda: Double, mu: Double, theta: Double, c: Int) -> QueuePerformance {
        let cmu = Double(c) * mu
        guard lambda > cmu else {
            return ServiceQueue(arrivalsPerMinute: lambda, meanServiceMinutes: 1 / mu, meanPatienceMinutes: nil)
                .performance(servers: c)
        }
        let queue = (lambda - cmu) / theta
        return QueuePerformance(
            servers: c, waitProbability: 1, abandonProbability: 1 - cmu / lambda, meanWaitMinutes: queue / lambda,
            meanWaitServedMinutes: cmu > 0 ? log(lambda / cmu) / theta : .infinity, tail: .unstable)
    }

    /// Patience zero (Erlang B: a request that finds everyone busy leaves at once).
    static func noWaiting(lambda: Double, mu: Double, c: Int) -> QueuePerformance {
        let b = erlangB(load: lambda / mu, servers: c)
        return QueuePerformance(servers: c, waitProbability: b, abandonProbability: b, meanWaitMinutes: 0,
                                meanWaitServedMinutes: 0, tail: .none)
    }
}

extension ServiceQueue {
    /// P(served after waiting longer than `t`) in Erlang A.
    ///
    /// A request finding k ahead is served once the k ahead have gone and a staff member is
    /// free: the "ahead" count falls from j at rate cμ + jθ (a service ends, or one ahead
    /// gives up), and the request itself gives up at rate θ independently. So
    /// P(served, V > t) = e^{−θt} Σ_j m_j(t) · cμ/(cμ + (j+1)θ), where m(t) is the start
    /// distribution `waiting` carried t minutes along the pure-death chain (not yet at the
    /// front). m(t) is computed by uniformisation (Poisson weights in log space): every term
    /// is positive, so nothing cancels.
    static func servedLater(than t: Double, waiting: [Double], cmu: Double, theta: Double) -> Double {
        // Leave out the far tail: states holding less than 1e-16 of the mass.
        var last = waiting.count - 1
        while last > 0 && waiting[last] < 1e-16 { last -= 1 }
        var m = Array(waiting[0...last])
        func servedFrom(_ m: [Double]) -> Double {
            var s = 0.0
            for (j, p) in m.enumerated() { s += p * cmu / (cmu + Double(j + 1) * theta) }
            return s
        }
        guard t > 0 else { return servedFrom(m) }
        let rates = (0...last).map { cmu + Double($0) * theta }  // leaving state j
        let uniform = rates[last] * 1.0000001
        let mean = uniform * t
        // Poisson(mean) terms up to far beyond the mean (1e-16 of the mass left).
        let steps = Int((mean + 12 * mean.squareRoot() + 40).rounded(.up))
        let logMean = log(mean)
        var result = Array(repeating: 0.0, count: m.count)
        var next = m
        for n in 0...steps {
            let logWeight = -mean + Double(n) * logMean - lgamma(Double(n + 1))
            if logWeight > -745 {
                let w = exp(logWeight)
                for j in m.indices { result[j] += w * m[j] }
            }
            // One uniformised step: stay with 1 − r_j/Λ, move to j − 1 with r_j/Λ (from 0: served).
            for j in m.indices {
                let move = m[j] * rates[j] / uniform
                next[j] = m[j] - move + (j + 1 < m.count ? m[j + 1] * rates[j + 1] / uniform : 0)
            }
            swap(&m, &next)
            if m.allSatisfy({ $0 < 1e-300 }) { break }
        }
        return exp(-theta * t) * servedFrom(result)
    }
}
