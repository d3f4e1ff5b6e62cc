package samples

import (
	"embed"
	"io"

	"github.com/podium-dev/podium/templates/workbook"
)

// F1970File is the file name of the 1970 Formula One World Championship
// sample.
const F1970File = "f1-1970.xlsx"

// f1970Data is F1DB's 1970 season (see testdata/f1/1970/README.md).
//
//go:embed testdata/f1/1970/*.csv
var f1970Data embed.FS

// f1970Codes are the short codes shown above each Grand Prix's column.
var f1970Codes = map[string]string{
	"South African Grand Prix": "RSA", "Spanish Grand Prix": "ESP", "Monaco Grand Prix": "MON",
	"Belgian Grand Prix": "BEL", "Dutch Grand Prix": "NED", "French Grand Prix": "FRA",
	"British Grand Prix": "GBR", "German Grand Prix": "GER", "Austrian Grand Prix": "AUT",
	"Italian Grand Prix": "ITA", "Canadian Grand Prix": "CAN", "United States Grand Prix": "USA",
	"Mexican Grand Prix": "MEX",
}

// WriteF1970 writes the 1970 Formula One World Championship workbook to w.
func WriteF1970(w io.Writer) error {
	opts, err := F1970()
	if err != nil {
		return err
	}
	return workbook.Write(w, opts)
}

// F1970 returns the 1970 FIA Formula One World Championship, built from
// F1DB's races and results (testdata/f1/1970), as a contract v2 workbook
// under the season's rules: 9-6-4-3-2-1 for the first six in both
// championships; the best 6 results of rounds 1–7 and the best 5 of rounds
// 8–13 count in both; the constructors' championship scores a
// constructor-engine make by its best-placed car in each race; ties go to
// countback over the scoring places, else the place is shared (numbered 5,
// 5, 7 as published). One class, F1, holds every car. Cars are entered by
// a number of their own, as in F1961: numbers changed from race to race.
func F1970() (workbook.Options, error) {
	s, err := readF1DB(f1970Data, "testdata/f1/1970")
	if err != nil {
		return workbook.Options{}, err
	}
	s.numberCars()
	return s.workbook(f1970Codes, f1Rules{
		year:   "1970",
		points: f1Points([]int{9, 6, 4, 3, 2, 1}, ""),
		championships: [][]any{
			{"Drivers", "Driver", f1Class, nil, nil, f1970Best},
			{"Constructors", "Make", f1Class, 1, nil, f1970Best},
		},
	})
}

// f1970Best is 1970's best results: the best 6 of rounds 1–7 and the best
// 5 of rounds 8–13, in both championships.
const f1970Best = "6 of 1-7, 5 of 8-13"
