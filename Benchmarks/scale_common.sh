# Shared set-up of the table-scale benchmarks (sourced, run from the package root): the Python venv with the given
# packages from PyPI in $python (an absolute path), and a release chainrisk in $BINARY unless one was given.
scale_setup() {
    local venv="$PWD/Benchmarks/.venv"
    python="$venv/bin/python"
    if [ ! -x "$python" ]; then
        echo "creating $venv…" >&2
        python3 -m venv "$venv"
    fi
    "$python" -m pip install --quiet --disable-pip-version-check "$@" >&2
    if [ -z "${BINARY:-}" ]; then
        swift build -c release --product chainrisk >&2
        BINARY="$(swift build -c release --show-bin-path)/chainrisk"
    fi
}
