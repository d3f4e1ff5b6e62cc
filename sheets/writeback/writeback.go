package writeback

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/xuri/excelize/v2"
)

// Errors of writing generated sheets into a workbook, beside ooxml's
// ErrLocked and ErrChanged.
var (
	ErrWouldLose = errors.New("writing the standings into the workbook would lose some of its content")
	// ErrStrict says that the workbook uses the namespaces of Strict Open
	// XML, which excelize does not write: podium reads such a workbook but
	// leaves it untouched.
	ErrStrict = errors.New("saved as Strict Open XML Spreadsheet, which podium cannot write into")
)

// strictHint says what to do with a Strict Open XML workbook.
const strictHint = "in Excel, use File › Save As › Excel Workbook (.xlsx) and run podium again"

// isStrict reports whether the package is a Strict Open XML workbook: its
// workbook part uses Strict's SpreadsheetML namespace.
func isStrict(p *ooxml.Package) bool {
	data, _ := p.Read(partsOf(p).workbook)
	head := data[:min(len(data), 4096)]
	return bytes.Contains(head, []byte("http://purl.oclc.org/ooxml/spreadsheetml/main")) || bytes.Contains(head, []byte(`conformance="strict"`))
}

// WriteBackReport says what a write-back did.
type WriteBackReport struct {
	// Sheets are the standings sheets written.
	Sheets []string
	// Replaced are the sheets of a previous run that were replaced.
	Replaced []string
	// Backup is the copy of the previous workbook.
	Backup string
}

// ErrNotWritable says that podium can only write into .xlsx workbooks
// without a password.
var ErrNotWritable = errors.New("podium cannot write into a password-protected or non-.xlsx workbook")

// ReadForUpdate reads the workbook at path that podium is about to
// rewrite: refused while Excel or LibreOffice has it open (unless
// checkLock is false, for a dry run). The file's information is kept to
// notice a save meanwhile (see ooxml.ReplaceWorkbook).
func ReadForUpdate(path string, limits ooxml.Limits, checkLock bool) (os.FileInfo, []byte, error) {
	fail := func(err error, hint string) (os.FileInfo, []byte, error) {
		return nil, nil, &ooxml.FileError{Path: path, Err: err, Hint: hint}
	}
	if lock := ooxml.LockFile(path); checkLock && lock != "" {
		return fail(fmt.Errorf("%w (lock file %s)", ooxml.ErrLocked, filepath.Base(lock)), "close it in Excel or LibreOffice and run podium again")
	}
	info, err := os.Stat(path)
	if err != nil {
		return fail(ooxml.ErrNotFound, ooxml.HintFileName)
	}
	orig, err := ooxml.ReadLimited(path, limits.MaxFileSize)
	if err != nil {
		return fail(err, "")
	}
	if ooxml.Sniff(orig) == ooxml.FormatZip {
		if p, err := ooxml.ReadPackage(orig, limits); err == nil && isStrict(p) {
			return fail(ErrStrict, strictHint)
		}
	}
	return info, orig, nil
}

// Snapshot is a workbook file as read once. A season scored from a
// snapshot is written back into the same bytes (WriteBackSnapshot), so the
// standings always match the workbook they are written into: an edit saved
// meanwhile is noticed and refused, never kept beside standings computed
// from the older data.
type Snapshot struct {
	// Path is the file read.
	Path string
	// Data is its content.
	Data []byte
	info os.FileInfo
}

// ReadSnapshot reads the workbook file at path, within limits (the zero
// value means ooxml.DefaultLimits). Problems with the file come back as a
// *ooxml.FileError with a hint, as sheets.Open's do.
func ReadSnapshot(path string, limits ooxml.Limits) (*Snapshot, error) {
	if limits == (ooxml.Limits{}) {
		limits = ooxml.DefaultLimits()
	}
	data, info, err := ooxml.ReadWorkbookFile(path, limits)
	if err != nil {
		return nil, err
	}
	return &Snapshot{Path: path, Data: data, info: info}, nil
}

// unchanged reports whether the file still holds the snapshot's bytes.
func (s *Snapshot) unchanged(limits ooxml.Limits) bool {
	now, err := os.Stat(s.Path)
	if err != nil || now.Size() != s.info.Size() || !now.ModTime().Equal(s.info.ModTime()) {
		return false
	}
	// The same size and time are not proof: a save within the clock's
	// resolution, or a tool that restores the time, keeps them.
	data, err := ooxml.ReadLimited(s.Path, limits.MaxFileSize)
	return err == nil && bytes.Equal(data, s.Data)
}

// Generate writes the sheets of a write-back into the season workbook,
// opened by excelize without the sheets podium generated before (which
// WriteGenerated replaces): it returns the names of the sheets it wrote, in
// order, and the rows to splice into them (nil for none). The standings
// workbook writer (sheets/standings) makes one.
type Generate func(f *excelize.File) (sheets []string, splices *ooxml.RowSplices, err error)

