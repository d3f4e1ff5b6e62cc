package sheets_test

import (
	"testing"

	"github.com/podium-dev/podium/internal/testkit"
	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets"
	"github.com/podium-dev/podium/sheets/importer"
	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/podium-dev/podium/sheets/standings"
	"github.com/podium-dev/podium/sheets/timing"
	"github.com/podium-dev/podium/sheets/writeback"
)

// The write-back tests need both the package's internals and the
// standings writer (which imports the package): they are an external
// test package, naming what they use as the package's own tests do.

type (
	Limits         = ooxml.Limits
	PublishOptions = standings.PublishOptions
	OpenOptions    = sheets.OpenOptions
	ImportOptions  = importer.Options
)

var (
	WriteBack              = standings.WriteBack
	WriteBackSnapshot      = standings.WriteBackSnapshot
	WriteStandingsWorkbook = standings.WriteStandingsWorkbook
	BackupPath             = ooxml.BackupPath
	DefaultLimits          = ooxml.DefaultLimits
	Import                 = importer.Import
	Read                   = sheets.Read
	ReadSnapshot           = writeback.ReadSnapshot
	SnapshotSeason         = sheets.SnapshotSeason
	OpenBytes              = sheets.OpenBytes

	ErrChanged   = ooxml.ErrChanged
	ErrWouldLose = writeback.ErrWouldLose
	ErrStrict    = writeback.ErrStrict
	ErrLocked    = ooxml.ErrLocked
	ErrReadOnly  = ooxml.ErrReadOnly

	readPackage     = ooxml.ReadPackage
	isXMLPart       = ooxml.IsXMLPart
	checkWellFormed = ooxml.CheckWellFormed
	listsKept       = writeback.ListsKept
	parseRaw        = ooxml.ParseRaw
	concat          = ooxml.Concat

	scoredSample      = sheets.ScoredSample
	organiserWorkbook = sheets.OrganiserWorkbook
	protectedWorkbook = sheets.ProtectedWorkbook
	rezip             = sheets.Rezip
	partOf            = sheets.PartOf
	sheetList         = sheets.SheetList
	mustRead          = testkit.MustRead
	demoWorkbook      = testkit.DemoWorkbook
	reorderSheets     = sheets.ReorderSheets
	folderFiles       = testkit.FolderFiles
	soffice           = testkit.Soffice
	convert           = testkit.Convert
	readCSV           = testkit.ReadCSV
	testDate          = sheets.TestDate
)

const (
	almsPath   = sheets.ALMSPath
	demoRound4 = testkit.DemoRound4
	calcPr     = sheets.CalcPr
	wbProtect  = sheets.WbProtect
)

// importTiming is Import with hooks.
func importTiming(path string, tf *timing.File, opts ImportOptions, hooks writeBackHooks) (*importer.Report, error) {
	return importer.ImportWithHooks(path, tf, opts, writeback.Hooks{BeforeRename: hooks.beforeRename, Damage: hooks.damage})
}

// readTimingText reads a timing file's text.
func readTimingText(t *testing.T, name, text string) *timing.File {
	t.Helper()
	tf, err := timing.Read(name, []byte(text), timing.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	return tf
}

// writeBackHooks are the hooks of a write-back or import (see
// writeback.Hooks).
type writeBackHooks struct {
	beforeRename func(tmp string) error
	damage       func([]byte) []byte
}

// writeBack reads the workbook at path and writes the standings into it,
// with hooks.
func writeBack(path string, season *scoring.Season, st *scoring.Standings, opts PublishOptions, limits Limits, hooks writeBackHooks) (*writeback.WriteBackReport, error) {
	if limits == (Limits{}) {
		limits = ooxml.DefaultLimits()
	}
	snap, err := writeback.ReadSnapshot(path, limits)
	if err != nil {
		return nil, err
	}
	return sheets.WriteGeneratedHooked(snap, standings.Sheets(season, st, opts), limits, hooks.beforeRename, hooks.damage)
}

// childSpans are the byte ranges of the element's children.
func childSpans(e *ooxml.RawElem) [][2]int {
	spans := make([][2]int, len(e.Children))
	for i, c := range e.Children {
		spans[i] = [2]int{c.Start, c.End}
	}
	return spans
}
