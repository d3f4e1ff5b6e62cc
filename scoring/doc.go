// Package scoring holds podium's domain model — a season with its calendar,
// points scheme, entries, drivers, results and penalties — its status
// vocabulary and driver identity, the diagnostics (and their codes) used to
// report problems with it, the checks of a season, and the engine.
//
// A season goes through three steps, in this order: it is read (package
// sheets reads it from a workbook; a test builds it as a literal), then
// Check normalises it (Normalize: class spellings, pole and fastest-lap
// marks, driver keys) and reports every problem with its meaning, then
// Score computes the standings — only of a season Check found no errors
// in, since Score reads the season as Normalize leaves it.
//
// The package is pure Go: it performs no I/O and imports no spreadsheet
// library. Every record keeps its Origin (sheet, row and columns it was read
// from), so any later stage can report a problem at the exact cell an
// official has to fix.
package scoring
