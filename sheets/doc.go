// Package sheets is the contract reader: it opens a season workbook
// (Open, OpenBytes, on the file and package checks of package ooxml) and
// reads the sheets of the workbook contract into a scoring.Season whose
// records keep the cells they came from (Read, ReadBytes, SnapshotSeason),
// parsing cell texts on the way (cells.go). It reads the sheets' rows
// through package rowscan, and merged ranges and formulas from the raw
// worksheet parts (rawsheet.go).
//
// Its Table (SeasonTables) lends the sheets the season was read from to
// the import (package sheets/importer), which edits them; the reading of
// timing files (package sheets/timing) shares its cell parsers. Neither is
// imported here. A validation report is printed by package sheets/report.
package sheets
