package sheets

import (
	"github.com/xuri/excelize/v2"
)

// What the external tests (package sheets_test: the write-back tests,
// which need the standings writer, itself an importer of this package)
// use of the package's internals and of its tests' helpers.

// WriteGeneratedHooked is WriteGenerated with a write-back's test hooks.
func WriteGeneratedHooked(snap *Snapshot, generate Generate, limits Limits, beforeRename func(string) error, damage func([]byte) []byte) (*WriteBackReport, error) {
	return writeGenerated(snap, generate, limits, writeBackHooks{beforeRename: beforeRename, damage: damage})
}

// ImportTimingHooked is Import with a write-back's test hooks.
func ImportTimingHooked(path string, timing *Timing, opts ImportOptions, beforeRename func(string) error, damage func([]byte) []byte) (*ImportReport, error) {
	return importTiming(path, timing, opts, writeBackHooks{beforeRename: beforeRename, damage: damage})
}

// The package's internals.
var (
	ReadPackage     = readPackage
	IsXMLPart       = isXMLPart
	CheckWellFormed = checkWellFormed
	ListsKept       = listsKept
	ParseRaw        = parseRaw
	Concat          = concat
)

// OwnedParts is ownedParts.
func (p *pkg) OwnedParts(sheets []string) map[string]bool { return p.ownedParts(sheets) }

// Read is read.
func (p *pkg) Read(name string) ([]byte, bool) { return p.read(name) }

// Names are the names of the package's parts.
func (p *pkg) Names() []string {
	var names []string
	for name := range p.files {
		names = append(names, name)
	}
	return names
}

// ChildSpans are the byte ranges of the element's children.
func (e *rawElem) ChildSpans() [][2]int {
	spans := make([][2]int, len(e.children))
	for i, c := range e.children {
		spans[i] = [2]int{c.start, c.end}
	}
	return spans
}

// The package's tests' helpers and data.
var (
	ScoredSample      = scoredSample
	OrganiserWorkbook = organiserWorkbook
	ProtectedWorkbook = protectedWorkbook
	Rezip             = rezip
	PartOf            = partOf
	SheetList         = sheetList
	MustRead          = mustRead
	ReadTimingText    = readTimingText
	DemoWorkbook      = demoWorkbook
	ReorderSheets     = reorderSheets
	TestDate          = testDate
)

// Constants of the package's tests.
const (
	ALMSPath   = almsPath
	DemoRound4 = demoRound4
	CalcPr     = calcPr
	WbProtect  = wbProtect
)

// File is the workbook's excelize file.
func (wb *Workbook) File() *excelize.File { return wb.f }
