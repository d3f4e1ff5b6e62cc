package sheets

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/podium-dev/podium/templates"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Timing is one session's classification as read from a timing system's
// CSV export: the ACO/FIA endurance export (overall or by class), a club
// timing export, or any CSV whose headers are those of the Results sheet.
type Timing struct {
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
	// Rows are the cars, in the order of the file.
	Rows []TimingRow

	headers []string // the header row as written
	cols    []column // the columns recognised
	// problems are the problems of lines read, and rejected the cars of
	// those lines (with what could be read of them), so that Import can
	// report them together with what the workbook says of the file.
	problems scoring.Diagnostics
	rejected []TimingRow
}

// Problems returns the problems of the file's lines, in line order; nil
// when it has none. Import refuses a classification with problems.
func (t *Timing) Problems() scoring.Diagnostics {
	if len(t.problems) == 0 {
		return nil
	}
	return slices.Clone(t.problems)
}

// column returns the 1-based column of a field and its header as written;
// 0 and "" when the file has no such column.
func (t *Timing) column(f timingField) (int, string) {
	for _, c := range t.cols {
		if c.field == f {
			return c.index + 1, c.header
		}
	}
	return 0, ""
}

// TimingRow is one car of a timing classification.
type TimingRow struct {
	// Line is the row's line number in the file (the row number when the
	// file is opened in a spreadsheet).
	Line int
	// No is the car number, normalised as CarNumber does.
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

// TimingLimits bound what is read from a timing file.
type TimingLimits struct {
	// MaxBytes is the largest file read.
	MaxBytes int64
	// MaxRows is the largest number of cars.
	MaxRows int
	// MaxFields is the largest number of fields on a line.
	MaxFields int
	// MaxCellChars is the longest field, in bytes.
	MaxCellChars int
}

// DefaultTimingLimits are generous for any real classification: a few
// hundred cars of a few hundred bytes each.
func DefaultTimingLimits() TimingLimits {
	return TimingLimits{MaxBytes: 8 << 20, MaxRows: 2000, MaxFields: 400, MaxCellChars: 1000}
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

// ReadTimingFile reads a timing classification from the file at path.
func ReadTimingFile(path string, limits TimingLimits) (*Timing, error) {
	if limits == (TimingLimits{}) {
		limits = DefaultTimingLimits()
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
	return ReadTiming(path, data, limits)
}

// ReadTiming reads a timing classification held in memory; name is used in
// messages. The error is a *FileError when the file cannot be read as a
// classification at all, or Problems listing every wrong line. With
// Problems the Timing is returned too, holding the cars read: Import then
// reports the file's lines together with what the workbook says of the
// file (unknown classes and cars, results it would remove), and refuses.
func ReadTiming(name string, data []byte, limits TimingLimits) (t *Timing, err error) {
	defer ooxml.RecoverInternal(name, &err)
	if limits == (TimingLimits{}) {
		limits = DefaultTimingLimits()
	}
	fail := func(err error, hint string) (*Timing, error) {
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
	t = &Timing{Path: name, Encoding: enc, Delimiter: delim}
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

// normalizeLineEndings turns every line ending — CR LF (Windows), LF
// (Unix) and a bare CR (old Mac exports), mixed in one file as timing
// services and hand edits leave them — into LF, so that each ends one
// line. The text is whole in memory, so a CR LF pair is never split. A
// line break inside a quoted field becomes LF too, and counts as a line
// as the others do.
func normalizeLineEndings(text string) string {
	if !strings.Contains(text, "\r") {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '\r' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('\n')
		if i+1 < len(text) && text[i+1] == '\n' {
			i++
		}
	}
	return b.String()
}

// decodeText finds the encoding of a text file and returns it as UTF-8:
// UTF-8 with or without a byte order mark, UTF-16 (Excel's "Unicode text",
// with or without a byte order mark) and, for bytes that are not UTF-8,
// Windows-1252.
func decodeText(data []byte) (string, string, error) {
	utf16 := func(e unicode.Endianness, bom unicode.BOMPolicy, name string) (string, string, error) {
		out, err := unicode.UTF16(e, bom).NewDecoder().Bytes(data)
		if err != nil {
			return "", "", fmt.Errorf("%w: it is not valid %s text", ErrNotText, name)
		}
		return string(out), name, nil
	}
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		body := data[3:]
		if !utf8.Valid(body) {
			return "", "", fmt.Errorf("%w: it starts as UTF-8 but holds bytes that are not UTF-8 (at byte %d)", ErrNotText, 3+invalidUTF8At(body))
		}
		return string(body), "UTF-8 with BOM", checkBinary(body)
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return utf16(unicode.LittleEndian, unicode.ExpectBOM, "UTF-16LE")
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return utf16(unicode.BigEndian, unicode.ExpectBOM, "UTF-16BE")
	case len(data) >= 4 && data[1] == 0 && data[3] == 0 && data[0] != 0:
		return utf16(unicode.LittleEndian, unicode.IgnoreBOM, "UTF-16LE")
	case len(data) >= 4 && data[0] == 0 && data[2] == 0 && data[1] != 0:
		return utf16(unicode.BigEndian, unicode.IgnoreBOM, "UTF-16BE")
	case utf8.Valid(data):
		return string(data), "UTF-8", checkBinary(data)
	}
	if err := checkBinary(data); err != nil {
		return "", "", err
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", fmt.Errorf("%w: its text encoding is not recognised", ErrNotText)
	}
	return string(out), "Windows-1252", nil
}

func invalidUTF8At(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// checkBinary refuses text with NUL or other control bytes, which no CSV
// export holds.
func checkBinary(b []byte) error {
	for i, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != 0x1a {
			return fmt.Errorf("%w: it holds binary data (byte %d is 0x%02x)", ErrNotText, i, c)
		}
	}
	return nil
}

// timingField is what a column of a timing file holds.
type timingField int

const (
	fieldNone timingField = iota
	fieldNo
	fieldPosition
	fieldClassPosition
	fieldClass
	fieldStatus
	fieldLaps
	fieldFastest // a lap time, or a Results "Fastest lap" mark
	fieldLapTime // a lap time
	fieldPole
	fieldRound
	fieldTeam
	fieldCar
	fieldDrivers // all drivers in one cell, joined with "/"
	fieldDriver  // DRIVER_1, DRIVER1_FIRSTNAME …: see driverColumn
)

// timingHeaders maps normalised headers (see timingKey) of the timing
// exports to their fields; the Results sheet's own headers and aliases
// are accepted too (see resultsField).
var timingHeaders = map[string]timingField{
	"number": fieldNo, "start number": fieldNo, "start no": fieldNo, "startnumber": fieldNo, "car no": fieldNo, "car number": fieldNo, "no": fieldNo, "nr": fieldNo, "#": fieldNo, "num": fieldNo, "bib": fieldNo,
	"position": fieldPosition, "pos": fieldPosition, "overall": fieldPosition, "overall position": fieldPosition, "rank": fieldPosition, "place": fieldPosition, "finish": fieldPosition,
	"pic": fieldClassPosition, "class pos": fieldClassPosition, "class position": fieldClassPosition, "pos in class": fieldClassPosition, "position in class": fieldClassPosition, "class rank": fieldClassPosition, "cl pos": fieldClassPosition, "class place": fieldClassPosition,
	"class": fieldClass, "category": fieldClass, "class type": fieldClass, "cat": fieldClass,
	"status": fieldStatus, "result status": fieldStatus, "state": fieldStatus, "classification": fieldStatus,
	"laps": fieldLaps, "laps completed": fieldLaps, "lap count": fieldLaps,
	"fl time": fieldLapTime, "best lap time": fieldLapTime, "best time": fieldLapTime, "fastest lap time": fieldLapTime, "bestlap time": fieldLapTime, "best lap": fieldFastest, "fastest lap": fieldFastest, "fl": fieldFastest, "bestlap": fieldFastest, "best": fieldFastest,
	"pole": fieldPole, "pole position": fieldPole, "pp": fieldPole,
	"round": fieldRound, "rnd": fieldRound, "rd": fieldRound, "round no": fieldRound,
	"team": fieldTeam, "entrant": fieldTeam, "team name": fieldTeam,
	"vehicle": fieldCar, "car": fieldCar, "chassis": fieldCar, "model": fieldCar, "make": fieldCar,
	"drivers": fieldDrivers, "driver": fieldDrivers, "driver name": fieldDrivers, "driver names": fieldDrivers, "name": fieldDrivers, "competitor": fieldDrivers, "crew": fieldDrivers,
}

// driverColumn matches the per-driver columns of the ACO export:
// DRIVER_1, DRIVER1_FIRSTNAME, DRIVER_2_SECONDNAME, DRIVER3_COUNTRY …
var driverColumn = regexp.MustCompile(`^driver ?([0-9]{1,2})(?: (first ?name|firstname|second ?name|secondname|last ?name|lastname|surname|name|country|nationality|nat))?$`)

// timingKey normalises a header for lookup: as templates.Normalize, with
// underscores as spaces.
func timingKey(h string) string {
	return templates.Normalize(strings.ReplaceAll(h, "_", " "))
}

// resultsFields maps the Results sheet's headers (canonical and aliases,
// normalised) to their fields, so that a CSV made from the workbook's own
// columns reads.
func resultsFields() map[string]timingField {
	def, _ := templates.V1().Sheet(templates.SheetResults)
	fields := map[string]timingField{
		templates.ColNo: fieldNo, templates.ColPos: fieldPosition, templates.ColStatus: fieldStatus, templates.ColLaps: fieldLaps,
		templates.ColPole: fieldPole, templates.ColFastestLap: fieldFastest, templates.ColRound: fieldRound,
	}
	out := map[string]timingField{}
	for _, c := range def.Columns {
		f, ok := fields[c.Name]
		if !ok {
			continue
		}
		for _, h := range append([]string{c.Name}, c.Aliases...) {
			out[templates.Normalize(h)] = f
		}
	}
	return out
}

// driverPart is which part of a driver a per-driver column holds.
type driverPart int

const (
	partName driverPart = iota
	partFirst
	partLast
	partNat
)

// column is a recognised column of a timing file.
type column struct {
	field  timingField
	index  int // 0-based field index
	header string
	driver int // for fieldDriver: the driver's number
	part   driverPart
}

// headerFields recognises the headers of timing files.
type headerFields struct {
	results map[string]timingField
}

func newHeaderFields() headerFields { return headerFields{results: resultsFields()} }

// classify recognises one header.
func (hf headerFields) classify(h string, index int) column {
	key := timingKey(h)
	c := column{index: index, header: strings.TrimSpace(h)}
	if key == "" {
		return c
	}
	if m := driverColumn.FindStringSubmatch(key); m != nil {
		n, _ := strconv.Atoi(m[1])
		c.field, c.driver = fieldDriver, n
		switch strings.ReplaceAll(m[2], " ", "") {
		case "firstname":
			c.part = partFirst
		case "secondname", "lastname", "surname":
			c.part = partLast
		case "country", "nationality", "nat":
			c.part = partNat
		}
		return c
	}
	if f, ok := timingHeaders[key]; ok {
		c.field = f
		return c
	}
	c.field = hf.results[templates.Normalize(h)]
	return c
}

// detectLayout finds the delimiter and the header line (1-based line
// number among the first lines): for each candidate delimiter, the first
// line that has a car number column; the delimiter that recognises the
// most columns wins.
func detectLayout(text string, maxFields int) (delim rune, header int, ok bool) {
	hf := newHeaderFields()
	lines := strings.SplitN(text, "\n", templates.HeaderSearchRows+1)
	if len(lines) > templates.HeaderSearchRows {
		lines = lines[:templates.HeaderSearchRows]
	}
	best := 0
	for _, d := range []rune{';', '\t', ','} {
		for i, line := range lines {
			fields := splitLine(strings.TrimRight(line, "\r"), d)
			if len(fields) > maxFields {
				continue
			}
			hasNo, known := false, 0
			for j, f := range fields {
				c := hf.classify(f, j)
				if c.field == fieldNo {
					hasNo = true
				}
				if c.field != fieldNone {
					known++
				}
			}
			if hasNo && known >= 2 && known > best {
				best, delim, header, ok = known, d, i+1, true
			}
			if hasNo {
				break
			}
		}
	}
	return delim, header, ok
}

// splitLine splits one line on d outside double quotes, for recognising
// the header; the rows are read with encoding/csv.
func splitLine(line string, d rune) []string {
	var out []string
	var b strings.Builder
	quoted := false
	for _, r := range line {
		switch {
		case r == '"':
			quoted = !quoted
		case r == d && !quoted:
			out = append(out, b.String())
			b.Reset()
		default:
			b.WriteRune(r)
		}
	}
	return append(out, b.String())
}

// timingReader reads the rows of a timing file.
type timingReader struct {
	t        *Timing
	text     string
	limits   TimingLimits
	problems scoring.Diagnostics
}

func newTimingReader(t *Timing, text string, limits TimingLimits) *timingReader {
	return &timingReader{t: t, text: text, limits: limits}
}

// problem reports an error at the field col (0 for the whole line) of
// line.
func (r *timingReader) problem(line, col int, code, msg, hint string) {
	r.problems.Errorf(r.t.at(line, col), code, hint, "%s", msg)
}

// at returns the place of the field col (0 for the whole line; a line of
// 0 for the whole file) of line, with the column's header.
func (t *Timing) at(line, col int) scoring.Ref {
	ref := scoring.Ref{File: t.Path, Line: line, Col: col}
	for _, c := range t.cols {
		if c.index+1 == col {
			ref.Field = c.header
		}
	}
	return ref
}

func (r *timingReader) read(headerLine int) error {
	cr := csv.NewReader(strings.NewReader(r.text))
	cr.Comma = r.t.Delimiter
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	var fastest []fastestCell
	for {
		fields, err := cr.Read()
		if err == io.EOF {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				r.problem(pe.Line, pe.Column, scoring.CodeBadCSV, "the line cannot be read as CSV: "+pe.Err.Error(), "")
				return Problems(r.problems)
			}
			return &ooxml.FileError{Path: r.t.Path, Err: err}
		}
		if len(fields) > r.limits.MaxFields {
			r.problem(line, 0, scoring.CodeTooManyFields, fmt.Sprintf("the line has %d fields; podium reads at most %d", len(fields), r.limits.MaxFields), hintIsClassification)
			return Problems(r.problems)
		}
		if line < headerLine {
			continue
		}
		if r.t.Header == 0 {
			r.t.Header = line
			r.setHeader(fields)
			continue
		}
		if blankRecord(fields) {
			continue
		}
		if len(r.t.Rows) == r.limits.MaxRows {
			r.problem(line, 0, scoring.CodeTooManyCars, fmt.Sprintf("the file has more than %d cars; podium stopped reading here", r.limits.MaxRows), hintOneSession)
			return Problems(r.problems)
		}
		row, ok, fc := r.row(line, fields)
		if fc.text != "" {
			fastest = append(fastest, fc)
		}
		if ok {
			r.t.Rows = append(r.t.Rows, *row)
		} else {
			r.t.rejected = append(r.t.rejected, *row)
		}
	}
	r.readFastest(fastest)
	r.checkRows()
	sortProblems(r.problems)
	if len(r.t.Rows) == 0 && len(r.problems) == 0 {
		r.problem(r.t.Header, 0, scoring.CodeNoCars, "the file has a header row but no cars", hintNoCars)
	}
	return nil
}

func blankRecord(fields []string) bool {
	for _, f := range fields {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// setHeader recognises the columns and the file's format.
func (r *timingReader) setHeader(fields []string) {
	r.t.headers = fields
	seen := map[timingField]bool{}
	hf := newHeaderFields()
	for i, h := range fields {
		c := hf.classify(h, i)
		if c.field == fieldNone {
			continue
		}
		if c.field != fieldDriver {
			if seen[c.field] {
				continue // the first of two columns of the same meaning is read
			}
			seen[c.field] = true
		}
		r.t.cols = append(r.t.cols, c)
	}
	t := r.t
	t.HasClass, t.HasPosition, t.HasClassPosition = seen[fieldClass], seen[fieldPosition], seen[fieldClassPosition]
	t.HasStatus, t.HasLaps, t.HasPole, t.HasRound = seen[fieldStatus], seen[fieldLaps], seen[fieldPole], seen[fieldRound]
	keys := make([]string, len(fields))
	for i, h := range fields {
		keys[i] = timingKey(h)
	}
	switch {
	case slices.Contains(keys, "class type") && slices.Contains(keys, "pic"):
		t.Format = "ACO/FIA timing export by class"
	case slices.Contains(keys, "number") && slices.ContainsFunc(keys, func(k string) bool { return strings.HasPrefix(k, "driver") }):
		t.Format = "ACO/FIA timing export"
	case slices.Contains(keys, "start number") || slices.Contains(keys, "competitor"):
		t.Format = "club timing export"
	default:
		t.Format = "CSV with Results headers"
	}
}

// fastestCell is a Fastest lap / Best lap cell, read once the whole column
// is known to hold lap times or marks.
type fastestCell struct {
	line int
	col  int
	text string
	time bool // the header says it is a lap time
}

// row reads one car; ok is false when a cell has a problem (reported),
// the row then holding what could be read.
func (r *timingReader) row(line int, fields []string) (_ *TimingRow, ok bool, _ fastestCell) {
	row := &TimingRow{Line: line, Laps: -1}
	var fc fastestCell
	drivers := map[int]*driverCells{}
	ok = true
	bad := func(c column, code, msg, hint string) {
		r.problem(line, c.index+1, code, msg, hint)
		ok = false
	}
	for _, c := range r.t.cols {
		if c.index >= len(fields) {
			continue
		}
		raw := fields[c.index]
		if len(raw) > r.limits.MaxCellChars {
			bad(c, scoring.CodeTooLong, fmt.Sprintf("the field holds %d characters; podium reads at most %d", len(raw), r.limits.MaxCellChars), "")
			continue
		}
		v := scoring.CleanText(raw)
		switch c.field {
		case fieldNo:
			row.No = CarNumber(v)
		case fieldPosition, fieldClassPosition:
			if v == "" {
				continue
			}
			n, err := ParsePosition(v)
			if err != nil {
				bad(c, scoring.CodeBadValue, fmt.Sprintf("position %q is not a number", v), "")
				continue
			}
			if c.field == fieldPosition {
				row.Position = n
			} else {
				row.ClassPosition = n
			}
		case fieldClass:
			row.Class = v
		case fieldStatus:
			row.StatusText = v
			st, known := scoring.ParseStatus(v)
			if !known {
				bad(c, scoring.CodeUnknownStatus, fmt.Sprintf("status %q is not a timing status", v), hintTimingStatus)
				continue
			}
			row.Status = st
		case fieldLaps:
			if v == "" {
				continue
			}
			n, err := ParseInt(v)
			if err != nil || n < 0 {
				bad(c, scoring.CodeBadValue, fmt.Sprintf("laps %q is not a number of laps", v), "")
				continue
			}
			row.Laps = n
		case fieldFastest, fieldLapTime:
			fc = fastestCell{line: line, col: c.index + 1, text: v, time: c.field == fieldLapTime}
		case fieldPole:
			m, ok := ParseMark(v)
			if !ok {
				bad(c, scoring.CodeBadValue, fmt.Sprintf("pole %q is not Y or a classification's name", v), hintTimingPole)
				continue
			}
			row.Pole = m
		case fieldRound:
			if v == "" {
				continue
			}
			n, err := ParsePositive(v)
			if err != nil {
				bad(c, scoring.CodeBadValue, fmt.Sprintf("round %q is not a round number", v), "")
				continue
			}
			row.Round = n
		case fieldTeam:
			row.Team = v
		case fieldCar:
			row.Car = v
		case fieldDrivers:
			for _, name := range splitDrivers(v) {
				row.Drivers = append(row.Drivers, TimingDriver{Name: name})
			}
		case fieldDriver:
			d := drivers[c.driver]
			if d == nil {
				d = &driverCells{}
				drivers[c.driver] = d
			}
			switch c.part {
			case partName:
				d.name = v
			case partFirst:
				d.first = v
			case partLast:
				d.last = v
			case partNat:
				d.nat = v
			}
		}
	}
	numbers := make([]int, 0, len(drivers))
	for n := range drivers {
		numbers = append(numbers, n)
	}
	slices.Sort(numbers)
	for _, n := range numbers {
		if name := drivers[n].fullName(); name != "" {
			row.Drivers = append(row.Drivers, TimingDriver{Name: name, Nat: drivers[n].nat})
		}
	}
	if row.No == "" {
		r.problem(line, r.col(fieldNo), scoring.CodeRequired, "the car number is missing", hintCarNumber)
		ok = false
	}
	return row, ok, fc
}

// col returns the 1-based column of the field.
func (r *timingReader) col(f timingField) int {
	n, _ := r.t.column(f)
	return n
}

type driverCells struct{ name, first, last, nat string }

func (d *driverCells) fullName() string {
	if d.name != "" {
		return d.name
	}
	return strings.TrimSpace(d.first + " " + d.last)
}

// splitDrivers splits a crew written in one cell: "A / B / C", "A & B".
func splitDrivers(s string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '/' }) {
		for _, name := range strings.Split(part, " & ") {
			if name = strings.TrimSpace(name); name != "" {
				out = append(out, name)
			}
		}
	}
	return out
}

// readFastest reads the Fastest lap column: lap times when any cell holds
// a time (1'58.056, 1:58.056, 118.056), otherwise marks (Y, or a cup's
// name) as in the Results sheet.
func (r *timingReader) readFastest(cells []fastestCell) {
	times := slices.ContainsFunc(cells, func(c fastestCell) bool { return c.time || strings.ContainsAny(c.text, ":'.,") })
	byLine := map[int]*TimingRow{}
	for i := range r.t.Rows {
		byLine[r.t.Rows[i].Line] = &r.t.Rows[i]
	}
	for _, c := range cells {
		row := byLine[c.line]
		if row == nil {
			continue // a line with other problems
		}
		if times {
			d, err := ParseLapTime(c.text)
			if err != nil {
				r.problem(c.line, c.col, scoring.CodeBadValue, fmt.Sprintf("lap time %q is not a time", c.text), hintLapTime)
				continue
			}
			row.BestLap = d
			r.t.HasLapTimes = true
			continue
		}
		m, ok := ParseMark(c.text)
		if !ok {
			r.problem(c.line, c.col, scoring.CodeBadValue, fmt.Sprintf("fastest lap %q is neither a lap time nor Y", c.text), "")
			continue
		}
		row.FastestLap = m
		r.t.HasFastestLap = true
	}
}

// checkRows reports a car listed twice and two cars given the same
// position.
func (r *timingReader) checkRows() {
	cars := map[string]int{}
	type posKey struct {
		class string
		pos   int
	}
	positions := map[posKey]int{}
	for _, row := range r.t.Rows {
		if first, ok := cars[row.No]; ok && !r.t.HasRound {
			r.problem(row.Line, r.col(fieldNo), scoring.CodeDuplicateCar, fmt.Sprintf("car %s is listed twice (also on line %d)", row.No, first), hintCarTwice)
		} else {
			cars[row.No] = row.Line
		}
		check := func(field timingField, pos int, class string) {
			if pos == 0 || r.t.HasRound {
				return
			}
			k := posKey{class, pos}
			if first, ok := positions[k]; ok {
				what := "position"
				if c := strings.TrimPrefix(class, "\x00"); c != "" {
					what = "position " + strconv.Itoa(pos) + " in class " + c
					if class == c {
						what = "position " + strconv.Itoa(pos) + " (class " + c + ")"
					}
				} else {
					what += " " + strconv.Itoa(pos)
				}
				r.problem(row.Line, r.col(field), scoring.CodeSamePos, fmt.Sprintf("%s is given twice (also on line %d)", what, first), "")
				return
			}
			positions[k] = row.Line
		}
		// Positions may be overall or in class: only one class giving the
		// same position twice is wrong.
		check(fieldPosition, row.Position, row.Class)
		check(fieldClassPosition, row.ClassPosition, "\x00"+row.Class)
	}
}

// ParseLapTime reads a lap or race time as timing systems write it:
// 5:44'41.101 (hours, minutes, seconds), 1'58.056, 45:30.694, 1:02:03.4,
// or seconds (118.056, also with a decimal comma).
func ParseLapTime(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	bad := fmt.Errorf("%q is not a time", s)
	if s == "" || len(s) > 32 {
		return 0, bad
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == ':' || r == '\'' })
	if len(parts) == 0 || len(parts) > 3 || strings.HasSuffix(s, ":") || strings.HasSuffix(s, "'") {
		return 0, bad
	}
	secText := strings.Replace(parts[len(parts)-1], ",", ".", 1)
	sec, err := strconv.ParseFloat(secText, 64)
	if err != nil || sec < 0 || math.IsInf(sec, 0) || math.IsNaN(sec) || strings.ContainsAny(secText, "eE+-") {
		return 0, bad
	}
	if len(parts) > 1 && sec >= 60 {
		return 0, bad
	}
	total := sec
	mult := 60.0
	for i := len(parts) - 2; i >= 0; i-- {
		n, err := strconv.Atoi(parts[i])
		if err != nil || n < 0 || (i > 0 && n >= 60) {
			return 0, bad
		}
		total += float64(n) * mult
		mult *= 60
	}
	if total > 1e6 {
		return 0, bad
	}
	return time.Duration(math.Round(total*1000)) * time.Millisecond, nil
}

// formatLap writes a lap time as the ACO export does: 1'54.387.
func formatLap(d time.Duration) string {
	ms := d.Milliseconds()
	if ms >= 3600000 {
		return fmt.Sprintf("%d:%02d'%02d.%03d", ms/3600000, ms/60000%60, ms/1000%60, ms%1000)
	}
	return fmt.Sprintf("%d'%02d.%03d", ms/60000, ms/1000%60, ms%1000)
}

// sortProblems orders the problems of a timing file by line and field.
func sortProblems(l scoring.Diagnostics) {
	slices.SortStableFunc(l, func(a, b scoring.Diagnostic) int {
		return cmp.Or(cmp.Compare(a.Ref.Line, b.Ref.Line), cmp.Compare(a.Ref.Col, b.Ref.Col))
	})
}
