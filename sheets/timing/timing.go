package timing

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/podium-dev/podium/templates"
)

// File is one session's classification as read from a timing system's
// CSV export: the ACO/FIA endurance export (overall or by class), a club
// timing export, or any CSV whose headers are those of the Results sheet.
type File struct {
	// Path is the file read, as given.
	Path string
	// Format names the layout recognised, for messages.
	Format string
	// Encoding is the text encoding found ("UTF-8 with BOM", "UTF-16LE",
	// "Windows-1252" …).
	Encoding string
	// Delimiter separates the fields: ';', ',' or '\t'.
	Delimiter rune
	// Header is the line number of the header row.
	Header int
	// Columns the file has, as recognised.
	HasClass, HasPosition, HasClassPosition, HasStatus, HasLaps, HasLapTimes, HasPole, HasFastestLap, HasRound bool
	// HasLapsLed is true when the file has a laps-led column (LAPS LED,
	// LL, Laps Led …).
	HasLapsLed bool
	// Rows are the cars, in the order of the file.
	Rows []Row

	headers []string // the header row as written
	cols    []column // the columns recognised
	// problems are the problems of lines read, and rejected the cars of
	// those lines (with what could be read of them), so that the import can
	// report them together with what the workbook says of the file.
	problems scoring.Diagnostics
	rejected []Row
}

// Problems returns the problems of the file's lines, in line order; nil
// when it has none. The import (sheets/importer) refuses a
// classification with problems.
func (t *File) Problems() scoring.Diagnostics {
	if len(t.problems) == 0 {
		return nil
	}
	return slices.Clone(t.problems)
}

// Rejected returns the cars of the lines with problems, with what could be
// read of them, so that the import can check them against the workbook
// too and report every problem of the file at once.
func (t *File) Rejected() []Row { return t.rejected }

// HeaderRow returns the header row as written.
func (t *File) HeaderRow() []string { return slices.Clone(t.headers) }

// HasField reports whether the file has a column holding one of fields.
func (t *File) HasField(fields ...Field) bool {
	return slices.ContainsFunc(t.cols, func(c column) bool { return slices.Contains(fields, c.field) })
}

// Column returns the 1-based column of a field and its header as written;
// 0 and "" when the file has no such column.
func (t *File) Column(f Field) (int, string) {
	for _, c := range t.cols {
		if c.field == f {
			return c.index + 1, c.header
		}
	}
	return 0, ""
}

// Row is one car of a timing classification.
type Row struct {
	// Line is the row's line number in the file (the row number when the
	// file is opened in a spreadsheet).
	Line int
	// No is the car number, normalised as sheets.CarNumber does.
	No string
	// Position is the position column (overall in the ACO export); 0 when
	// not given.
	Position int
	// ClassPosition is the position in class (PIC, Class Pos); 0 when not
	// given.
	ClassPosition int
	Class         string
	Status        scoring.Status
	// StatusText is the status as written.
	StatusText string
	// Laps completed; -1 when not given.
	Laps int
	// LapsLed is the number of laps the car led; -1 when not given.
	LapsLed int
	// BestLap is the car's fastest lap time; 0 when not given.
	BestLap time.Duration
	// Pole and FastestLap are the marks of a file with Results headers.
	Pole, FastestLap scoring.Mark
	// Round is the Round column of a file with Results headers; 0 when
	// not given.
	Round int
	Team  string
	Car   string
	// Drivers of the car, names as written (first name, then surname).
	Drivers []TimingDriver
}

// TimingDriver is a driver named in a timing file.
type TimingDriver struct {
	Name string
	// Nat is the nationality when the file gives it.
	Nat string
}

// Limits bound what is read from a timing file.
type Limits struct {
	// MaxBytes is the largest file read.
	MaxBytes int64
	// MaxRows is the largest number of cars.
	MaxRows int
	// MaxFields is the largest number of fields on a line.
	MaxFields int
	// MaxCellChars is the longest field, in bytes.
	MaxCellChars int
}

// DefaultLimits are generous for any real classification: a few
// hundred cars of a few hundred bytes each.
func DefaultLimits() Limits {
	return Limits{MaxBytes: 8 << 20, MaxRows: 2000, MaxFields: 400, MaxCellChars: 1000}
}

// Problems are the problems of a timing file or of an import, each a
// scoring.Diagnostic placed at its line and field, or at the whole file.
// As an error it lists them one per line, the same problem in one column
// of several lines on one line (status "Finito" is not a timing status;
// also lines 6, 9): see scoring.Diagnostics.Grouped.
type Problems scoring.Diagnostics

