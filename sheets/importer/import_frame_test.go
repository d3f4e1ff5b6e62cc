package importer

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/podium-dev/podium/sheets/writeback"
)

// protectedResults is the demo workbook with its Results sheet protected
// (rows may not be inserted or deleted) and an icon set whose thresholds
// use gte="0": attributes excelize does not model.
func protectedResults(t *testing.T) string {
	t.Helper()
	path := demoWorkbook(t, func(r int) bool { return r < 4 })
	data := rezip(t, mustRead(t, path), func(name string, b []byte) []byte {
		if name == "xl/worksheets/sheet7.xml" {
			b = bytes.Replace(b, []byte("</sheetData>"), []byte("</sheetData>"+protection), 1)
			b = bytes.Replace(b, []byte("<dataValidations"), []byte(iconSet+"<dataValidations"), 1)
		}
		return b
	})
	for _, want := range []string{protection, iconSet} {
		if !bytes.Contains(partOf(t, data, "xl/worksheets/sheet7.xml"), []byte(want)) {
			t.Fatalf("the test workbook's Results lacks %s", want)
		}
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestImportKeepsSheetAttributes: an import rewrites the cells of Results,
// and nothing else of it: its protection flags and icon-set thresholds
// come through byte for byte, as does every sheet it does not edit; when
// one would be lost, the import refuses and names it.
func TestImportKeepsSheetAttributes(t *testing.T) {
	t.Run("kept", func(t *testing.T) {
		path := protectedResults(t)
		orig := mustRead(t, path)
		report, err := Import(path, readTimingText(t, "race.csv", demoRound4), Options{Round: 4})
		if err != nil {
			t.Fatal(err)
		}
		if len(report.Added) != 8 {
			t.Errorf("added rows %v", report.Added)
		}
		now := mustRead(t, path)
		results := partOf(t, now, "xl/worksheets/sheet7.xml")
		for _, want := range []string{protection, iconSet} {
			if !bytes.Contains(results, []byte(want)) {
				t.Errorf("Results lost %s:\n%s", want, ooxml.SheetFrame(results))
			}
		}
		// Outside its cells and their range, Results is the organiser's.
		if a, b := ooxml.SheetFrame(partOf(t, orig, "xl/worksheets/sheet7.xml")), ooxml.SheetFrame(results); !bytes.Equal(a, bytes.Replace(b, []byte(`<dimension ref="A1:H34">`), []byte(`<dimension ref="A1">`), 1)) {
			t.Errorf("Results changed outside its cells:\n was %s\n now %s", a, b)
		}
		p, _ := ooxml.ReadPackage(orig, ooxml.DefaultLimits())
		for name := range p.Files {
			if name == "xl/worksheets/sheet7.xml" || !strings.HasPrefix(name, "xl/worksheets/") {
				continue
			}
			if !bytes.Equal(partOf(t, orig, name), partOf(t, now, name)) {
				t.Errorf("%s changed", name)
			}
		}
	})
	t.Run("refused when lost", func(t *testing.T) {
		path := protectedResults(t)
		orig := mustRead(t, path)
		damage := func(updated []byte) []byte {
			return rezip(t, updated, func(name string, b []byte) []byte {
				if name == "xl/worksheets/sheet7.xml" {
					b = bytes.Replace(b, []byte(` insertRows="false"`), nil, 1)
					b = bytes.Replace(b, []byte(` gte="0"`), nil, 2)
				}
				return b
			})
		}
		_, err := importTiming(path, readTimingText(t, "race.csv", demoRound4), Options{Round: 4}, writeback.Hooks{Damage: damage})
		want := path + `: the check after importing found that the workbook would not hold the classification as planned: sheet Results: its sheetProtection insertRows="false"; sheet Results: its conditionalFormatting/cfRule/iconSet/cfvo gte="0"; the workbook was not changed (please send the workbook and the timing file to podium's developers)`
		if !errors.Is(err, ErrImportNotKept) || err.Error() != want {
			t.Errorf("error:\n got %v\nwant %s", err, want)
		}
		if !slices.Equal(mustRead(t, path), orig) {
			t.Error("the workbook changed")
		}
		if _, err := os.Stat(ooxml.BackupPath(path)); !errors.Is(err, os.ErrNotExist) {
			t.Error("a backup was written")
		}
	})
}

// TestLibreOfficeOpensImported: a protected Results sheet with an icon
// set, its cells merged from excelize's rows, opens in LibreOffice with
// the imported round below the others.
func TestLibreOfficeOpensImported(t *testing.T) {
	bin := soffice(t)
	path := protectedResults(t)
	if _, err := Import(path, readTimingText(t, "race.csv", demoRound4), Options{Round: 4}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "csv")
	convert(t, bin, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", path, out)
	got := readCSV(t, filepath.Join(out, "season-Results.csv"))
	if len(got) != 35 || strings.Join(got[27], "|") != "4|7|1||||171" || strings.Join(got[34], "|") != "4|61||DSQ|||159" {
		t.Errorf("LibreOffice reads Results as %q", got)
	}
}
