package sheets

import (
	"testing"

	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/podium-dev/podium/sheets/writeback"
	"github.com/xuri/excelize/v2"
)

// What the external tests (package sheets_test: the write-back tests,
// which need the standings writer, itself an importer of this package)
// use of the package's internals and of its tests' helpers.

// WriteGeneratedHooked is WriteGenerated with a write-back's test hooks.
func WriteGeneratedHooked(snap *writeback.Snapshot, generate writeback.Generate, limits ooxml.Limits, beforeRename func(string) error, damage func([]byte) []byte) (*writeback.WriteBackReport, error) {
	return writeback.WriteGeneratedWithHooks(snap, generate, limits, writeback.Hooks{BeforeRename: beforeRename, Damage: damage})
}

// The package's internals.
var ()

// The package's tests' helpers and data.
var (
	ScoredSample      = scoredSample
	OrganiserWorkbook = organiserWorkbook
	ProtectedWorkbook = protectedWorkbook
	Rezip             = rezip
	PartOf            = partOf
	SheetList         = sheetList
	ReorderSheets     = reorderSheets
	TestDate          = testDate
)

// Constants of the package's tests.
const (
	ALMSPath  = almsPath
	CalcPr    = calcPr
	WbProtect = wbProtect
)

// File is the workbook's excelize file.
func (wb *Workbook) File() *excelize.File { return wb.f }

// BookWithCalendar writes the tests' base workbook with the Calendar rows
// given.
func BookWithCalendar(t *testing.T, calendar [][]any) string {
	t.Helper()
	b := baseBook()
	b.sheet("Calendar").rows = calendar
	return b.write(t)
}
