// Harness (used by validate.sh): M/M/c models built in Swift and run through the public Simulator API (no YAML,
// no CLI) in a release build. Used for the Erlang C validation table (long runs) and as a
// fallback benchmark while `pitstop simulate` is not built.
// Usage: sim-harness DAYS [REPLICATIONS] [JOBS] [LAMBDA_PER_MIN MU SERVERS] [WARMUP_DAYS]
import Foundation
import PitstopModel
import PitstopSimulation

let args = CommandLine.arguments
let days = args.count > 1 ? Int(args[1]) ?? 3860 : 3860
let reps = args.count > 2 ? Int(args[2]) ?? 1 : 1
let jobs = args.count > 3 ? Int(args[3]) ?? 1 : 1
let lambda = args.count > 4 ? Double(args[4]) ?? 1.8 : 1.8
let mu = args.count > 5 ? Double(args[5]) ?? 0.2 : 0.2
let servers = args.count > 6 ? Int(args[6]) ?? 10 : 10
let warmup = args.count > 7 ? Int(args[7]) ?? 0 : 0

let allWeek = WeekSchedule(Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0, [ClockRange(start: 0, end: 1440)]) }))
let staff = (1...servers).map { StaffMember(id: "clerk-\($0)", title: "Clerk", unit: "desk-team", cost: 400_000) }
let scenario = Scenario(
    name: "M/M/\(servers)",
    sites: [Site(id: "lib", name: "Library", staffedHours: allWeek, zones: [Zone(id: "desk", name: "Desk")])],
    organisation: Organisation(name: "Org", units: [Unit(id: "desk-team", name: "Desk", site: "lib")]),
    staff: staff,
    staffing: Staffing(floorShare: 1, maxShiftHours: 24, absenceRate: 0, shifts: [
        Shift(staff: staff.map(\.id), site: "lib", zone: .zone("desk"), days: .daily, hours: ClockRange(start: 0, end: 1440)),
    ]),
    personas: [Persona(id: "walk-in", name: "Walk-in", demand: .arrivalsPerHour(["lib": lambda * 60]),
                       route: [RouteStep(zone: "desk", dwell: .constant(0))],
                       dialogue: Dialogue(p: 1, zone: "desk", duration: .exponential(mean: 1 / mu)))])

let start = DispatchTime.now().uptimeNanoseconds
let results = Simulator(scenario).run(RunOptions(days: days, warmupDays: warmup, replications: reps, seed: 20240601, jobs: jobs))
let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
let customers = (results.kpis["visits"]?.mean ?? 0) * Double(days - warmup) * Double(reps)
var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
print(String(format: "days=%d reps=%d customers=%.0f seconds=%.3f customers/s=%.0f maxRSS=%.1fMiB",
             days, reps, customers, seconds, customers / seconds, Double(usage.ru_maxrss) / 1024))
let w = results.kpis["wait_mean_min"]!, p = results.kpis["wait_prob"]!
print(String(format: "Wq=%.4f ± %.4f  P(wait)=%.5f ± %.5f  p90=%.3f", w.mean, w.halfWidth, p.mean, p.halfWidth,
             results.kpis["wait_p90_min"]!.mean))