// Lines returns the problems as the error lists them.
func (ps Problems) Lines() []string {
	groups := scoring.Diagnostics(ps).Grouped()
	lines := make([]string, len(groups))
	for i, g := range groups {
		lines[i] = g.String()
	}
	return lines
}

func (ps Problems) Error() string { return strings.Join(ps.Lines(), "\n") }

// Errors about a timing file as a whole (wrapped in a *FileError).
var (
	ErrNotText       = errors.New("not a CSV text file")
	ErrNoTimingTable = errors.New("no classification found")
	ErrTimingTooBig  = errors.New("the file is too large for a classification")
)

// ReadFile reads a timing classification from the file at path.
func ReadFile(path string, limits Limits) (*File, error) {
	if limits == (Limits{}) {
		limits = DefaultLimits()
	}
	info, err := os.Stat(path)
	switch {
	case err != nil:
		return nil, &ooxml.FileError{Path: path, Err: ooxml.ErrNotFound, Hint: hintFileName}
	case info.IsDir():
		return nil, &ooxml.FileError{Path: path, Err: ooxml.ErrIsDirectory}
	case info.Size() > limits.MaxBytes:
		return nil, &ooxml.FileError{Path: path, Err: fmt.Errorf("%w (%d bytes; podium reads up to %d)", ErrTimingTooBig, info.Size(), limits.MaxBytes), Hint: hintOneSession}
	}
	data, err := ooxml.ReadLimited(path, limits.MaxBytes)
	if err != nil {
		return nil, &ooxml.FileError{Path: path, Err: err}
	}
	return Read(path, data, limits)
}

// Read reads a timing classification held in memory; name is used in
// messages. The error is an *ooxml.FileError when the file cannot be read
// as a classification at all, or Problems listing every wrong line. With
// Problems the File is returned too, holding the cars read: the import
// (sheets/importer) then reports the file's lines together with what the
// workbook says of the file (unknown classes and cars, results it would
// remove), and refuses.
func Read(name string, data []byte, limits Limits) (t *File, err error) {
	defer ooxml.RecoverInternal(name, &err)
	if limits == (Limits{}) {
		limits = DefaultLimits()
	}
	fail := func(err error, hint string) (*File, error) {
		return nil, &ooxml.FileError{Path: name, Err: err, Hint: hint}
	}
	if int64(len(data)) > limits.MaxBytes {
		return fail(fmt.Errorf("%w (%d bytes; podium reads up to %d)", ErrTimingTooBig, len(data), limits.MaxBytes), hintOneSession)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return fail(ooxml.ErrEmpty, hintExportAgain)
	}
	switch ooxml.Sniff(data) {
	case ooxml.FormatZip, ooxml.FormatOLE:
		return fail(fmt.Errorf("%w: it is a workbook", ErrNotText), hintSaveAsCSV)
	case ooxml.FormatHTML:
		return fail(fmt.Errorf("%w: it is a web page (HTML)", ErrNotText), hintExportCSV)
	}
	text, enc, err := decodeText(data)
	if err != nil {
		return fail(err, hintExportUTF8)
	}
	text = normalizeLineEndings(text)
	delim, header, ok := detectLayout(text, limits.MaxFields)
	if !ok {
		first, _, _ := strings.Cut(strings.TrimLeft(text, "\r\n"), "\n")
		if len(first) > 120 {
			first = first[:120] + "…"
		}
		return fail(fmt.Errorf("%w: no header row with a car number column in the first %d lines (the first line reads %q)", ErrNoTimingTable, templates.HeaderSearchRows, strings.TrimSpace(first)),
			hintTimingHeader)
	}
	t = &File{Path: name, Encoding: enc, Delimiter: delim}
	r := newTimingReader(t, text, limits)
	if err := r.read(header); err != nil {
		return nil, err
	}
	if len(t.Rows) == 0 && len(t.rejected) == 0 {
		return nil, Problems(r.problems)
	}
	if len(r.problems) > 0 {
		// The cars read are kept with the problems, so that an import can
		// report what else is wrong with the file at the same time.
		t.problems = r.problems
		return t, Problems(t.problems)
	}
	return t, nil
}

// At returns the place of the field col (0 for the whole line; a line of
// 0 for the whole file) of line, with the column's header.
func (t *File) At(line, col int) scoring.Ref {
	ref := scoring.Ref{File: t.Path, Line: line, Col: col}
	for _, c := range t.cols {
		if c.index+1 == col {
			ref.Field = c.header
		}
	}
	return ref
}
