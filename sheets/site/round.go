package site

import (
	"slices"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets/present"
)

// roundPage is a round's results: a table per classification.
type roundPage struct {
	pageData
	Heading2   string // the round: "Round 4 · 4 Hours of Sepang"
	Place      string // where and when it ran
	Prev, Next *link
	Results    []resultsTable
}

// resultsTable is a classification's results in a round.
type resultsTable struct {
	Caption string
	Head    []cell
	Rows    [][]cell
}

func (s *siteModel) roundPage(k int) roundPage {
	rf := s.rounds[k]
	title := roundTitle(rf.round)
	p := roundPage{pageData: s.page(title), Heading2: title, Place: roundPlace(rf.round)}
	if k > 0 {
		r := s.rounds[k-1]
		p.Prev = &link{Href: r.file, Text: roundTitle(r.round)}
	}
	if k+1 < len(s.rounds) {
		r := s.rounds[k+1]
		p.Next = &link{Href: r.file, Text: roundTitle(r.round)}
	}
	for _, c := range s.layout.Classifications {
		if rt, ok := s.results(c, rf); ok {
			p.Results = append(p.Results, rt)
		}
	}
	return p
}

// results lists a classification's cars that took part in the round, in
// order of position, those without one last (as the press results.csv
// lists them): position or status on the key's colour, the car, its
// crew, the points the car scored in the round. ok is false when none
// took part.
func (s *siteModel) results(c *scoring.Classification, rf roundFile) (resultsTable, bool) {
	i := rf.index
	var lines []int
	for j := range c.Teams {
		if i < len(c.Teams[j].Rounds) && c.Teams[j].Rounds[i].Present {
			lines = append(lines, j)
		}
	}
	if len(lines) == 0 {
		return resultsTable{}, false
	}
	slices.SortStableFunc(lines, func(a, b int) int {
		return posKey(c.Teams[a].Rounds[i].Pos) - posKey(c.Teams[b].Rounds[i].Pos)
	})
	crews := present.NewCrewTable(c, len(s.st.Rounds))
	rt := resultsTable{Caption: c.Name + ": results of " + roundTitle(rf.round)}
	for _, h := range []string{"Pos", "No.", "Team", "Drivers", "Car", "Points"} {
		rt.Head = append(rt.Head, cell{Header: true, Scope: "col", Text: h})
	}
	for _, j := range lines {
		l := &c.Teams[j]
		rc := present.Round(&l.Rounds[i])
		// A round's result, not the championship's: no dropped result
		// or other marks of the standings.
		rc.Marks &= present.Pole | present.FastestLap
		pos := resultCell(rc)
		cellPts := l.Rounds[i].Score - l.Rounds[i].Penalty
		rt.Rows = append(rt.Rows, []cell{
			pos,
			{Class: "no", Text: l.No},
			{Header: true, Scope: "row", Class: "name", Text: l.Team},
			{Class: "crew", Text: string(crews.AppendLineCrew(nil, j, i))},
			{Class: "car", Text: l.Car},
			{Class: "total", Text: scoring.FormatPoints(cellPts)},
		})
	}
	return rt, true
}

// posKey orders positions, those without one (0) last.
func posKey(pos int) int {
	if pos <= 0 {
		return 1 << 30
	}
	return pos
}
