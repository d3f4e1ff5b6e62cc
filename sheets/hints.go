package sheets

import "github.com/podium-dev/podium/sheets/ooxml"

// Hints of the workbook reader and the cell parsers: how an official
// fixes each problem. They are kept together here, apart from the code
// that reports them; a hint with a %-verb is a format filled in where it
// is reported. The timing-file reader and the import keep theirs in their
// own packages (sheets/timing, sheets/importer).
const (
	// The workbook file.
	hintResaveWorkbook = ooxml.HintResaveWorkbook
	hintZeroBytes      = "the file has 0 bytes; save the workbook again from Excel"
	hintLegacyXLS      = "open it in Excel or LibreOffice and save it as an Excel Workbook (.xlsx)"
	hintPassword       = "give the password with --password, or remove it in Excel: File › Info › Protect Workbook"
	hintSaveAsXLSX     = "open it in Excel and save it as an Excel Workbook (.xlsx)"
	hintNotWorkbook    = "podium reads Excel workbooks (.xlsx); save the file from Excel or LibreOffice in that format"
	hintWrongPassword  = "check the password given with --password"
	hintFreshCopy      = "the file may have been damaged while copying or downloading; get a fresh copy"
	hintRepair         = "open it in Excel or LibreOffice, repair it if asked, and save it again"

	// The workbook's sheets and header rows.
	hintAddSheet       = "the workbook has sheets %s; add a sheet named %s (podium template writes a blank one)"
	hintRenameSheet    = "did you mean %q? rename it to %s"
	hintRenameOrDelete = "rename or delete one of them"
	hintNoHeader       = "put the column names in the first row: %s"
	hintAddHeader      = "add a column headed %s"
	hintRenameHeader   = "is %q meant to be %s? rename it"
	hintUnknownColumn  = "did you mean %s? Columns podium reads here: %s"
	hintDeleteOrRename = "delete or rename one of them"
	hintShorten        = "shorten it"
	hintNameAlone      = "did a paste go wrong? type the name alone"
	hintTooManyRows    = "split the workbook or delete unused rows"
	hintFormulaValue   = "open the workbook in Excel or LibreOffice and save it, so the result is stored, or type the value"

	// The workbook's cells and settings.
	hintRequired        = "fill it in, or delete the row"
	hintDidYouMean      = "did you mean %s?"
	hintSettings        = "podium reads %s"
	hintDeleteRow       = "delete one of the rows"
	hintSeasonStatus    = "choose Provisional or Final"
	hintBestResults     = "write the number of best results that count, e.g. 5, or leave it blank when every result counts"
	hintThreshold       = "write the share of the winner's laps a car must complete, e.g. 70%"
	hintChoose          = "write one of %s"
	hintCounted         = "write All (every car adds up), a number of cars (the 2 that scored most: 2) or Nominated"
	hintBestResultsRule = `write a number (the best 5: 5), "all but 2", or "6 of 1-7, 5 of 8-13"; leave it blank to take the Season's`
	hintMinimumStarts   = "write the number of starts a competitor needs to be ranked, e.g. 3, or leave it blank"
	hintDroppable       = "N marks a race or result that always counts; leave it blank otherwise"
	hintCountback       = "N marks a race whose results break no ties (e.g. a sprint); leave it blank otherwise"
	hintRequires        = "write classified, started, any or top N (e.g. top 10), or leave it blank for the award's default"
	hintPaper           = "choose A4 or Letter"
	hintFactor          = "use 1 for normal points, 2 for double, 0.5 for half"
	hintNegativePoints  = "points awarded are 0 or more; deductions go in the Penalties sheet"
	hintStatusCodes     = "use %s, or leave it blank when classified"
	hintPenaltyPoints   = "type the points deducted, e.g. 5"

	// A cell's value.
	hintCellError      = "the cell shows a spreadsheet error; fix the formula or type the value"
	hintStatusInPos    = "a status goes in the Status column: type %s there and leave the position blank"
	hintPercent        = "write it as 70%"
	hintDate           = "type it as 2019-11-24 or 24 November 2019, or format the cell as a date"
	hintAmbiguousDate  = "day and month could be swapped; type it as 2019-11-24 or 24 November 2019"
	hintRoundsTooLong  = "too long: write runs such as 1–20"
	hintRoundNumbers   = `write round numbers such as "1–2, 4" or "All"`
	hintRoundRuns      = `write runs such as "2–4"`
	hintRoundBackwards = "the run %d-%d goes backwards; write %d–%d"
	hintAward          = "write a position (1, 2, 3 …), Other, Pole, Fastest lap, Start, Lap led or Most laps led"
	hintScores         = "N marks an invited entry that scores no points"
)
