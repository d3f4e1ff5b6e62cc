package standings

import (
	"math"
	"strings"
	"unicode"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets/present"
)

// Headers are bold and wrap in their cells. A spreadsheet breaks a word
// that does not fit its column mid-word ("Azerbaij|an") and clips the
// lines a row has no room for, so the round columns are widened to their
// longest word and the header rows made tall enough for their lines,
// from an estimate of the text's width. The estimate is on the wide side
// (the wide bold fonts LibreOffice draws in place of Calibri where it
// lacks it), so that the text fits in Excel's narrower Calibri too.

const (
	// roundColumnWidth is a round column's width when its header fits.
	roundColumnWidth = 8
	// maxRoundColumnWidth caps the width a round column takes for its
	// header's longest word: a longer word is broken rather than make
	// the table too wide to read.
	maxRoundColumnWidth = 16
	// headerPadding is the room a cell leaves around its text, in column
	// width units.
	headerPadding = 0.4
	// headerLineHeight is the height of a line of header text, in points.
	headerLineHeight = rowHeight
	// headerRowHeight is the least height of a table's column headers:
	// two lines.
	headerRowHeight = 2 * headerLineHeight
	// meetingRowHeight is the least height of the meetings' row above
	// them: one line.
	meetingRowHeight = 18
)

// headerRuneWidth estimates how wide r is in a bold header, in column
// width units (the width of a digit of the body font), by the widths of
// a bold sans serif's letters, grouped.
func headerRuneWidth(r rune) float64 {
	switch {
	case r == ' ':
		return 0.55
	case strings.ContainsRune("ijl.,:;'!|", r):
		return 0.54
	case strings.ContainsRune("IJ", r):
		return 0.58
	case strings.ContainsRune("ftr()-", r):
		return 0.78
	case strings.ContainsRune("csz", r):
		return 0.93
	case strings.ContainsRune("kvxy", r):
		return 1.03
	case strings.ContainsRune("aeo0123456789", r):
		return 1.07
	case r == 'w':
		return 1.45
	case r == 'm' || r == 'M':
		return 1.64
	case r == 'W':
		return 1.74
	case strings.ContainsRune("DGHNOQU", r):
		return 1.3
	case unicode.IsUpper(r):
		return 1.2
	}
	return 1.12 // b d g h n p q u, and letters with accents
}

// headerTextWidth estimates the width of s in a bold header.
func headerTextWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		w += headerRuneWidth(r)
	}
	return w
}

// headerWordWidth is the width a column needs to hold the longest word of
// header s whole.
func headerWordWidth(s string) float64 {
	w := 0.0
	for _, word := range strings.Fields(s) {
		w = max(w, headerTextWidth(word))
	}
	return w + headerPadding
}

// fitWidth is width, or more (up to limit) when header's longest word
// needs it, in whole units.
func fitWidth(header string, width, limit float64) float64 {
	need := math.Ceil(headerWordWidth(header))
	return max(width, min(need, limit))
}

// headerLines estimates how many lines header s takes when it wraps in a
// column (or merged range) width wide: words go on a line while they fit,
// a word longer than a line breaks over as many as it needs.
func headerLines(s string, width float64) int {
	room := width - headerPadding
	lines, line := 0, 0.0
	for _, word := range strings.Fields(s) {
		w := headerTextWidth(word)
		switch {
		case lines > 0 && line+headerRuneWidth(' ')+w <= room:
			line += headerRuneWidth(' ') + w
			continue
		case w > room && room > 0:
			n := math.Ceil(w / room)
			lines += int(n)
			line = w - (n-1)*room
			continue
		}
		lines++
		line = w
	}
	return max(lines, 1)
}

// headerHeight is the height of a header row of cells texts wide widths
// (merged ranges as their whole width): least, or taller for as many
// lines as the longest needs.
func headerHeight(least float64, texts []string, widths []float64) float64 {
	lines := 1
	for i, s := range texts {
		if i < len(widths) {
			lines = max(lines, headerLines(s, widths[i]))
		}
	}
	return max(least, float64(lines)*headerLineHeight)
}

