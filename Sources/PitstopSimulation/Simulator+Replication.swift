import PitstopModel

extension Simulator {
    /// One replication on its own: replication `replication` (0-based) of a run with
    /// `options`, on the same random streams as in ``run(_:progress:)`` — so a sweep that
    /// runs its variants replication by replication gets exactly the values a whole run
    /// would. Returns every overall KPI (`KPIName.overall`); a ratio with nothing to divide
    /// by is NaN. `options.replications` and `options.jobs` are not used.
    public func replicationKPIs(_ replication: Int, options: RunOptions) -> [String: Double] {
        let days = min(max(1, options.days), Simulator.maximumDays)
        let warmupDays = min(max(0, options.warmupDays), days - 1)
        let shape = RunShape(model: model, days: days, warmupDays: warmupDays)
        var run = Replication(model: model, seed: options.seed, replication: max(0, replication), days: days,
                              warmupDays: warmupDays, recordDays: 0)
        let kpis = ReplicationKPIs(run.run(), model: model, shape: shape)
        return Dictionary(uniqueKeysWithValues: zip(KPIName.overall, kpis.overall))
    }
}
