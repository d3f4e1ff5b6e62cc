// Package sheets is the contract reader: it opens a season workbook
// (Open, OpenBytes, on the checks of package ooxml) and reads the sheets
// of the workbook contract into a scoring.Season whose records keep the
// cells they came from (Read, ReadBytes), parsing cell texts on the way
// (cells.go, with a streaming row scanner beside excelize's, rowscan.go).
//
// It still holds, until they move to packages of their own: the printing
// of a validation report (report.go), the reading of timing files
// (timing.go), the import of a timing file into the workbook (import.go,
// import_apply.go), and the write-back of generated sheets into the
// organiser's workbook (writeback.go, with carry.go, unlink.go, verify.go
// and generated.go). The file-level and Office-package work is in package
// ooxml.
package sheets
