// Package writeback writes sheets podium generates into the organiser's
// own workbook without losing anything of theirs: it reads the workbook
// once (Snapshot), removes the previous run's sheets before excelize opens
// the package (unlink.go), marks the sheets it writes as generated,
// carries every organiser part over byte for byte, patching only the
// workbook, styles and shared strings (carry.go), verifies that nothing
// of the organiser's would be lost or changed (verify.go), and only then
// replaces the file, keeping a backup (WriteGenerated).
//
// The standings workbook (sheets/standings) and the import of timing files
// (sheets) write through it. It builds on package ooxml and imports no
// other package of podium's.
package writeback
