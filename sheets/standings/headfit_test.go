package standings

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/podium-dev/podium/sheets/internal/sheetstest"
	"github.com/xuri/excelize/v2"
)

func TestHeaderLines(t *testing.T) {
	for _, tc := range []struct {
		text  string
		width float64
		want  int
	}{
		{"Points", 8, 1},
		{"SHA CHN", 8, 2},
		{"SHA CHN", 9, 1},
		{"AZE Azerbaijan", 10, 2},
		{"USA United States of America", 8, 5},
		{"British Grand Prix United Kingdom", 16, 3},
		{"Azerbaijan", 8, 2}, // too long for a line: broken over two
		{"", 8, 1},
	} {
		if got := headerLines(tc.text, tc.width); got != tc.want {
			t.Errorf("headerLines(%q, %v) = %d, want %d", tc.text, tc.width, got, tc.want)
		}
	}
	for _, tc := range []struct {
		text string
		want float64
	}{
		{"SHA CHN", 8}, {"BEL Belgium", 8}, {"GER Germany", 9}, {"AZE Azerbaijan", 10},
		{"NED Netherlands", 12}, {"X Pneumonoultramicroscopicsilicovolcanoconiosis", maxRoundColumnWidth},
	} {
		if got := fitWidth(tc.text, roundColumnWidth, maxRoundColumnWidth); got != tc.want {
			t.Errorf("fitWidth(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestHeadersFit: in F1 2021 and 1988, a round column is as wide as its
// header's longest word (Azerbaijan, Netherlands, Emirates, Germany,
// Kingdom), so that no word breaks mid-word, and the header rows are as
// tall as their wrapped lines: "British Grand Prix United Kingdom" takes
// three lines over its two races, "USA United States of America" five
// over the two header rows.
func TestHeadersFit(t *testing.T) {
	for _, tc := range []struct {
		sample, sheet string
		widths        string // the round columns' widths, G on
		heights       []float64
	}{
		{"f1-2021", "Drivers", "8 8 9 8 8 10 8 8 8 8 8 8 8 12 8 8 8 8 8 8 8 8 8 8 9", []float64{45, 30}},
		{"f1-2021", "Drivers Progression", "9 9 9 9 9 10 9 9 9 9 9 9 9 12 9", []float64{30, 60}},
		{"f1-1988", "Drivers", "8 8 8 8 8 8 8 9 9 8 8 8 9 8 8 9", []float64{75}},
	} {
		season, st := sheetstest.Scored(t, "../../samples/"+tc.sample+".xlsx")
		var buf bytes.Buffer
		if err := WriteStandingsWorkbook(&buf, season, st, PublishOptions{Generated: sheetstest.Date}); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		first, from := "G", 4 // after the ± column; under the title race
		if strings.HasSuffix(tc.sheet, "Progression") {
			first, from = "B", 2
		}
		if tc.widths != "" {
			col, _ := excelize.ColumnNameToNumber(first)
			var got []string
			for range strings.Fields(tc.widths) {
				name, _ := excelize.ColumnNumberToName(col)
				w, _ := f.GetColWidth(tc.sheet, name)
				got = append(got, fmt.Sprint(w))
				col++
			}
			if g := strings.Join(got, " "); g != tc.widths {
				t.Errorf("%s %s: round columns %s on are\n%s wide, want\n%s", tc.sample, tc.sheet, first, g, tc.widths)
			}
		}
		for i, want := range tc.heights {
			if got, _ := f.GetRowHeight(tc.sheet, from+i); got != want {
				t.Errorf("%s %s: row %d is %v points tall, want %v", tc.sample, tc.sheet, from+i, got, want)
			}
		}
		f.Close()
	}
}
