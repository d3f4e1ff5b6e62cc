package timing

import "github.com/podium-dev/podium/sheets/ooxml"

// Hints of the timing-file reader: how an official fixes each problem of
// a timing file. They are kept together here, apart from the code that
// reports them.
const (
	// A timing file not found.
	hintFileName = ooxml.HintFileName

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
)
