package standings

import (
	"bytes"
	"testing"

	"github.com/podium-dev/podium/sheets/internal/sheetstest"
	"github.com/xuri/excelize/v2"
)

func TestPointsFormat(t *testing.T) {
	for _, tc := range []struct {
		p    float64
		want string
	}{
		{387, ""}, {12.5, ""}, {0.25, ""}, {-5, ""}, {1.75, ""},
		{25 + 1.0/7, "0.00"}, {1.0 / 7, "0.00"}, {4.142857, "0.00"}, {-2.0 / 3, "0.00"},
		{0.30000000000000004, "0.0"}, // 0.1 + 0.2 in floats: shown 0.3, as FormatPoints writes it
		{3.0000001, "0"},
	} {
		if got := pointsFormat(tc.p); got != tc.want {
			t.Errorf("pointsFormat(%v) = %q, want %q", tc.p, got, tc.want)
		}
	}
}

// TestFractionalPointsShowTwoDecimals: in F1 1954, a fastest lap shared by
// seven cars pays 1/7 of a point. The standings, Progression and
// Breakdown cells holding such points show two decimals (25.14, as the
// press pack writes them), not the General format's 25.1429; whole and
// half points keep the General format (42, 1.5).
func TestFractionalPointsShowTwoDecimals(t *testing.T) {
	season, st := sheetstest.Scored(t, "../../samples/f1-1954.xlsx")
	var buf bytes.Buffer
	if err := WriteStandingsWorkbook(&buf, season, st, PublishOptions{Generated: sheetstest.Date}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, tc := range []struct {
		sheet, cell, raw, shown, format string
	}{
		{"Drivers", "P5", "42", "42", ""},
		{"Drivers", "P6", "25.142857", "25.14", "0.00"},
		{"Drivers", "P17", "4.142857", "4.14", "0.00"},
		{"Drivers", "P27", "1.5", "1.5", ""},
		{"Drivers", "P30", "0.142857", "0.14", "0.00"},
		{"Drivers Progression", "D4", "6.5", "6.5", ""},
		{"Drivers Progression", "F4", "14.642857", "14.64", "0.00"},
		{"Drivers Progression", "J4", "25.142857", "25.14", "0.00"},
		{"Breakdown", "H5", "3", "3", ""},
		{"Breakdown", "K5", "0.14285714285714285", "0.14", "0.00"},
	} {
		raw, err := f.GetCellValue(tc.sheet, tc.cell, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		shown, _ := f.GetCellValue(tc.sheet, tc.cell)
		id, _ := f.GetCellStyle(tc.sheet, tc.cell)
		style, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		format := ""
		if style.CustomNumFmt != nil {
			format = *style.CustomNumFmt
		}
		if raw != tc.raw || shown != tc.shown || format != tc.format {
			t.Errorf("%s!%s = %s shown %q in format %q, want %s shown %q in format %q", tc.sheet, tc.cell, raw, shown, format, tc.raw, tc.shown, tc.format)
		}
	}
}
