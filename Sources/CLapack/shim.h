// LAPACK and BLAS entry points from OpenBLAS (Debian: libopenblas-dev), declared here with the LP64 Fortran ABI
// (32-bit integers, arguments by pointer, column-major arrays) so no LAPACK header is needed.
#ifndef CHAINRISK_CLAPACK_SHIM_H
#define CHAINRISK_CLAPACK_SHIM_H

/// LU factorisation with partial pivoting: A = P·L·U.
void dgetrf_(const int *m, const int *n, double *a, const int *lda, int *ipiv, int *info);
/// Solves A·X = B or Aᵀ·X = B (trans 'N' or 'T') with the factors from dgetrf_.
void dgetrs_(const char *trans, const int *n, const int *nrhs, const double *a, const int *lda, const int *ipiv,
             double *b, const int *ldb, int *info);
/// Inverse from the factors of dgetrf_.
void dgetri_(const int *n, double *a, const int *lda, const int *ipiv, double *work, const int *lwork, int *info);
/// Reciprocal condition number estimate (1-norm) from the factors of dgetrf_.
void dgecon_(const char *norm, const int *n, const double *a, const int *lda, const double *anorm, double *rcond,
             double *work, int *iwork, int *info);
/// y := alpha·op(A)·x + beta·y.
void dgemv_(const char *trans, const int *m, const int *n, const double *alpha, const double *a, const int *lda,
            const double *x, const int *incx, const double *beta, double *y, const int *incy);
/// C := alpha·op(A)·op(B) + beta·C.
void dgemm_(const char *transa, const char *transb, const int *m, const int *n, const int *k, const double *alpha,
            const double *a, const int *lda, const double *b, const int *ldb, const double *beta, double *c,
            const int *ldc);
/// The name of the kernel family OpenBLAS chose for this CPU at load time (e.g. "Haswell", "Prescott").
char *openblas_get_corename(void);
/// Sets the number of OpenBLAS threads (benchmarks pin it; 0 or less keeps the default).
void openblas_set_num_threads(int num_threads);

#endif
