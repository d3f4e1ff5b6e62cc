// Package testkit holds test helpers that need none of podium's packages
// but scoring: LibreOffice conversions, CSV reading, folder listings,
// diagnostics as lines, the process's CPU time, and the workbooks and
// package edits of the write-back tests. The tests of sheets and
// of the packages beside it share them; it is imported by tests only.
package testkit

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/podium-dev/podium/scoring"
)

// Soffice finds LibreOffice. Locally the interoperability tests skip
// without it; in CI (CI=true) they fail, since .ci/run installs it.
func Soffice(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("soffice (LibreOffice Calc) is not installed; .ci/run installs it")
		}
		t.Skip("soffice not installed")
	}
	return path
}

// Convert runs LibreOffice headless to convert file into dir.
func Convert(t *testing.T, bin, filter, file, dir string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	profile := "file://" + filepath.Join(t.TempDir(), "profile")
	cmd := exec.CommandContext(ctx, bin, "-env:UserInstallation="+profile, "--headless", "--norestore", "--convert-to", filter, "--outdir", dir, file)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice %s: %v\n%s", filter, err, out)
	}
}

// ReadCSV reads a CSV file (after its byte order mark, if any) without
// its trailing empty cells and rows.
func ReadCSV(t *testing.T, path string) [][]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return TrimRows(rows)
}

// TrimRows drops trailing empty cells and rows.
func TrimRows(rows [][]string) [][]string {
	for i, r := range rows {
		for len(r) > 0 && r[len(r)-1] == "" {
			r = r[:len(r)-1]
		}
		rows[i] = r
	}
	for len(rows) > 0 && len(rows[len(rows)-1]) == 0 {
		rows = rows[:len(rows)-1]
	}
	return rows
}

// DiagLines are the diagnostics as the terminal prints them.
func DiagLines(diags scoring.Diagnostics) []string {
	lines := make([]string, len(diags))
	for i, d := range diags {
		lines[i] = d.String()
	}
	return lines
}

// FolderFiles lists the names in a folder, sorted.
func FolderFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}
