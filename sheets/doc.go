// Package sheets is the contract reader: it opens a season workbook
// (Open, OpenBytes, on the file and package checks of package ooxml) and
// reads the sheets of the workbook contract into a scoring.Season whose
// records keep the cells they came from (Read, ReadBytes, SnapshotSeason),
// parsing cell texts on the way (cells.go). It reads the sheets' rows
// through package rowscan, and merged ranges and formulas from the raw
// worksheet parts (rawsheet.go).
//
// It still holds, until they move to packages of their own: the reading of
// timing files (timing.go) and the import of a timing file into the
// workbook (import.go, import_apply.go), which writes through package
// writeback. A validation report is printed by package report.
package sheets
