// Package wikitext writes a season's standings as MediaWiki tables in the
// style of the encyclopedia's motorsport season articles, ready to paste
// into an article: per championship a heading, the title race in words,
// and a table of Pos., the competitor with its flag (and the car of a
// car's line), a column per round coloured with the results legend (pole
// in bold, fastest lap in italics, dropped results in brackets) and the
// points — crews sharing a position share its cells, as the published
// tables do — beside its colour key.
//
// It renders the presentation model (sheets/present) the standings
// workbook renders: the same tables, cells, colours and marks.
package wikitext

import (
	"bufio"
	"io"
	"strconv"
	"strings"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets/present"
)

// Write writes the standings of every championship the season runs, in the
// standings workbook's order, as wikitext: a comment placing them (series,
// round, Provisional or Final), then for each championship with a line a
// level-3 heading, the title race in words when known, and its table
// beside its colour key. The output is the same bytes for the same
// standings.
func Write(w io.Writer, season *scoring.Season, st *scoring.Standings) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(marker + comment(present.Context(season, st)) + " -->\n")
	models := present.CarModels(season)
	for _, t := range present.NewLayout(season, st).Tables {
		if len(t.Lines) == 0 {
			continue
		}
		writeTable(bw, t, t.Scored, models)
	}
	return bw.Flush()
}

// marker opens the first line of every file Write writes: IsWikitext
// recognises podium's own file by it, so a publish may replace it.
const marker = "<!-- Standings by podium: "

// IsWikitext reports whether data is a file Write wrote (its first line
// is podium's comment), which a later publish may replace.
func IsWikitext(data []byte) bool {
	return strings.HasPrefix(string(data[:min(len(data), len(marker))]), marker)
}

// comment makes text safe inside an HTML comment.
func comment(s string) string {
	s = strings.ReplaceAll(s, "--", "- -")
	return strings.ReplaceAll(s, ">", "&gt;")
}

// Styles of the tables.
const (
	tableAttrs = `class="wikitable" style="font-size:85%; text-align:center;"`
	keyAttrs   = `class="wikitable" style="font-size:85%;"`
	leftAttrs  = `style="text-align:left;"`
)

// writeTable writes one championship: heading, title race, and its table
// beside its key in a layout table, as the season articles place them.
func writeTable(bw *bufio.Writer, t present.Table, tb *scoring.Table, models map[string]string) {
	bw.WriteString("\n=== " + Escape(t.Title()) + " ===\n")
	if tb != nil {
		if s := present.TitleSummary(tb); s != "" {
			bw.WriteString("''" + Escape(s) + "''\n")
		}
	}
	bw.WriteString("{|\n|\n{| " + tableAttrs + "\n")
	moves := tb != nil && tb.Moves
	car := t.Competitor == scoring.CompetitorCar
	writeHeader(bw, t, moves, car)
	sp := newSpans(t.Lines, tb)
	kept := false
	for i := range t.Lines {
		l := &t.Lines[i]
		bw.WriteString("|-\n")
		if n := sp.pos[i]; n > 0 {
			pos := ""
			if l.Pos > 0 {
				pos = strconv.Itoa(l.Pos)
			}
			cell(bw, '!', rowspan(n), pos)
		}
		if n := sp.move[i]; moves && n > 0 {
			cell(bw, '|', rowspan(n), Escape(present.Move(tb, l)))
		}
		d := present.Describe(*l, models)
		cell(bw, '|', leftAttrs, competitor(l, d))
		if car {
			cell(bw, '|', leftAttrs, Escape(d.Car))
		}
		for j := range l.Rounds {
			c := &l.Rounds[j]
			kept = kept || c.Undroppable
			if n := sp.round(i, j); n > 0 {
				roundCell(bw, c, n)
			}
		}
		if n := sp.pos[i]; n > 0 {
			cell(bw, '!', rowspan(n), scoring.FormatPoints(l.Points))
		}
	}
	bw.WriteString("|}\n| style=\"vertical-align:top;\" |\n")
	writeKey(bw, kept)
	bw.WriteString("|}\n")
}

