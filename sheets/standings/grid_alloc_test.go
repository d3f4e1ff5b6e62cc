package standings

import (
	"testing"

	"github.com/podium-dev/podium/scoring"
	"github.com/xuri/excelize/v2"
)

// TestGridReusesItsStorage: a table's grid is laid out in the publisher's
// grid storage, reused table after table, not a row allocated per line:
// once the storage is as large as the table, filling a grid of 500 lines
// costs only the grid itself.
func TestGridReusesItsStorage(t *testing.T) {
	const rows, width = 500, 45
	p := newPublisher(excelize.NewFile(), &scoring.Season{}, &scoring.Standings{}, PublishOptions{})
	defer p.f.Close()
	fill := func() {
		g := p.newGrid(rows, width)
		for r := 1; r <= rows; r++ {
			for c := 1; c <= width; c++ {
				g.set(c, r, c, 1) // small ints box without an allocation
			}
		}
		g.merge(1, 1, 1, 2)
		p.merges = g.merges[:0]
		if len(g.rows) != rows || len(g.rows[rows-1]) != width || g.rows[rows-1][width-1].Value != width {
			t.Fatalf("%d rows, the last %v", len(g.rows), g.rows[len(g.rows)-1])
		}
	}
	fill()
	// The grid and its list of rows.
	if allocs := testing.AllocsPerRun(5, fill); allocs > 2 {
		t.Errorf("%.0f allocations filling a grid of %d rows, want at most 2", allocs, rows)
	}
}
