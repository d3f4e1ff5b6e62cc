// Package ooxml is podium's work on workbook files as files and as Office
// Open XML packages, below the reading of any sheet: sniffing a file's
// format, the limits on what is read, the errors about a file as a whole
// (FileError), the package's one zip reader (Package, CheckPackage), the
// well-formedness scan of XML parts, raw XML editing and sheet patching
// that keep every byte podium does not change, the parallel deflate
// writer with its row and cell splices, and the safe writing and replacing of
// files (WriteFile, ReplaceWorkbook).
//
// It imports nothing of podium's: the contract reader (package sheets),
// the write-back and the outputs build on it.
package ooxml
