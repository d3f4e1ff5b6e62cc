package importer

import "github.com/podium-dev/podium/sheets/ooxml"

// Hints of the import: how an official fixes each problem, or what an
// official checks after a warning. They are kept together here, apart
// from the code that reports them; a hint with a %-verb is a format
// filled in where it is reported.
const (
	// The workbook file.
	hintResaveWorkbook = ooxml.HintResaveWorkbook

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
)
