/// The inner loops of an ARIO day over the non-zero flows, on raw pointers (no bounds or uniqueness checks).
///
/// Orders are not stored: with "alt" orders, Oᵢⱼ = σₛⱼ · Z⁰ᵢⱼ · wᵢ, where σₛⱼ = gapₛⱼ / Σₖ∈ₛ Z⁰ₖⱼ·wₖ is one number per
/// input sector and user and wᵢ = x̄ᵢ/x⁰ᵢ the supplier's capacity weight. Keeping σ and w of the previous day instead
/// of the 413k orders of WIOD cuts the memory each day streams from 40 to 12 bytes per flow.
enum ARIOKernels {
    /// Rationing, stock update and tomorrow's orders, column by column (using industry j):
    /// deliveredₛ = σ′ₛⱼ · Σᵢ∈ₛ Z⁰ᵢⱼ·w′ᵢ·fᵢ (yesterday's orders served the fill rate fᵢ = xᵢ/Dᵢ) plus what substitute
    /// suppliers delivered (`extraDeliveries`, nil for none); Sₛⱼ = max(0, Sₛⱼ + deliveredₛ − aₛⱼ·xⱼ); gapₛ = max(0, nₛⱼ·aₛⱼ·x*ⱼ − Sₛⱼ)·r + aₛⱼ·xⱼ (just the use for unstocked inputs);
    /// σₛⱼ = gapₛ / Σᵢ∈ₛ Z⁰ᵢⱼ·wᵢ; demand Dᵢ += σₛⱼ·Z⁰ᵢⱼ·wᵢ. `scratch` holds 3 × inputs doubles.
    static func distributeAndOrder(
        industries n: Int, inputs m: Int, columnStarts: UnsafePointer<Int>, rows: UnsafePointer<Int32>,
        sectorOf: UnsafePointer<Int32>, flows z0: UnsafePointer<Double>, fill: UnsafePointer<Double>,
        previousWeight: UnsafePointer<Double>, weight: UnsafePointer<Double>, coefficients a: UnsafePointer<Double>,
        days: UnsafePointer<Double>, production: UnsafePointer<Double>, wanted: UnsafePointer<Double>, restore: Double,
        extraDeliveries: UnsafePointer<Double>?, orderScale: UnsafeMutablePointer<Double>,
        stocks: UnsafeMutablePointer<Double>, demand: UnsafeMutablePointer<Double>,
        scratch: UnsafeMutablePointer<Double>
    ) {
        let delivered = scratch
        let supplierTotal = scratch + m
        let scale = scratch + 2 * m
        for j in 0..<n {
            let base = j * m
            for s in 0..<m {
                delivered[s] = 0
                supplierTotal[s] = 0
            }
            let first = columnStarts[j]
            let end = columnStarts[j + 1]
            for k in first..<end {
                let i = Int(rows[k])
                let s = Int(sectorOf[i])
                let flow = z0[k]
                delivered[s] += flow * previousWeight[i] * fill[i]
                supplierTotal[s] += flow * weight[i]
            }
            for s in 0..<m {
                let use = a[base + s] * production[j]
                let held = days[base + s]
                var gap = use
                if held.isFinite {
                    let received = delivered[s] * orderScale[base + s] + (extraDeliveries?[base + s] ?? 0)
                    stocks[base + s] = max(0, stocks[base + s] + (received - use))
                    gap += max(0, held * a[base + s] * wanted[j] - stocks[base + s]) * restore
                }
                scale[s] = supplierTotal[s] != 0 ? gap / supplierTotal[s] : 0
                orderScale[base + s] = scale[s]
            }
            for k in first..<end {
                let i = Int(rows[k])
                demand[i] += scale[Int(sectorOf[i])] * z0[k] * weight[i]
            }
        }
    }
}
