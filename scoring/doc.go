// Package scoring holds podium's domain model — a season with its calendar,
// points scheme, entries, drivers, results and penalties — and the
// diagnostics used to report problems with it.
//
// The package is pure Go: it performs no I/O and imports no spreadsheet
// library. Every record keeps its Origin (sheet, row and columns it was read
// from), so any later stage can report a problem at the exact cell an
// official has to fix.
package scoring
