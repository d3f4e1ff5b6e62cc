package sheets

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// replaceClass writes a copy of the ALMS sample in which every cell "LMP3"
// reads class instead.
func replaceClass(t *testing.T, class string) string {
	t.Helper()
	f, err := excelize.OpenFile(almsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				if v == "LMP3" {
					if err := f.SetCellValue(sheet, a1(c+1, r+1), class); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
	}
	path := filepath.Join(t.TempDir(), "season.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestWriteFileBlamesTheDiskOnlyForTheDisk: a failure to build the content
// (an error that is not the file's) is not worded as a full disk.
func TestWriteFileBlamesTheDiskOnlyForTheDisk(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "standings.xlsx")
	err := WriteFile(path, true, func(w io.Writer) error {
		return excelize.ErrSheetNameLength
	})
	want := path + ": podium could not produce this file: the sheet name length exceeds the 31 characters limit (nothing was written; please send the season workbook to podium's developers)"
	if err == nil || err.Error() != want {
		t.Fatalf("error = %v\nwant %s", err, want)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left %d files behind", len(entries))
	}
}
