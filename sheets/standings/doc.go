// Package standings writes the standings workbook: a table per
// championship (v1's: per classification a teams' and a drivers' table)
// in the colours of published standings tables, the winners of each
// round, the points breakdown, the progression charts (v1's per
// classification, otherwise per championship) and the Issues sheet, set
// up for print —
// either as a standalone workbook (WriteStandingsWorkbook) or written back
// into the organiser's season workbook (WriteBack), rendered from the
// presentation model (sheets/present).
//
// It imports the standard library, excelize, scoring, templates,
// sheets/present and sheets (the OOXML package work it builds on: the
// write-back's carry-over and verification, safe and reproducible writing,
// the row and cell splices).
package standings
