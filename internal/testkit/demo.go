package testkit

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/podium-dev/podium/samples"
	"github.com/podium-dev/podium/templates"
	"github.com/podium-dev/podium/templates/workbook"
)

// The demo season and its round 4 as a timing file, for the import tests
// of sheets/importer and the write-back tests of sheets.

// DemoWorkbook writes the demo season, with Results of the rounds kept
// only (all rounds when keep is nil).
func DemoWorkbook(t *testing.T, keep func(round int) bool) string {
	t.Helper()
	opts := samples.Demo()
	if keep != nil {
		var rows [][]any
		for _, r := range opts.Data[templates.SheetResults] {
			if keep(r[0].(int)) {
				rows = append(rows, r)
			}
		}
		opts.Data[templates.SheetResults] = rows
	}
	var buf bytes.Buffer
	if err := workbook.Write(&buf, opts); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "season.xlsx")
	if err := os.WriteFile(path, buf.Bytes(), 0o666); err != nil {
		t.Fatal(err)
	}
	return path
}

// DemoRound4 is round 4 of the demo as the ACO export gives it: overall
// positions, lap times, names in capitals.
const DemoRound4 = "\xEF\xBB\xBF" + "POSITION;NUMBER;TEAM;DRIVER_1;DRIVER_2;VEHICLE;CLASS;STATUS;LAPS;FL_TIME;\r\n" +
	"1;7;Falcon Racing;Lucas MOREAU;Thomas GIRARD;Oreca 07;PRO;Classified;171;1'40.100;\r\n" +
	"2;44;Vortex Racing;Oliver HAYES;Daniel PRICE;Oreca 07;PRO;Classified;171;1'40.300;\r\n" +
	"3;22;Northern Lights Motorsport;Mikko VIRTANEN;Jonas BERG;Oreca 07;PRO;Classified;170;1'40.200;\r\n" +
	"4;31;Team Azul;João ALMEIDA;Rafael COSTA;Ligier JS P217;PRO;Classified;169;1'41.000;\r\n" +
	"5;88;Harbour Racing;Wing CHAN;Marcus LEE;Norma M30;AM;Classified;160;1'47.000;\r\n" +
	"6;50;Redline Gentlemen;Mark ELLISON;Ryan COLE;Ligier JS P3;AM;Classified;159;1'46.500;\r\n" +
	"7;77;Sable Racing;Pieter CLAES;Kenji WATANABE;Norma M30;AM;Classified;158;1'46.900;\r\n" +
	"8;61;Aurora Motorsport;Erik HAUGEN;Anders LUND;Ligier JS P3;AM;Disqualified;159;1'46.100;\r\n"

// MustRead returns the bytes of the file at path.
func MustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// Attributes excelize does not model, which change what the organiser's
// workbook means when dropped: sheet protection flags and icon-set
// thresholds.
const (
	SheetProtection = `<sheetProtection password="CC3D" sheet="1" objects="1" scenarios="1" insertRows="false" deleteRows="false"/>`
	IconSet         = `<conditionalFormatting sqref="B2:B3"><cfRule type="iconSet" priority="1"><iconSet iconSet="3Arrows"><cfvo type="percent" val="0"/><cfvo type="percent" val="33" gte="0"/><cfvo type="percent" val="67" gte="0"/></iconSet></cfRule></conditionalFormatting>`
)
