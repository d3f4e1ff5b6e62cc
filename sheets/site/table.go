package site

import (
	"strconv"
	"strings"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets/present"
)

// cell is a table cell as the pages write it.
type cell struct {
	Header bool   // a header cell (th), else a data cell (td)
	Scope  string // th's scope: col, colgroup, row
	Class  string
	// Rowspan and Colspan above 1 span the cell over rows or columns.
	Rowspan, Colspan int
	Text             string
	Href             string // the text links there
	Abbr             string // the text abbreviates this (abbr title)
	// Note is read by screen readers, not shown: what bold and italics
	// say (pole, fastest lap).
	Note string
	skip bool // covered by a cell spanning rows above it
}

// keyItem is a line of the colour key: a swatch of a class, or a mark in
// its font.
type keyItem struct {
	Swatch string // the class of the swatch; "" for a mark
	Class  string // the mark's class (pole, fl), for its font
	Text   string
}

// tablePage is a championship table's page.
type tablePage struct {
	pageData
	Caption string
	// Summary is the title race in words (present.TitleSummary), "" when
	// there is none to tell.
	Summary string
	Head    [][]cell
	Rows    [][]cell
	Key     []keyItem
}

// classCSS is the CSS class of a class of the colour key; "" for none.
func classCSS(c present.Class) string {
	switch c {
	case present.Winner:
		return "win"
	case present.Second:
		return "p2"
	case present.Third:
		return "p3"
	case present.PointsFinish:
		return "pts"
	case present.NoPoints:
		return "nc"
	case present.Retired:
		return "ret"
	case present.NotQualified:
		return "dnq"
	case present.Disqualified:
		return "dsq"
	case present.NotStarted:
		return "dns"
	case present.Unmarked:
		return ""
	}
	return "k" + strconv.Itoa(int(c))
}

// markCSS is the CSS class that shows a mark by its font; "" for a mark
// shown by the text.
func markCSS(m present.Mark) string {
	switch m {
	case present.Pole:
		return "pole"
	case present.FastestLap:
		return "fl"
	}
	return ""
}

// resultCell is a round's cell: its text, on its class's colour, bold
// for pole and italic for fastest lap.
func resultCell(rc present.RoundCell) cell {
	classes := []string{"r"}
	var notes []string
	if c := classCSS(rc.Class); c != "" {
		classes = append(classes, c)
	}
	if rc.Marks&present.Pole != 0 {
		classes = append(classes, markCSS(present.Pole))
		notes = append(notes, "pole position")
	}
	if rc.Marks&present.FastestLap != 0 {
		classes = append(classes, markCSS(present.FastestLap))
		notes = append(notes, "fastest lap")
	}
	return cell{Class: strings.Join(classes, " "), Text: rc.Text(), Note: strings.Join(notes, ", ")}
}

func (s *siteModel) tablePage(i int) tablePage {
	tf := s.tables[i]
	t := tf.table
	p := tablePage{pageData: s.page(t.Title()), Caption: t.Title()}
	p.Summary = present.TitleSummary(t.Scored)
	moves := t.Scored.Moves
	p.Head = s.tableHead(t, moves)
	kept := false
	for li := range t.Lines {
		l := &t.Lines[li]
		d := present.Describe(*l, s.models)
		pos := ""
		if l.Pos > 0 {
			pos = strconv.Itoa(l.Pos)
		}
		row := make([]cell, 0, present.FirstRound+2+len(l.Rounds))
		row = append(row, cell{Class: "pos", Text: pos})
		if moves {
			row = append(row, moveCell(present.Move(t.Scored, l)))
		}
		row = append(row,
			cell{Class: "no", Text: d.No},
			cell{Header: true, Scope: "row", Class: "name", Text: d.Name},
			cell{Class: "nat", Text: d.Nat},
			cell{Class: "car", Text: d.Car})
		for j := range l.Rounds {
			kept = kept || l.Rounds[j].Undroppable
			row = append(row, resultCell(present.Round(&l.Rounds[j])))
		}
		row = append(row, cell{Class: "total", Text: scoring.FormatPoints(l.Points)})
		p.Rows = append(p.Rows, row)
	}
	first := present.FirstRound
	if moves {
		first++
	}
	total := first + len(t.Rounds)
	present.Shared(t.Lines, func(sp present.Span) {
		if sp.Round < 0 {
			span(p.Rows, sp, 0)
			span(p.Rows, sp, total)
			return
		}
		span(p.Rows, sp, first+sp.Round)
	})
	for r := range p.Rows {
		p.Rows[r] = unskipped(p.Rows[r])
	}
	p.Key = key(kept)
	return p
}

