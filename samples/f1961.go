package samples

import (
	"embed"
	"io"

	"github.com/podium-dev/podium/templates"
	"github.com/podium-dev/podium/templates/workbook"
)

// F1961File is the file name of the 1961 Formula One World Championship
// sample.
const F1961File = "f1-1961.xlsx"

// f1961Data is F1DB's 1961 season (see testdata/f1/1961/README.md).
//
//go:embed testdata/f1/1961/*.csv
var f1961Data embed.FS

// f1961Codes are the short codes shown above each Grand Prix's column.
var f1961Codes = map[string]string{
	"Monaco Grand Prix": "MON", "Dutch Grand Prix": "NED", "Belgian Grand Prix": "BEL",
	"French Grand Prix": "FRA", "British Grand Prix": "GBR", "German Grand Prix": "GER",
	"Italian Grand Prix": "ITA", "United States Grand Prix": "USA",
}

// WriteF1961 writes the 1961 Formula One World Championship workbook to w.
func WriteF1961(w io.Writer) error {
	opts, err := F1961()
	if err != nil {
		return err
	}
	return workbook.Write(w, opts)
}

// F1961 returns the 1961 FIA Formula One World Championship, built from
// F1DB's races and results (testdata/f1/1961), as a contract v2 workbook
// under the season's rules: drivers 9-6-4-3-2-1 for the first six, best 5
// of 8 results; constructors 8-6-4-3-2-1 (the Points scheme Constructors),
// only the best-placed car of a constructor-engine make scoring in each
// race, best 5 results; ties go to countback over the scoring places, else
// the place is shared (numbered 13, 13, 15 as published). One class, F1,
// holds every car.
//
// Car numbers changed from race to race in 1961, so each car (a
// constructor and engine with its driver, or its drivers for a shared
// car) is entered by the number it first raced with, with a letter where
// two cars first raced with the same number; each result's Note gives the
// number raced with when it differs. Two drivers drove two cars in one
// race, the second taken over after retiring the first (British GP: Moss,
// disqualified with Fairman; United States GP: Gregory, 11th with
// Gendebien): each is entered in both, and podium warns. Shared drives
// scored no points (Shared drives none), so neither shared car scores.
func F1961() (workbook.Options, error) {
	s, err := readF1DB(f1961Data, "testdata/f1/1961")
	if err != nil {
		return workbook.Options{}, err
	}
	s.numberCars()
	const constructors = "Constructors"
	return s.workbook(f1961Codes, f1Rules{
		year:        "1961",
		bestResults: 5,
		points:      append(f1Points([]int{9, 6, 4, 3, 2, 1}, ""), f1Points([]int{8, 6, 4, 3, 2, 1}, constructors)...),
		championships: [][]any{
			{"Drivers", "Driver", f1Class, nil, nil, 5},
			{constructors, "Make", f1Class, 1, constructors, 5},
		},
		sharedDrives: templates.SharedNone,
	})
}
