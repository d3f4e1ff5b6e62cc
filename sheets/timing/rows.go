package timing

import (
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets"
	"github.com/podium-dev/podium/sheets/ooxml"
)

// timingReader reads the rows of a timing file.
type timingReader struct {
	t        *File
	text     string
	limits   Limits
	problems scoring.Diagnostics
}

func newTimingReader(t *File, text string, limits Limits) *timingReader {
	return &timingReader{t: t, text: text, limits: limits}
}

// problem reports an error at the field col (0 for the whole line) of
// line.
func (r *timingReader) problem(line, col int, code, msg, hint string) {
	r.problems.Errorf(r.t.At(line, col), code, hint, "%s", msg)
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
func (r *timingReader) row(line int, fields []string) (_ *Row, ok bool, _ fastestCell) {
	row := &Row{Line: line, Laps: -1, LapsLed: -1}
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
		case FieldNo:
			row.No = sheets.CarNumber(v)
		case FieldPosition, FieldClassPosition:
			if v == "" {
				continue
			}
			n, err := sheets.ParsePosition(v)
			if err != nil {
				bad(c, scoring.CodeBadValue, fmt.Sprintf("position %q is not a number", v), "")
				continue
			}
			if c.field == FieldPosition {
				row.Position = n
			} else {
				row.ClassPosition = n
			}
		case FieldClass:
			row.Class = v
		case FieldStatus:
			row.StatusText = v
			st, known := scoring.ParseStatus(v)
			if !known {
				bad(c, scoring.CodeUnknownStatus, fmt.Sprintf("status %q is not a timing status", v), hintTimingStatus)
				continue
			}
			row.Status = st
		case FieldLaps:
			if v == "" {
				continue
			}
			n, err := sheets.ParseInt(v)
			if err != nil || n < 0 {
				bad(c, scoring.CodeBadValue, fmt.Sprintf("laps %q is not a number of laps", v), "")
				continue
			}
			row.Laps = n
		case FieldLapsLed:
			if v == "" {
				continue
			}
			n, err := sheets.ParseInt(v)
			if err != nil || n < 0 {
				bad(c, scoring.CodeBadValue, fmt.Sprintf("laps led %q is not a number of laps", v), "")
				continue
			}
			row.LapsLed = n
		case FieldFastest, FieldLapTime:
			fc = fastestCell{line: line, col: c.index + 1, text: v, time: c.field == FieldLapTime}
		case FieldPole:
			m, ok := sheets.ParseMark(v)
			if !ok {
				bad(c, scoring.CodeBadValue, fmt.Sprintf("pole %q is not Y or a classification's name", v), hintTimingPole)
				continue
			}
			row.Pole = m
		case FieldRound:
			if v == "" {
				continue
			}
			n, err := sheets.ParsePositive(v)
			if err != nil {
				bad(c, scoring.CodeBadValue, fmt.Sprintf("round %q is not a round number", v), "")
				continue
			}
			row.Round = n
		case FieldTeam:
			row.Team = v
		case FieldCar:
			row.Car = v
		case FieldDrivers:
			for _, name := range splitDrivers(v) {
				row.Drivers = append(row.Drivers, TimingDriver{Name: name})
			}
		case FieldDriver:
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
		r.problem(line, r.col(FieldNo), scoring.CodeRequired, "the car number is missing", hintCarNumber)
		ok = false
	}
	return row, ok, fc
}

// col returns the 1-based column of the field.
func (r *timingReader) col(f Field) int {
	n, _ := r.t.Column(f)
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
	byLine := map[int]*Row{}
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
		m, ok := sheets.ParseMark(c.text)
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
			r.problem(row.Line, r.col(FieldNo), scoring.CodeDuplicateCar, fmt.Sprintf("car %s is listed twice (also on line %d)", row.No, first), hintCarTwice)
		} else {
			cars[row.No] = row.Line
		}
		check := func(field Field, pos int, class string) {
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
		check(FieldPosition, row.Position, row.Class)
		check(FieldClassPosition, row.ClassPosition, "\x00"+row.Class)
	}
}

// sortProblems orders the problems of a timing file by line and field.
func sortProblems(l scoring.Diagnostics) {
	slices.SortStableFunc(l, func(a, b scoring.Diagnostic) int {
		return cmp.Or(cmp.Compare(a.Ref.Line, b.Ref.Line), cmp.Compare(a.Ref.Col, b.Ref.Col))
	})
}
