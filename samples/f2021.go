package samples

import (
	"embed"
	"io"

	"github.com/podium-dev/podium/templates/workbook"
)

// F2021File is the file name of the 2021 Formula One World Championship
// sample.
const F2021File = "f1-2021.xlsx"

// f2021Data is F1DB's 2021 season (see testdata/f1/2021/README.md).
//
//go:embed testdata/f1/2021/*.csv
var f2021Data embed.FS

// f2021Codes are the short codes shown above each Grand Prix's column; a
// sprint's is its Grand Prix's with -S (GBR-S).
var f2021Codes = map[string]string{
	"Bahrain Grand Prix": "BHR", "Emilia Romagna Grand Prix": "EMI", "Portuguese Grand Prix": "POR",
	"Spanish Grand Prix": "ESP", "Monaco Grand Prix": "MON", "Azerbaijan Grand Prix": "AZE",
	"French Grand Prix": "FRA", "Styrian Grand Prix": "STY", "Austrian Grand Prix": "AUT",
	"British Grand Prix": "GBR", "Hungarian Grand Prix": "HUN", "Belgian Grand Prix": "BEL",
	"Dutch Grand Prix": "NED", "Italian Grand Prix": "ITA", "Russian Grand Prix": "RUS",
	"Turkish Grand Prix": "TUR", "United States Grand Prix": "USA", "Mexican Grand Prix": "MXC",
	"São Paulo Grand Prix": "SAP", "Qatar Grand Prix": "QAT", "Saudi Arabian Grand Prix": "SAU",
	"Abu Dhabi Grand Prix": "ABU",
}

// Points schemes of 2021 other than the Grands Prix' default.
const (
	f2021Sprint = "Sprint"
	f2021Half   = "Half points"
)

// WriteF2021 writes the 2021 Formula One World Championship workbook to w.
func WriteF2021(w io.Writer) error {
	opts, err := F2021()
	if err != nil {
		return err
	}
	return workbook.Write(w, opts)
}

// F2021 returns the 2021 FIA Formula One World Championship, built from
// F1DB's races and results (testdata/f1/2021), as a contract v2 workbook
// under the season's rules: 25-18-15-12-10-8-6-4-2-1 for the first ten of
// a Grand Prix, and 1 point for the fastest lap to a driver classified in
// the first ten (Requires top 10); the three sprints (British, Italian and
// São Paulo) pay 3-2-1 (the scheme Sprint), each a round of its own that
// shares a Meeting with its Grand Prix and does not break ties (Countback
// N); the Belgian Grand Prix, classified after one lap behind the safety
// car, paid half points and no fastest-lap point (the scheme Half points,
// which lists no fastest lap). Every result counts. The constructors'
// championship adds up every car of a constructor-engine make, fastest-lap
// and sprint points included. Ties go to countback over the Grands Prix.
// One class, F1, holds every car; the 22 Grands Prix and 3 sprints are 25
// rounds.
func F2021() (workbook.Options, error) {
	s, err := readF1DB(f2021Data, "testdata/f1/2021")
	if err != nil {
		return workbook.Options{}, err
	}
	points := append(f1Points([]int{25, 18, 15, 12, 10, 8, 6, 4, 2, 1}, ""),
		[]any{"Fastest lap", 1, nil, nil, "top 10"})
	points = append(points, f1Points([]int{3, 2, 1}, f2021Sprint)...)
	points = append(points, f1Points([]float64{12.5, 9, 7.5, 6, 5, 4, 3, 2, 1, 0.5}, f2021Half)...)
	return s.workbook(f2021Codes, f1Rules{
		year:   "2021",
		points: points,
		championships: [][]any{
			{"Drivers", "Driver", f1Class, nil, nil, "All"},
			{"Constructors", "Make", f1Class, "All", nil, "All"},
		},
		tieBreak: "countback",
		schemes:  map[string]string{"Belgian Grand Prix": f2021Half},
		sprint:   f2021Sprint,
	})
}
