package importer

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets"
	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/podium-dev/podium/sheets/timing"
	"github.com/podium-dev/podium/sheets/writeback"
	"github.com/podium-dev/podium/templates"
	"github.com/xuri/excelize/v2"
)

// Session is the timing session a classification comes from.
type Session string

// Sessions.
const (
	// Race gives Pos, Status, Laps and the fastest laps.
	Race Session = "race"
	// Qualifying gives the pole position of each class and cup: the
	// first car of each in the classification's order.
	Qualifying Session = "qualifying"
)

// Options say what to import and how.
type Options struct {
	// Round is the Calendar round the classification belongs to.
	Round   int
	Session Session
	// FastestLap marks the fastest lap of each class and cup from the
	// file's lap times. When false, or when the file has no lap times,
	// the round's Fastest lap cells are kept as they are.
	FastestLap bool
	// AddEntries appends cars missing from Entries to Entries and Drivers
	// instead of refusing the import.
	AddEntries bool
	// Classes maps class names of the timing file to the workbook's
	// ("LMP2 Pro-Am" → "LMP2 Am"); compared as headers are (case and
	// spacing do not matter).
	Classes map[string]string
	// ReplaceRound lets a race import remove the results of the round's
	// cars that are not in the file; without it the import refuses.
	ReplaceRound bool
	// DryRun works out and checks everything but writes nothing.
	DryRun   bool
	Password string
	Limits   ooxml.Limits
}

// Report says what an import did, or would do in a dry run.
type Report struct {
	Round   int
	Session Session
	// Timing describes the file read ("ACO/FIA timing export, UTF-8 with
	// BOM, ';'").
	Timing string
	// Cars is the number of cars in the classification.
	Cars int
	// Added, Replaced and Cleared are the Results rows written into empty
	// rows, rewritten, and emptied.
	Added, Replaced, Cleared []int
	// Marks lists the poles and fastest laps set ("pole LMP2: car 36").
	Marks []string
	// NewEntries are the cars appended to Entries.
	NewEntries []string
	// Warnings need an official's eye; each names its place: a line of
	// the timing file, or a cell of the workbook.
	Warnings scoring.Diagnostics
	// Notes say what of the file was not kept, and why.
	Notes []string
	// After holds the problems the workbook has once imported, as
	// podium validate would list them.
	After scoring.Diagnostics
	// Changed is false when the workbook already held this
	// classification; nothing was written then.
	Changed bool
	// Backup is the copy of the previous workbook ("" when nothing was
	// written).
	Backup string
}

// Errors of an import.
var (
	// ErrNoRound says that the round imported is not in the Calendar.
	ErrNoRound = errors.New("the round is not in the Calendar")
	// ErrImportNotKept says that the check after writing found the
	// workbook would not hold what was imported, or would lose something
	// else; nothing was written.
	ErrImportNotKept = errors.New("the check after importing found that the workbook would not hold the classification as planned")
)

// Import puts a session classification into the Results sheet of the
// workbook at path, replacing what the round held (see Options), and
// writes the workbook back safely as the standings write-back does: a
// temporary file, checked, renamed into place, the previous version kept
// as ooxml.BackupPath(path). Problems with the file or with what it says
// (cars not in Entries, unknown classes) are returned as timing.Problems,
// all of them, in the order of importStage.
func Import(path string, tf *timing.File, opts Options) (report *Report, err error) {
	defer ooxml.RecoverInternal(path, &err)
	return importTiming(path, tf, opts, writeback.Hooks{})
}

// ImportWithHooks is Import with the write-back's hooks, for tests (as
// writeback.WriteGeneratedWithHooks).
func ImportWithHooks(path string, tf *timing.File, opts Options, hooks writeback.Hooks) (report *Report, err error) {
	defer ooxml.RecoverInternal(path, &err)
	return importTiming(path, tf, opts, hooks)
}

