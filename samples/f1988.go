package samples

import (
	"embed"
	"io"

	"github.com/podium-dev/podium/templates/workbook"
)

// F1988File is the file name of the 1988 Formula One World Championship
// sample.
const F1988File = "f1-1988.xlsx"

// f1988Data is F1DB's 1988 season (see testdata/f1/1988/README.md).
//
//go:embed testdata/f1/1988/*.csv
var f1988Data embed.FS

// f1988Codes are the short codes shown above each Grand Prix's column:
// F1DB gives none.
var f1988Codes = map[string]string{
	"Brazilian Grand Prix": "BRA", "San Marino Grand Prix": "SMR", "Monaco Grand Prix": "MON",
	"Mexican Grand Prix": "MEX", "Canadian Grand Prix": "CAN", "Detroit Grand Prix": "DET",
	"French Grand Prix": "FRA", "British Grand Prix": "GBR", "German Grand Prix": "GER",
	"Hungarian Grand Prix": "HUN", "Belgian Grand Prix": "BEL", "Italian Grand Prix": "ITA",
	"Portuguese Grand Prix": "POR", "Spanish Grand Prix": "ESP", "Japanese Grand Prix": "JPN",
	"Australian Grand Prix": "AUS",
}

// WriteF1988 writes the 1988 Formula One World Championship workbook to w.
func WriteF1988(w io.Writer) error {
	opts, err := F1988()
	if err != nil {
		return err
	}
	return workbook.Write(w, opts)
}

// F1988 returns the 1988 FIA Formula One World Championship, built from
// F1DB's races and results (testdata/f1/1988), as a contract v2 workbook
// under the season's rules: 9-6-4-3-2-1 for the first six, no point for
// the fastest lap; the drivers' championship counts each driver's best 11
// of the 16 results; the constructors' adds up every car of a
// constructor-engine make in every race, all results counting; ties go to
// countback over the scoring places, else the place is shared (numbered
// 16, 16, 18 as published). One class, F1, holds every car.
func F1988() (workbook.Options, error) {
	s, err := readF1DB(f1988Data, "testdata/f1/1988")
	if err != nil {
		return workbook.Options{}, err
	}
	// F1DB classifies René Arnoux 19th in Spain after 0 laps, retired
	// (throttle), behind 14 classified cars: a retirement.
	err = s.fix(f1dbFix{14, "25", "DNF", "retired on lap 1 (throttle); F1DB gives position 19 after 0 laps"})
	if err != nil {
		return workbook.Options{}, err
	}
	return s.workbook(f1988Codes, f1Rules{
		year:        "1988",
		bestResults: 11,
		points:      f1Points([]int{9, 6, 4, 3, 2, 1}, ""),
		championships: [][]any{
			{"Drivers", "Driver", f1Class, nil, nil, 11},
			{"Constructors", "Make", f1Class, "All", nil, "All"},
		},
	})
}
