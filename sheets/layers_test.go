package sheets

import (
	"go/build"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestPackageLayers: the Office-package work (sheets/ooxml) builds on no
// package of podium's, the write-back (sheets/writeback) and the row
// scanner (sheets/rowscan) only on it, so that the contract reader and the
// import can use them; the printing of a report (sheets/report) only on
// scoring; the timing-file reader (sheets/timing) and the import
// (sheets/importer) build on the contract reader (which cannot import them
// back); the publications (sheets/site, sheets/wikitext, sheets/noticeboard)
// only on scoring and the presentation model; and workbooks are unzipped only by sheets/ooxml's one reader.
func TestPackageLayers(t *testing.T) {
	const module = "github.com/podium-dev/podium/"
	for dir, allowed := range map[string][]string{
		"ooxml":     nil,
		"writeback": {module + "sheets/ooxml"},
		"rowscan":   {module + "sheets/ooxml"},
		"report":    {module + "scoring"},
		"timing":    {module + "scoring", module + "templates", module + "sheets", module + "sheets/ooxml"},
		"importer":  {module + "scoring", module + "templates", module + "sheets", module + "sheets/ooxml", module + "sheets/timing", module + "sheets/writeback"},
		// The publications render the presentation model, never a workbook.
		"site":        {module + "scoring", module + "sheets/present", module + "sheets/ooxml"},
		"wikitext":    {module + "scoring", module + "sheets/present"},
		"noticeboard": {module + "scoring", module + "sheets/present"},
	} {
		pkg, err := build.ImportDir(dir, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range pkg.Imports {
			if strings.HasPrefix(imp, module) && !slices.Contains(allowed, imp) {
				t.Errorf("sheets/%s imports %s", dir, imp)
			}
		}
	}
	// The press pack is a zip of CSV files, not a workbook.
	err := filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (path == "ooxml" || path == "press" || path == "testdata" || path == "internal") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if strings.Contains(string(src), "zip.NewReader(") || strings.Contains(string(src), "zip.OpenReader(") {
			t.Errorf("%s unzips a package itself; use ooxml.ReadPackage", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
