package sheets

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/xuri/excelize/v2"
)

// TestWriteFileBlamesTheDiskOnlyForTheDisk: a failure to build the content
// (an error that is not the file's) is not worded as a full disk.
func TestWriteFileBlamesTheDiskOnlyForTheDisk(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "standings.xlsx")
	err := ooxml.WriteFile(path, true, func(w io.Writer) error {
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
