package press

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"io"
	"reflect"

	"github.com/gocarina/gocsv"
)

// The fixed-shape tables of the press pack, as Go types: one field per
// column, named by its csv tag. They are the one definition of those
// tables' headers (csvHeader), and what ReadRows reads a table back into,
// for journalists' programs and for podium's tests.
//
// podium writes results.csv, standings.csv and breakdown.csv with its own
// field-by-field writer rather than through gocsv: on a 100,000-result
// season standings.csv has 410,000 records, which gocsv writes in
// 0.34–0.43 s and 1.5 million allocations, against 0.05 s and 231 for
// that writer (go test ./sheets/press -run '^$' -bench StandingsCSV100k):
// as much as the whole press pack's budget. season.csv, one record, is
// written with gocsv.

// ResultRow is a record of results.csv: a car's result in a round and
// classification.
type ResultRow struct {
	Round          int    `csv:"Round"`
	Code           string `csv:"Code"`
	Race           string `csv:"Race"`
	Classification string `csv:"Classification"`
	// Pos is empty for a car without a place (retired, not started).
	Pos        string `csv:"Pos"`
	No         string `csv:"No."`
	Team       string `csv:"Team"`
	Drivers    string `csv:"Drivers"`
	Status     string `csv:"Status"`
	Pole       string `csv:"Pole"`
	FastestLap string `csv:"Fastest lap"`
	// Points is what the car scored in the round and classification, less
	// its penalties there: as the classification's first Car championship
	// counts it, or, in a season with Championships but none of Car, as
	// one under the default scheme would (the round's factor, pole and
	// fastest lap, nothing for an invited entry, the penalties that name
	// no championship).
	Points float64 `csv:"Points"`
}

// StandingRow is a record of standings.csv: a competitor's result and
// points in a round, or (Round "Total") in the season.
type StandingRow struct {
	Classification string `csv:"Classification"`
	Championship   string `csv:"Championship"`
	// Pos is blank (0) for a competitor listed without a position
	// (excluded, too few starts).
	Pos        int    `csv:"Pos"`
	Competitor string `csv:"Competitor"`
	No         string `csv:"No."`
	// Round is the round's number, or "Total".
	Round  string  `csv:"Round"`
	Result string  `csv:"Result"`
	Points float64 `csv:"Points"`
}

// SeasonRow is the record of season.csv: what the pack's standings are.
type SeasonRow struct {
	Series string `csv:"Series"`
	Season string `csv:"Season"`
	// AfterRound is the number of the last round counted, empty before
	// the first.
	AfterRound string `csv:"After round"`
	Race       string `csv:"Race"`
	// Status is Provisional or Final.
	Status string `csv:"Status"`
}

// csvHeader is the header of the table of rows of type T: its fields'
// csv tags, in order.
func csvHeader[T any]() []string {
	t := reflect.TypeFor[T]()
	header := make([]string, t.NumField())
	for i := range header {
		header[i] = t.Field(i).Tag.Get("csv")
	}
	return header
}

// ReadRows reads a fixed-shape table of the press pack (a UTF-8 byte order
// mark allowed) into rows, one value of T at a time, and closes rows.
// T is ResultRow, StandingRow or SeasonRow.
func ReadRows[T ResultRow | StandingRow | SeasonRow](r io.Reader, rows chan<- T) error {
	br := bufio.NewReader(r)
	if bom, err := br.Peek(len(utf8BOM)); err == nil && bytes.Equal(bom, utf8BOM) {
		br.Discard(len(bom))
	}
	return gocsv.UnmarshalDecoderToChan(gocsv.NewSimpleDecoderFromCSVReader(csv.NewReader(br)), rows)
}

// writeSeasonRow writes season.csv's header and its one record through
// gocsv, into w's buffer.
func writeSeasonRow(w *csvWriter, row SeasonRow) error {
	rows := make(chan any, 1)
	rows <- row
	close(rows)
	cw := csv.NewWriter(w)
	return gocsv.MarshalChan(rows, gocsv.NewSafeCSVWriter(cw))
}
