#ifndef CHAINRISK_TEST_SCRATCH_H
#define CHAINRISK_TEST_SCRATCH_H

/// The folder the test process and the programs it starts use as TMPDIR; removed when the process exits.
const char *chainrisk_test_scratch(void);

#endif
