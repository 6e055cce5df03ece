import CTestScratch

/// The test run's temporary folder: TMPDIR for the tests and every program they start, removed when the run ends.
public enum TestScratch {
    /// The folder's path; empty when it could not be made (the tests then use the system's TMPDIR as it was).
    public static var folder: String { String(cString: chainrisk_test_scratch()) }
}