// span spans column col's cell over the lines of sp.
func span(rows [][]cell, sp present.Span, col int) {
	rows[sp.First][col].Rowspan = sp.Last - sp.First + 1
	for r := sp.First + 1; r <= sp.Last; r++ {
		rows[r][col].skip = true
	}
}

func unskipped(row []cell) []cell {
	out := row[:0]
	for _, c := range row {
		if !c.skip {
			out = append(out, c)
		}
	}
	return out
}

// moveCell shows a change of position: up, down or new.
func moveCell(move string) cell {
	class := "move"
	switch {
	case strings.HasPrefix(move, "▲"):
		class += " up"
	case strings.HasPrefix(move, "▼"):
		class += " down"
	case move != "":
		class += " new"
	}
	return cell{Class: class, Text: move}
}

// key is the colour key: a swatch per class, then the marks (the mark of
// results that always count when the table has one: kept).
func key(kept bool) []keyItem {
	var out []keyItem
	for _, c := range present.KeyClasses() {
		sw := classCSS(c)
		if sw == "" {
			sw = "none"
		}
		out = append(out, keyItem{Swatch: sw, Text: c.Legend()})
	}
	for _, m := range present.KeyMarks(kept) {
		out = append(out, keyItem{Class: markCSS(m), Text: m.Legend()})
	}
	return out
}

// tableHead is the header row of a table: Pos, the change of position
// (moves), No., the competitor, Nat, Car, a column per round (linked to
// its page), Points. A table whose races are grouped by meeting has two
// rows: the meetings over their races.
func (s *siteModel) tableHead(t present.Table, moves bool) [][]cell {
	header := t.Header()
	meetings := present.Meetings(t.Rounds)
	rows := 1
	if meetings != nil {
		rows = 2
	}
	col := func(text string) cell { return cell{Header: true, Scope: "col", Text: text, Rowspan: rows} }
	top := []cell{col(header[0])}
	if moves {
		c := col("±")
		c.Abbr = "Change of position since the previous round"
		top = append(top, c)
	}
	for _, h := range header[1:present.FirstRound] {
		top = append(top, col(h))
	}
	var under []cell
	inMeeting := make([]int, len(t.Rounds)) // round → its meeting's index + 1
	for m, sp := range meetings {
		for i := sp.First; i <= sp.Last; i++ {
			inMeeting[i] = m + 1
		}
	}
	for i, r := range t.Rounds {
		href := s.roundFile(r.Number)
		m := inMeeting[i]
		if m == 0 {
			c := col(header[present.FirstRound+i])
			c.Href, c.Class = href, "rh"
			top = append(top, c)
			continue
		}
		sp := meetings[m-1]
		if i == sp.First {
			top = append(top, cell{Header: true, Scope: "colgroup", Text: sp.Title, Colspan: sp.Last - sp.First + 1})
		}
		under = append(under, cell{Header: true, Scope: "col", Class: "rh", Text: present.MeetingRaceHeader(r, sp), Href: href})
	}
	top = append(top, col(header[len(header)-1]))
	if under == nil {
		return [][]cell{top}
	}
	return [][]cell{top, under}
}

// roundFile is the page of round number n, "" when it has none.
func (s *siteModel) roundFile(n int) string {
	for _, r := range s.rounds {
		if r.round.Number == n {
			return r.file
		}
	}
	return ""
}