// fitHeaders widens a table's round columns (cols, from firstRound to the
// column before ptsCol, 1-based) to the longest words of their headers
// and of the meetings over them, and sets the header rows' heights for
// their wrapped lines. The headers are in the grid already: the column
// headers in row head, a table grouped by meeting with its meetings in
// the row above (headerRow), where the other columns' headers are merged
// over both rows.
func fitHeaders(g *grid, cols []float64, meetings []present.MeetingSpan, firstRound, ptsCol, head int) {
	text := func(col, row int) string {
		if r := g.rows[row-1]; col <= len(r) {
			s, _ := r[col-1].Value.(string)
			return s
		}
		return ""
	}
	for col := firstRound; col < ptsCol; col++ {
		s := text(col, head)
		if s == "" && head != headerRow { // a round outside any meeting
			s = text(col, headerRow)
		}
		cols[col-1] = fitWidth(s, cols[col-1], maxRoundColumnWidth)
	}
	inMeeting := make([]bool, len(cols)+1) // by column, 1-based
	meetingHeight := 0.0
	for _, span := range meetings {
		from, to := firstRound+span.First, firstRound+span.Last
		for c := from; c <= to; c++ {
			inMeeting[c] = true
		}
		meetingHeight = max(meetingHeight, fitMeeting(cols, from, to, span.Title, meetingRowHeight))
	}
	// The column headers' row: those under a meeting, or all of them.
	var texts []string
	var widths []float64
	for col := 1; col <= len(cols); col++ {
		if head == headerRow || inMeeting[col] {
			texts = append(texts, text(col, head))
			widths = append(widths, cols[col-1])
		}
	}
	headHeight := headerHeight(headerRowHeight, texts, widths)
	if head == headerRow {
		g.heights[headerRow] = headHeight
		return
	}
	// The headers merged over both rows need the two together.
	merged := 0.0
	for col := 1; col <= len(cols); col++ {
		if !inMeeting[col] {
			merged = max(merged, headerHeight(0, []string{text(col, headerRow)}, []float64{cols[col-1]}))
		}
	}
	g.heights[headerRow] = max(meetingRowHeight, meetingHeight)
	g.heights[head] = max(headHeight, merged-g.heights[headerRow])
}

// fitMeeting widens the columns from to to (1-based) of cols, evenly,
// when the longest word of their meeting's title does not fit their
// merged width, and returns the height of a meetings' row for the title,
// least or more.
func fitMeeting(cols []float64, from, to int, title string, least float64) float64 {
	n := float64(to - from + 1)
	width := 0.0
	for c := from; c <= to; c++ {
		width += cols[c-1]
	}
	if need := min(math.Ceil(headerWordWidth(title)), maxRoundColumnWidth*n); need > width {
		extra := math.Ceil((need - width) / n)
		for c := from; c <= to; c++ {
			cols[c-1] += extra
		}
		width += extra * n
	}
	return headerHeight(least, []string{title}, []float64{width})
}

// progressionRoundWidth is the width of a Progression sheet's round
// columns when their headers fit.
const progressionRoundWidth = 9

// progressionHeaders returns a Progression sheet's column headers and
// widths, its round columns fitted to their headers' and meetings'
// longest words, and the heights of its meetings' row and its header row
// (rowHeight, the default, when a line is enough, so that a sheet whose
// headers fit keeps rows without a height of their own).
func progressionHeaders(rounds []scoring.Round, meetings []present.MeetingSpan) (cols []string, widths []float64, meetingHeight, headHeight float64) {
	cols = []string{"Competitor"}
	widths = []float64{34}
	for _, r := range rounds {
		cols = append(cols, present.RoundHeader(r))
	}
	for _, span := range meetings {
		for i := span.First; i <= span.Last; i++ {
			cols[1+i] = present.MeetingRaceHeader(rounds[i], span)
		}
	}
	for _, c := range cols[1:] {
		widths = append(widths, fitWidth(c, progressionRoundWidth, maxRoundColumnWidth))
	}
	meetingHeight = rowHeight
	for _, span := range meetings {
		meetingHeight = max(meetingHeight, fitMeeting(widths, 2+span.First, 2+span.Last, span.Title, rowHeight))
	}
	return cols, widths, meetingHeight, headerHeight(rowHeight, cols, widths)
}

// tallRow sets a row's height when it is taller than the default.
func (p *publisher) tallRow(sheet string, row int, height float64) error {
	if height <= rowHeight {
		return nil
	}
	return p.f.SetRowHeight(sheet, row, height)
}
