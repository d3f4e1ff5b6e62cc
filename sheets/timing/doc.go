// Package timing reads a timing system's classification of one session —
// the CSV or text export of the ACO/FIA endurance system (overall or by
// class), a club timing export, or any CSV whose headers are those of the
// Results sheet — into typed rows (File, Row): it sniffs the
// encoding (UTF-8, UTF-16, Windows-1252) and the delimiter, maps the
// header row to fields, and reads each car, reporting every problem of the
// file with its line and field as scoring.Diagnostics (Problems).
//
// It reads and never writes. It imports the standard library, scoring,
// templates (the Results sheet's headers), sheets (the cell-text parsers
// it shares with the workbook reader) and sheets/ooxml (file errors and
// sniffing); never excelize, sheets/writeback or sheets/importer.
package timing
