public import ChainRiskCore

extension InputOutputTable {
    /// Bounds on the spectral radius of the technical coefficients A (its Perron root when Z is non-negative),
    /// converged to 12 digits.
    public func coefficientSpectralRadius() -> SpectralRadiusBounds {
        technicalCoefficients().spectralRadiusBounds()
    }

    /// Throws `IOError.notProductive` unless the spectral radius of A is provably below 1.
    ///
    /// Checked before any Leontief or Ghosh inverse: with ρ(A) ≥ 1, (I − A)⁻¹ either does not exist or has
    /// negative entries, and no non-negative output meets every final demand (Hawkins–Simon).
    public func requireProductive() throws(IOError) {
        let bounds = technicalCoefficients().spectralRadiusBounds(decidingAgainst: 1)
        guard bounds.provesProductive else { throw .notProductive(spectralRadius: bounds.upper) }
    }
}
