package press

import (
	"io"
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/podium-dev/podium/scoring"
)

// csvWriter writes CSV records byte for byte as encoding/csv's Writer does
// (comma, LF line ends, a field quoted when it holds a comma, quote, CR or
// LF, starts with a space or is \.), field by field into a reused buffer:
// no record of strings, no string per number. The buffer is a csvFields:
// the fields of the record being written, after the records not yet
// flushed.
type csvWriter struct {
	csvFields
	w   io.Writer
	err error
}

// csvBuffer is how much a csvWriter gathers before it writes.
const csvBuffer = 256 << 10

func newCSVWriter(w io.Writer) *csvWriter {
	return &csvWriter{csvFields: csvFields{b: make([]byte, 0, csvBuffer+4<<10)}, w: w}
}

// csvFields is a run of fields encoded as a CSV record holds them. A
// csvWriter writes its records into one; on its own it is a run encoded
// once and written on many records: a competitor's classification,
// championship, position and name on each of its rounds, a round's number,
// code and name on each of its results.
type csvFields struct {
	b []byte
	n int // fields in b (in the record being written, for a csvWriter)
}

func (f *csvFields) reset() {
	f.b = f.b[:0]
	f.n = 0
}

func (f *csvFields) comma() {
	if f.n > 0 {
		f.b = append(f.b, ',')
	}
	f.n++
}

// text adds a field as it is.
func (f *csvFields) text(s string) {
	f.comma()
	f.b = appendCSVField(f.b, s, false)
}

// safe adds a text field through safeText.
func (f *csvFields) safe(s string) {
	f.comma()
	f.b = appendCSVField(f.b, s, true)
}

// safeBytes is safe for text held in a byte slice.
func (f *csvFields) safeBytes(s []byte) {
	f.comma()
	f.b = appendCSVField(f.b, s, true)
}

// int adds a whole number.
func (f *csvFields) int(n int) {
	f.comma()
	f.b = strconv.AppendInt(f.b, int64(n), 10)
}

// pos adds a championship position: blank for none (a competitor
// listed without a position).
func (f *csvFields) pos(n int) {
	if n == 0 {
		f.comma()
		return
	}
	f.int(n)
}

// points adds points as pointsText writes them; no points as 0, never
// -0 (a dropped round without a penalty counts -0).
func (f *csvFields) points(p float64) {
	f.comma()
	if p == 0 {
		p = 0
	}
	f.b = scoring.AppendPoints(f.b, p)
}

// pointsCell adds points as the Breakdown sheet holds them (see points):
// blank for none when blankZero (see nonZero).
func (f *csvFields) pointsCell(p float64, blankZero bool) {
	f.comma()
	switch {
	case p == 0 && blankZero:
	case p == float64(int64(p)):
		f.b = strconv.AppendInt(f.b, int64(p), 10)
	default:
		f.b = scoring.AppendPoints(f.b, p)
	}
}

// fields adds a run of fields encoded once.
func (f *csvFields) fields(run *csvFields) {
	if run.n == 0 {
		return
	}
	f.comma()
	f.b = append(f.b, run.b...)
	f.n += run.n - 1
}

// record writes a whole record of text fields as they are.
func (w *csvWriter) record(fields []string) error {
	for _, f := range fields {
		w.text(f)
	}
	return w.end()
}

// end ends the record.
func (w *csvWriter) end() error {
	w.b = append(w.b, '\n')
	w.n = 0
	if len(w.b) >= csvBuffer {
		return w.flush()
	}
	return w.err
}

// Write adds CSV text written elsewhere (encoding/csv, for gocsv) after
// the records gathered, between records.
func (w *csvWriter) Write(p []byte) (int, error) {
	w.b = append(w.b, p...)
	if len(w.b) >= csvBuffer {
		if err := w.flush(); err != nil {
			return 0, err
		}
	}
	return len(p), nil
}

// flush writes what is gathered.
func (w *csvWriter) flush() error {
	if w.err == nil && len(w.b) > 0 {
		_, w.err = w.w.Write(w.b)
	}
	w.b = w.b[:0]
	return w.err
}

// appendCSVField appends a field as encoding/csv writes it, after
// safeText when safe.
func appendCSVField[T string | []byte](dst []byte, s T, safe bool) []byte {
	if len(s) == 0 {
		return dst
	}
	apostrophe := safe && isFormulaStart(s[0])
	quote := false
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= ',' && (c == '\n' || c == '\r' || c == '"' || c == ',') {
			quote = true
			break
		}
	}
	if !apostrophe && !quote {
		// encoding/csv also quotes `\.` and a field starting with a space.
		if string(s) == `\.` {
			quote = true
		} else {
			r := rune(s[0])
			if r >= utf8.RuneSelf {
				var b [utf8.UTFMax]byte
				r, _ = utf8.DecodeRune(b[:copy(b[:], s)])
			}
			quote = unicode.IsSpace(r)
		}
	}
	if !quote {
		if apostrophe {
			dst = append(dst, '\'')
		}
		return append(dst, s...)
	}
	dst = append(dst, '"')
	if apostrophe {
		dst = append(dst, '\'')
	}
	for i := 0; i < len(s); i++ {
		if s[i] == '"' {
			dst = append(dst, '"')
		}
		dst = append(dst, s[i])
	}
	return append(dst, '"')
}

// isFormulaStart says whether a text starting with c would be run as a
// formula (see safeText).
func isFormulaStart(c byte) bool {
	switch c {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// safeText neutralises a text field that a spreadsheet would run as a
// formula (starting with = + - @, a tab or a carriage return) by putting an
// apostrophe in front. Numbers are never passed through it: a penalty of -5
// stays a number.
func safeText(s string) string {
	if s != "" && isFormulaStart(s[0]) {
		return "'" + s
	}
	return s
}