// WriteGenerated writes the sheets that generate makes into the workbook
// the snapshot was read from, replacing the ones podium generated before
// and leaving everything else as it was. It checks the result before
// replacing the file: if anything of the organiser's would be lost, the
// workbook stays untouched and the error names what. If the file no
// longer holds the snapshot's bytes (saved meanwhile), nothing is written
// and the error wraps ErrChanged. The previous version is kept as
// BackupPath(path).
func WriteGenerated(snap *Snapshot, generate Generate, limits ooxml.Limits) (report *WriteBackReport, err error) {
	defer ooxml.RecoverInternal(snap.Path, &err)
	return WriteGeneratedWithHooks(snap, generate, limits, Hooks{})
}

// Hooks let tests interrupt a write-back (or an import, which writes
// through the same checks) or damage its result.
type Hooks struct {
	// BeforeRename runs when the new file is complete, before it replaces
	// the workbook.
	BeforeRename func(tmp string) error
	// Damage edits the new package before it is verified, standing in for
	// content excelize fails to carry over.
	Damage func([]byte) []byte
}

// WriteGeneratedWithHooks is WriteGenerated with hooks for tests.
func WriteGeneratedWithHooks(snap *Snapshot, generate Generate, limits ooxml.Limits, hooks Hooks) (*WriteBackReport, error) {
	if limits == (ooxml.Limits{}) {
		limits = ooxml.DefaultLimits()
	}
	path, orig := snap.Path, snap.Data
	fail := func(err error, hint string) (*WriteBackReport, error) {
		return nil, &ooxml.FileError{Path: path, Err: err, Hint: hint}
	}
	if lock := ooxml.LockFile(path); lock != "" {
		return fail(fmt.Errorf("%w (lock file %s)", ooxml.ErrLocked, filepath.Base(lock)), "close it in Excel or LibreOffice and run podium again")
	}
	if ooxml.Sniff(orig) != ooxml.FormatZip {
		return fail(ErrNotWritable, "use --out STANDINGS.xlsx to write a separate standings workbook")
	}
	before, err := ooxml.ReadPackage(orig, limits)
	if err != nil {
		return fail(fmt.Errorf("%w: %v", ooxml.ErrCorrupt, err), "")
	}
	if isStrict(before) {
		return fail(ErrStrict, strictHint+", or use --out STANDINGS.xlsx to write a separate standings workbook")
	}
	if !snap.unchanged(limits) {
		return fail(ooxml.ErrChanged, "it was saved after podium read it; run podium again to score what it holds now")
	}
	// The previous run's sheets are removed from the package before
	// excelize opens it (see withoutSheets): excelize then parses none of
	// the organiser's sheets.
	old := generatedSheets(before)
	owned := before.OwnedParts(old)
	slim, err := withoutSheets(before, orig, old, owned)
	if err != nil {
		return fail(fmt.Errorf("%w: %v", ooxml.ErrCorrupt, err), "")
	}
	f, err := excelize.OpenReader(bytes.NewReader(slim), ooxml.ExcelizeOptions(limits))
	if err != nil {
		return fail(fmt.Errorf("%w: %s", ooxml.ErrCorrupt, ooxml.CleanExcelizeError(err)), "open it in Excel or LibreOffice and save it again")
	}
	defer f.Close()
	generated, splices, err := generate(f)
	if err != nil {
		return nil, err
	}
	if err := markGenerated(f, generated); err != nil {
		return nil, err
	}
	written, err := ooxml.StableBytes(f, splices)
	if err != nil {
		return nil, err
	}
	updated, err := CarryOver(orig, before, written, owned, nil, old, generated, limits)
	if err != nil {
		return fail(fmt.Errorf("%w: %v; the workbook was not changed", ErrWouldLose, err), "use --out STANDINGS.xlsx to write the standings to a separate workbook")
	}
	if hooks.Damage != nil {
		updated = hooks.Damage(updated)
	}
	lost, err := VerifyWriteBack(orig, updated, old, nil, limits)
	if err != nil {
		return nil, err
	}
	if len(lost) == 0 {
		after, err := ooxml.ReadPackage(updated, limits)
		if err != nil {
			return nil, err
		}
		lost = VerifyCarried(before, after, owned, nil)
	}
	if len(lost) > 0 {
		return fail(fmt.Errorf("%w: %s; the workbook was not changed", ErrWouldLose, strings.Join(lost, "; ")),
			"use --out STANDINGS.xlsx to write the standings to a separate workbook")
	}
	report := &WriteBackReport{Sheets: generated, Replaced: old, Backup: ooxml.BackupPath(path)}
	// ooxml.ReplaceWorkbook compares the file's size and time before the rename;
	// its content must be the snapshot's too.
	next := hooks.BeforeRename
	hooks.BeforeRename = func(tmp string) error {
		if !snap.unchanged(limits) {
			return ooxml.ErrChanged
		}
		if next != nil {
			return next(tmp)
		}
		return nil
	}
	return report, ooxml.ReplaceWorkbook(path, snap.info, orig, updated, hooks.BeforeRename)
}
