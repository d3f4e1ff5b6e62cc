package sheets

// Hints of the timing-file reader, the import and the cell parsers: how an
// official fixes each problem. They are kept together here, apart from the
// code that reports them; a hint with a %-verb is a format filled in where
// it is reported.
const (
	// A timing file as a whole.
	hintFileName         = "check the name and folder"
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
	hintResaveWorkbook = "open it in Excel or LibreOffice and save it again"
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
