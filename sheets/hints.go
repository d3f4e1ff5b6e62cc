package sheets

import "github.com/podium-dev/podium/sheets/ooxml"

// Hints of the workbook reader, the cell parsers, the timing-file reader
// and the import: how an official fixes each problem. They are kept
// together here, apart from the code that reports them; a hint with a
// %-verb is a format filled in where it is reported.
const (
	// The workbook file (and a timing file not found).
	hintFileName       = ooxml.HintFileName
	hintResaveWorkbook = "open it in Excel or LibreOffice and save it again"
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
	hintRequired       = "fill it in, or delete the row"
	hintDidYouMean     = "did you mean %s?"
	hintSettings       = "podium reads %s"
	hintDeleteRow      = "delete one of the rows"
	hintSeasonStatus   = "choose Provisional or Final"
	hintBestResults    = "write the number of best results that count, e.g. 5, or leave it blank when every result counts"
	hintThreshold      = "write the share of the winner's laps a car must complete, e.g. 70%"
	hintTieBreak       = "choose countback or none"
	hintPaper          = "choose A4 or Letter"
	hintFactor         = "use 1 for normal points, 2 for double, 0.5 for half"
	hintNegativePoints = "points awarded are 0 or more; deductions go in the Penalties sheet"
	hintStatusCodes    = "use %s, or leave it blank when classified"
	hintPenaltyPoints  = "type the points deducted, e.g. 5"

	// A timing file as a whole.
	hintOneSession       = "is this the classification of one session?"
	hintExportAgain      = "export the classification from the timing system again"
	hintSaveAsCSV        = "export the classification as CSV (in Excel: File › Save As › CSV UTF-8)"
	hintExportCSV        = "export the classification as CSV from the timing system"
	hintExportUTF8       = "export the classification as CSV (UTF-8) from the timing system"
	hintTimingHeader     = "the file needs a header row naming its columns, with the car number under NUMBER, No. or Start Number"
	hintIsClassification = "is this a classification?"
	hintNoCars           = "export the classification again"

	// A line of a timing file.
	hintTimingStatus = "expected Classified (or blank), Not classified, Retired, DNF, Not started, Disqualified, Excluded, Withdrawn or Did not qualify"
	hintTimingPole   = "type Y for the pole of the car's class, or leave it blank"
	hintCarNumber    = "every car of the classification needs its number"
	hintLapTime      = "write it as 1:58.056, 1'58.056 or 118.056 seconds"
	hintCarTwice     = "keep one line per car"

	// What the workbook says of the file.
	hintValidateLists  = "podium validate lists what to fix"
	hintAddRound       = "add the round to the Calendar sheet"
	hintCalendarRounds = "the Calendar has rounds %s"
	hintKnownClasses   = "known classes: %s"
	hintMapClass       = "the workbook's classes are %s; if it is another name for one of them, map it with --class '%s=%s'"
	hintEntryByHand    = "add the car to Entries by hand"
	hintFileRounds     = "it has rounds %s"
	hintAddCar         = "add it to Entries and Drivers, correct the number in the file, or run again with --add-entries to append it from the file"
	hintAddCars        = "add them to Entries and Drivers, correct the numbers in the file, or run again with --add-entries to append them from the file"
	hintNotTiming      = "export the session's classification from the timing system"
	hintOneCar         = "export the whole classification of the session; a single result is typed into Results by hand"
	hintSequence       = "export the whole classification of the session; if cars were left out of it on purpose, run again with --replace-round"
	hintWouldRemove    = "check that the file is the whole classification of the race; to remove these results, run again with --replace-round"
	hintNotXLSX        = "save it as an Excel workbook (.xlsx) without a password"
	hintSendToUs       = "please send the workbook and the timing file to podium's developers"
	hintAddColumn      = "add a column headed %s beside the others"

	// The warnings of an import: what an official checks, written after
	// the warning's message.
	hintStewardsNC      = "if the stewards say not classified, type NC in its Status cell"
	hintStewardsNCAll   = "if the stewards say not classified, type NC in their Status cells"
	hintFastestLapTie   = "correct the Fastest lap cells if the timing service decided otherwise"
	hintPoleNotRaced    = "type its Status (DNS if it did not start)"
	hintCheckNewEntries = "check them"

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
	hintAward          = "write a position (1, 2, 3 …), Other, Pole or Fastest lap"
	hintScores         = "N marks an invited entry that scores no points"
)