// importTiming is Import with hooks: the workbook is read, the import
// planned (plan.go) and applied to the workbook (apply.go), which is then
// verified and written back (write).
func importTiming(path string, tf *timing.File, opts Options, hooks writeback.Hooks) (*Report, error) {
	limits := opts.Limits
	if limits == (ooxml.Limits{}) {
		limits = ooxml.DefaultLimits()
	}
	if opts.Session == "" {
		opts.Session = Race
	}
	if tf == nil {
		return failed(path, errors.New("no timing classification to import"), "")
	}
	info, orig, err := writeback.ReadForUpdate(path, limits, !opts.DryRun)
	if err != nil {
		return nil, err
	}
	if ooxml.Sniff(orig) != ooxml.FormatZip {
		if _, err := sheets.OpenBytes(path, orig, sheets.OpenOptions{Password: opts.Password, Limits: limits}); err != nil {
			return nil, err
		}
		return failed(path, writeback.ErrNotWritable, hintNotXLSX)
	}
	// The sheets podium generated are neither read nor edited: they are
	// not unpacked (see writeback.WithoutGenerated), and writeback.CarryOver puts them back.
	readable := writeback.WithoutGenerated(orig, limits)
	im, err := newImporter(path, tf, opts, readable, limits)
	if err != nil {
		return nil, err
	}
	if err := im.plan(); err != nil {
		return nil, err
	}
	return im.write(info, orig, readable, limits, hooks)
}

// failed returns the error of an import that cannot read or write the
// workbook at path.
func failed(path string, err error, hint string) (*Report, error) {
	return nil, &ooxml.FileError{Path: path, Err: err, Hint: hint}
}

// newImporter reads the season and its sheets from the workbook's bytes
// (readable: without podium's generated sheets), and checks that the
// workbook can take the import.
func newImporter(path string, tf *timing.File, opts Options, readable []byte, limits ooxml.Limits) (*importer, error) {
	wb, err := sheets.OpenBytes(path, readable, sheets.OpenOptions{Limits: limits})
	if err != nil {
		return nil, err
	}
	season, diags, tables, err := wb.SeasonTables()
	wb.Close()
	if err != nil {
		return nil, err
	}
	im := &importer{path: path, timing: tf, opts: opts, season: season, tables: newTables(tables),
		report: &Report{Round: opts.Round, Session: opts.Session, Cars: len(tf.Rows),
			Timing: fmt.Sprintf("%s, %s, separated by %s", tf.Format, tf.Encoding, delimiterName(tf.Delimiter))}}
	if err := im.checkWorkbook(diags); err != nil {
		return nil, err
	}
	return im, nil
}

// write applies the plan to the workbook orig (info is its file's, as
// read), verifies the result and replaces the file with it, keeping a
// backup; a dry run stops before replacing.
func (im *importer) write(info os.FileInfo, orig, readable []byte, limits ooxml.Limits, hooks writeback.Hooks) (*Report, error) {
	path, opts := im.path, im.opts
	fail := func(err error, hint string) (*Report, error) { return failed(path, err, hint) }
	// excelize opens the workbook with only the rows of Results the import
	// may edit (see ooxml.SlimSheet), and the organiser's parts go back byte for
	// byte, the edited sheets with only their cells from excelize (see
	// writeback.CarryOver).
	before, err := ooxml.ReadPackage(orig, limits)
	if err != nil {
		return fail(fmt.Errorf("%w: %v", ooxml.ErrCorrupt, err), "")
	}
	_, parts := before.Sheets()
	edited := map[string]*ooxml.RowKeep{}
	editedParts := map[string]bool{}
	for _, s := range im.edited() {
		edited[parts[s]] = nil
		editedParts[parts[s]] = true
	}
	slim := readable
	resultsPart := parts[im.results().name]
	if data, ok := before.Read(resultsPart); ok {
		keep := im.rowsEdited()
		if part, ok := ooxml.SlimSheet(data, keep); ok {
			edited[resultsPart] = keep
			if slim, err = ooxml.Rewrite(readable, map[string][]byte{resultsPart: part}, nil); err != nil {
				return fail(fmt.Errorf("%w: %v", ooxml.ErrCorrupt, err), "")
			}
		}
	}
	f, err := excelize.OpenReader(bytes.NewReader(slim), ooxml.ExcelizeOptions(limits))
	if err != nil {
		return fail(fmt.Errorf("%w: %s", ooxml.ErrCorrupt, ooxml.CleanExcelizeError(err)), hintResaveWorkbook)
	}
	defer f.Close()
	im.f = f
	if err := im.apply(); err != nil {
		return nil, err
	}
	report := im.report
	if !report.Changed {
		return report, nil
	}
	written, err := ooxml.StableBytes(f, nil)
	if err != nil {
		return nil, err
	}
	updated, err := writeback.CarryOver(orig, before, written, nil, edited, nil, nil, limits)
	if err != nil {
		return fail(fmt.Errorf("%w: %v; the workbook was not changed", ErrImportNotKept, err), hintSendToUs)
	}
	if hooks.Damage != nil {
		updated = hooks.Damage(updated)
	}
	afterDiags, err := im.verifyWritten(orig, updated, before, editedParts, limits)
	if err != nil {
		return nil, err
	}
	report.After = afterDiags
	if opts.DryRun {
		return report, nil
	}
	report.Backup = ooxml.BackupPath(path)
	if err := ooxml.ReplaceWorkbook(path, info, orig, updated, hooks.BeforeRename); err != nil {
		return nil, err
	}
	return report, nil
}