// writeHeader writes the header row: Pos., the change of position when
// known, the competitor, the car for a car's table, a column per round
// (its code over its country's flag), Points. Races sharing a meeting are
// headed by it, in a row above their own headers; the other columns span
// both rows.
func writeHeader(bw *bufio.Writer, t present.Table, moves, car bool) {
	meetings := present.Meetings(t.Rounds)
	span := ""
	if meetings != nil {
		span = rowspan(2)
	}
	cell(bw, '!', span, "Pos.")
	if moves {
		cell(bw, '!', span, "±")
	}
	cell(bw, '!', span, Escape(t.Who()))
	if car {
		cell(bw, '!', span, "Car")
	}
	under := make([]int, len(t.Rounds)) // round → its meeting's index + 1
	for m, s := range meetings {
		for i := s.First; i <= s.Last; i++ {
			under[i] = m + 1
		}
	}
	for i, r := range t.Rounds {
		switch m := under[i]; {
		case m == 0:
			cell(bw, '!', span, roundHeader(code(r), r.Country))
		case meetings[m-1].First == i:
			s := meetings[m-1]
			attrs := ""
			if s.Last > s.First {
				attrs = `colspan="` + strconv.Itoa(s.Last-s.First+1) + `"`
			}
			cell(bw, '!', attrs, roundHeader(Escape(t.Rounds[s.First].Meeting), s.Country))
		}
	}
	cell(bw, '!', span, "Points")
	if meetings == nil {
		return
	}
	bw.WriteString("|-\n")
	for _, s := range meetings {
		for i := s.First; i <= s.Last; i++ {
			country := ""
			if s.Country == "" {
				country = t.Rounds[i].Country
			}
			cell(bw, '!', "", roundHeader(code(t.Rounds[i]), country))
		}
	}
}

// code is a round's code, escaped, or R and its number.
func code(r scoring.Round) string {
	if r.Code == "" {
		return "R" + strconv.Itoa(r.Number)
	}
	return Escape(r.Code)
}

// roundHeader heads a round's (or a meeting's) column: its code over its
// country's flag.
func roundHeader(code, country string) string {
	if f := Flag(country); f != "" {
		return code + "<br />" + f
	}
	return code
}

// competitor is a line's competitor cell: the flag of its nationality, then
// a car's number and team ("#26 G-Drive Racing") or the driver, team, make
// or nation.
func competitor(l *scoring.Line, d present.Competitor) string {
	name := Escape(d.Name)
	if l.Kind == scoring.TeamLine || l.Kind == 0 {
		name = Escape("#" + d.No + " " + d.Name)
	}
	if f := Flag(d.Nat); f != "" {
		return f + " " + name
	}
	return name
}

// roundCell writes a competitor's round: its text (a position or a status,
// in brackets when dropped, with a dagger when ineligible), bold for pole,
// italics for fastest lap, on its colour of the key.
func roundCell(bw *bufio.Writer, c *scoring.Cell, n int) {
	r := present.Round(c)
	var attrs []string
	if n > 1 {
		attrs = append(attrs, rowspan(n))
	}
	if s := cellStyle(r.Class); s != "" {
		attrs = append(attrs, s)
	}
	text := Escape(r.Text())
	if text != "" {
		if r.Marks&present.FastestLap != 0 {
			text = "''" + text + "''"
		}
		if r.Marks&present.Pole != 0 {
			text = "'''" + text + "'''"
		}
	}
	cell(bw, '|', strings.Join(attrs, " "), text)
}

// cellStyle is the style attribute of a class of the key: its background
// and, on black, white text.
func cellStyle(c present.Class) string {
	fill := c.Fill()
	if fill == "" {
		return ""
	}
	s := `style="background:#` + fill + ";"
	if font := c.Font(); font != "" {
		s += " color:#" + font + ";"
	}
	return s + `"`
}

// writeKey writes the colour key: a row per class, on its colour, then the
// marks (the mark of a result that always counts only when the table has
// one).
func writeKey(bw *bufio.Writer, kept bool) {
	bw.WriteString("{| " + keyAttrs + "\n")
	cell(bw, '!', "", "Key")
	for _, c := range present.KeyClasses() {
		bw.WriteString("|-\n")
		cell(bw, '|', cellStyle(c), Escape(c.Legend()))
	}
	for _, m := range present.KeyMarks(kept) {
		bw.WriteString("|-\n")
		text := Escape(m.Legend())
		switch m {
		case present.Pole:
			text = "'''" + text + "'''"
		case present.FastestLap:
			text = "''" + text + "''"
		}
		cell(bw, '|', "", text)
	}
	bw.WriteString("|}\n")
}

// cell writes a cell on a line of its own: mark is '|' for a data cell,
// '!' for a header cell; attrs, when any, come before a single pipe. A
// space always follows the mark, so that no text makes the line a row
// (|-), a caption (|+) or the table's end (|}).
func cell(bw *bufio.Writer, mark byte, attrs, text string) {
	bw.WriteByte(mark)
	if attrs != "" {
		bw.WriteString(" " + attrs + " |")
	}
	if text != "" {
		bw.WriteString(" " + text)
	}
	bw.WriteByte('\n')
}

// rowspan is the attribute of a cell spanning n rows, "" for one.
func rowspan(n int) string {
	if n <= 1 {
		return ""
	}
	return `rowspan="` + strconv.Itoa(n) + `"`
}
