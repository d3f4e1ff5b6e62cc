package wikitext

import (
	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets/present"
)

// spans says, for each line of a table, which of its cells start a run of
// rows (their rowspan) and which are covered by the cell above (0):
// competitors sharing a position share its number, its points and, when
// the same, its change of position; their rounds share a cell where they
// had the same result in the same car (present.Shared).
type spans struct {
	pos, move []int
	rounds    map[[2]int]int // line, round → rowspan, 0 when covered; 1 when absent
}

func newSpans(lines []scoring.Line, tb *scoring.Table) spans {
	sp := spans{pos: make([]int, len(lines)), move: make([]int, len(lines)), rounds: map[[2]int]int{}}
	for i := range lines {
		sp.pos[i], sp.move[i] = 1, 1
	}
	present.Shared(lines, func(s present.Span) {
		n := s.Last - s.First + 1
		if s.Round >= 0 {
			sp.rounds[[2]int{s.First, s.Round}] = n
			for i := s.First + 1; i <= s.Last; i++ {
				sp.rounds[[2]int{i, s.Round}] = 0
			}
			return
		}
		sp.pos[s.First] = n
		same := true
		for i := s.First + 1; i <= s.Last; i++ {
			sp.pos[i] = 0
			same = same && (tb == nil || present.Move(tb, &lines[i]) == present.Move(tb, &lines[s.First]))
		}
		if same {
			sp.move[s.First] = n
			for i := s.First + 1; i <= s.Last; i++ {
				sp.move[i] = 0
			}
		}
	})
	return sp
}

// round is the rowspan of line i's round j: 0 when the cell above covers
// it.
func (sp spans) round(i, j int) int {
	if n, ok := sp.rounds[[2]int{i, j}]; ok {
		return n
	}
	return 1
}