// verifyWritten reads the workbook as written (updated) again, as podium
// validate would, while its parts are compared with the original's
// (orig, before): it returns the problems the workbook has once imported,
// or ErrImportNotKept naming what it would not hold or would lose.
func (im *importer) verifyWritten(orig, updated []byte, before *ooxml.Package, editedParts map[string]bool, limits ooxml.Limits) (scoring.Diagnostics, error) {
	// ReadBytes recovers from its own panics.
	type reread struct {
		season *scoring.Season
		diags  scoring.Diagnostics
		err    error
	}
	done := make(chan reread, 1)
	go func() {
		var r reread
		r.season, r.diags, r.err = sheets.ReadBytes(im.path, writeback.WithoutGenerated(updated, limits), sheets.OpenOptions{Limits: limits})
		done <- r
	}()
	lost, err := writeback.VerifyWriteBack(orig, updated, nil, im.edited(), limits)
	if err == nil && len(lost) == 0 {
		var afterPkg *ooxml.Package
		if afterPkg, err = ooxml.ReadPackage(updated, limits); err == nil {
			lost = writeback.VerifyCarried(before, afterPkg, nil, editedParts)
		}
	}
	r := <-done
	if err != nil {
		return nil, err
	}
	after, afterDiags, err := r.season, r.diags, r.err
	if err != nil {
		return nil, err
	}
	lost = append(lost, im.verify(after)...)
	if len(lost) > 0 {
		return nil, &ooxml.FileError{Path: im.path, Err: fmt.Errorf("%w: %s; the workbook was not changed", ErrImportNotKept, strings.Join(lost, "; ")), Hint: hintSendToUs}
	}
	return afterDiags, nil
}

func delimiterName(d rune) string {
	switch d {
	case ';':
		return "semicolons"
	case '\t':
		return "tabs"
	case ',':
		return "commas"
	}
	return strconv.QuoteRune(d)
}

// importer carries one import from plan to verification.
type importer struct {
	path   string
	timing *timing.File
	opts   Options
	season *scoring.Season
	tables map[string]*table
	report *Report
	f      *excelize.File

	entries map[string]*scoring.Entry
	// rows are the classification's cars for the round, in order.
	rows []*importRow
	// newEntries are the cars to append to Entries, in file order.
	newEntries []*importRow
	// old are the round's rows in Results, in sheet order, and oldOf
	// the first row of each car.
	old   []oldRow
	oldOf map[string]int
	// written maps Results row numbers to the car written there, and
	// wantPole to the Pole mark the row must hold.
	written  map[int]*importRow
	wantPole map[int]scoring.Mark
	// entryRows and driverRows are the rows appended to Entries and
	// Drivers.
	entryRows, driverRows []int
}

// importRow is one car of the classification, resolved against the
// workbook.
type importRow struct {
	timing.Row
	class, cup string // the car's classifications in the workbook
	pos        int    // position in class among classified cars; 0 = none
	pole, fl   scoring.Mark
	setPole    bool // the pole cell is given by the file (else kept)
	setFL      bool
	setRace    bool // Pos, Status, Laps are written (a race)
	keepLaps   bool // the file has no laps: the cell is kept
	// keepLapsLed: the file has no laps led, or the sheet no Laps led
	// column: the cell is kept.
	keepLapsLed bool
	oldRow      int // the car's row in Results before the import; 0 = none
	// poleOnly marks a car that appears only to carry a pole (qualifying
	// import for a car without a row yet).
	poleOnly bool
}

// oldRow is a row of the round in Results before the import.
type oldRow struct {
	n  int
	no string
	// raced says the row holds a race result (Pos, Status, Laps or
	// Fastest lap); pole that it holds a pole.
	raced, pole bool
}

func (im *importer) results() *table { return im.tables[templates.SheetResults] }
