package ooxml

// Hints of the file-level problems: how an official fixes each. They are
// kept together here, apart from the code that reports them.
const (
	// HintFileName is the hint for a file that is not where it was said
	// to be.
	HintFileName = "check the name and folder"
	// HintExists is the hint for an output that exists and may not be
	// replaced.
	HintExists = "choose another name, or add --force to replace it"
	// HintSavedMeanwhile is the hint for a workbook saved after podium read
	// it.
	HintSavedMeanwhile = "it was saved meanwhile, perhaps in Excel; podium has not replaced it: run podium again"
	// HintResaveWorkbook is the hint for a workbook whose package or
	// sheets cannot be read.
	HintResaveWorkbook = "open it in Excel or LibreOffice and save it again"

	hintXLSXPath         = "give the path of the .xlsx file"
	hintInternal         = "open it in Excel or LibreOffice and save it again; please send the file to podium's developers"
	hintFilePath         = "give the path of the file itself"
	hintFileToWrite      = "give the path of a file to write"
	hintReadOnlyOutput   = "make it writable (its Properties, or chmod u+w), or give another name"
	hintUnchanged        = "the original file is unchanged; run podium again"
	hintReadOnlyWorkbook = "podium has not changed it; make it writable (its Properties, or chmod u+w) and run podium again"
	hintLocked           = "close it in Excel or LibreOffice and run podium again"
)
