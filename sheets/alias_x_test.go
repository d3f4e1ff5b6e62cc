package sheets_test

import (
	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets"
	"github.com/podium-dev/podium/sheets/internal/testkit"
	"github.com/podium-dev/podium/sheets/standings"
)

// The write-back tests need both the package's internals and the
// standings writer (which imports the package): they are an external
// test package, naming what they use as the package's own tests do.

type (
	Limits         = sheets.Limits
	PublishOptions = standings.PublishOptions
	OpenOptions    = sheets.OpenOptions
	ImportOptions  = sheets.ImportOptions
)

var (
	WriteBack              = standings.WriteBack
	WriteBackSnapshot      = standings.WriteBackSnapshot
	WriteStandingsWorkbook = standings.WriteStandingsWorkbook
	BackupPath             = sheets.BackupPath
	DefaultLimits          = sheets.DefaultLimits
	Import                 = sheets.Import
	Read                   = sheets.Read
	ReadSnapshot           = sheets.ReadSnapshot
	OpenBytes              = sheets.OpenBytes

	ErrChanged   = sheets.ErrChanged
	ErrWouldLose = sheets.ErrWouldLose
	ErrStrict    = sheets.ErrStrict
	ErrLocked    = sheets.ErrLocked
	ErrReadOnly  = sheets.ErrReadOnly

	readPackage     = sheets.ReadPackage
	isXMLPart       = sheets.IsXMLPart
	checkWellFormed = sheets.CheckWellFormed
	listsKept       = sheets.ListsKept
	parseRaw        = sheets.ParseRaw
	concat          = sheets.Concat

	scoredSample      = sheets.ScoredSample
	organiserWorkbook = sheets.OrganiserWorkbook
	protectedWorkbook = sheets.ProtectedWorkbook
	rezip             = sheets.Rezip
	partOf            = sheets.PartOf
	sheetList         = sheets.SheetList
	mustRead          = sheets.MustRead
	readTimingText    = sheets.ReadTimingText
	demoWorkbook      = sheets.DemoWorkbook
	reorderSheets     = sheets.ReorderSheets
	folderFiles       = testkit.FolderFiles
	soffice           = testkit.Soffice
	convert           = testkit.Convert
	readCSV           = testkit.ReadCSV
	testDate          = sheets.TestDate
)

const (
	almsPath   = sheets.ALMSPath
	demoRound4 = sheets.DemoRound4
	calcPr     = sheets.CalcPr
	wbProtect  = sheets.WbProtect
)

// importTiming is Import with hooks.
func importTiming(path string, timing *sheets.Timing, opts ImportOptions, hooks writeBackHooks) (*sheets.ImportReport, error) {
	return sheets.ImportTimingHooked(path, timing, opts, hooks.beforeRename, hooks.damage)
}

// writeBackHooks are the hooks of a write-back or import (see the package's
// writeBackHooks).
type writeBackHooks struct {
	beforeRename func(tmp string) error
	damage       func([]byte) []byte
}

// writeBack reads the workbook at path and writes the standings into it,
// with hooks.
func writeBack(path string, season *scoring.Season, st *scoring.Standings, opts PublishOptions, limits Limits, hooks writeBackHooks) (*sheets.WriteBackReport, error) {
	if limits == (Limits{}) {
		limits = sheets.DefaultLimits()
	}
	snap, err := sheets.ReadSnapshot(path, OpenOptions{Limits: limits})
	if err != nil {
		return nil, err
	}
	return sheets.WriteGeneratedHooked(snap, standings.Sheets(season, st, opts), limits, hooks.beforeRename, hooks.damage)
}
