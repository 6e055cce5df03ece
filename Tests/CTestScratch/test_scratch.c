// Gives a test run a temporary folder of its own and removes it when the run ends, so that `swift test` leaves /tmp
// as it found it. Set up before any test (a constructor, run when the test bundle is loaded) by pointing TMPDIR at a
// fresh folder, which Foundation's NSTemporaryDirectory() and every program a test starts (chainrisk, psql) follow.
// The cleanup is registered first, so it runs after every later atexit handler (the throwaway PostgreSQL stop).
#define _XOPEN_SOURCE 700
#include "test_scratch.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char scratch[4096];
static pid_t owner;

static int remove_entry(const char *path, const struct stat *info, int flag, struct FTW *walk) {
    (void)info;
    (void)flag;
    (void)walk;
    return remove(path);
}

static void remove_scratch(void) {
    // A child that exits through atexit (after fork) must not remove its parent's folder.
    if (getpid() != owner || scratch[0] == '\0') return;
    nftw(scratch, remove_entry, 32, FTW_DEPTH | FTW_PHYS);
}

__attribute__((constructor)) static void make_scratch(void) {
    const char *base = getenv("TMPDIR");
    if (base == NULL || base[0] == '\0') base = "/tmp";
    snprintf(scratch, sizeof scratch, "%s/chainrisk-tests-XXXXXX", base);
    if (mkdtemp(scratch) == NULL) {
        scratch[0] = '\0';
        return;
    }
    // Like /tmp itself (sticky, open to all): a throwaway PostgreSQL cluster runs as the postgres user and makes its
    // folder in here.
    chmod(scratch, 01777);
    owner = getpid();
    atexit(remove_scratch);
    setenv("TMPDIR", scratch, 1);
}

const char *chainrisk_test_scratch(void) { return scratch; }
