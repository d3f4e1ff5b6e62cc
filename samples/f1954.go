package samples

import (
	"embed"
	"io"

	"github.com/podium-dev/podium/templates"
	"github.com/podium-dev/podium/templates/workbook"
)

// F1954File is the file name of the 1954 Formula One World Championship
// sample.
const F1954File = "f1-1954.xlsx"

// f1954Data is F1DB's 1954 season (see testdata/f1/1954/README.md).
//
//go:embed testdata/f1/1954/*.csv
var f1954Data embed.FS

// f1954Codes are the short codes shown above each race's column.
var f1954Codes = map[string]string{
	"Argentine Grand Prix": "ARG", "Indianapolis 500": "IND", "Belgian Grand Prix": "BEL",
	"French Grand Prix": "FRA", "British Grand Prix": "GBR", "German Grand Prix": "GER",
	"Swiss Grand Prix": "SUI", "Italian Grand Prix": "ITA", "Spanish Grand Prix": "ESP",
}

// WriteF1954 writes the 1954 Formula One World Championship workbook to w.
func WriteF1954(w io.Writer) error {
	opts, err := F1954()
	if err != nil {
		return err
	}
	return workbook.Write(w, opts)
}

// F1954 returns the 1954 FIA Formula One World Championship, built from
// F1DB's races and results (testdata/f1/1954), as a contract v2 workbook
// under the season's rules: 8-6-4-3-2 for the first five and 1 point for
// the fastest lap, classified or not (Requires any); several cars with the
// same fastest lap share its point (British GP: seven cars, 1/7 each); a
// car's drivers share its points equally (Shared drives split); a driver
// who drove two cars in one race scores from each; the best 5 results
// count; the Indianapolis 500 is a round like the others. Only a drivers'
// championship (the constructors' began in 1958). Ties go to countback
// over the scoring places, else the place is shared (numbered 8, 8, 8, 11
// as published). One class, F1, holds every car.
//
// Car numbers changed from race to race, so each car (a constructor and
// engine with its driver, or its drivers for a shared car) is entered by
// the number it first raced with, with a letter where several cars first
// raced with the same number, as in F1961; each result's Note gives the
// number raced with when it differs.
func F1954() (workbook.Options, error) {
	s, err := readF1DB(f1954Data, "testdata/f1/1954")
	if err != nil {
		return workbook.Options{}, err
	}
	s.numberCars()
	return s.workbook(f1954Codes, f1Rules{
		year:        "1954",
		bestResults: 5,
		points: append(f1Points([]int{8, 6, 4, 3, 2}, ""),
			[]any{"Fastest lap", 1, nil, nil, "any"}),
		championships: [][]any{
			{"Drivers", "Driver", f1Class, nil, nil, 5},
		},
		sharedDrives:     templates.SharedSplit,
		sharedFastestLap: true,
	})
}
