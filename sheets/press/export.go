package press

import (
	"archive/zip"
	"bufio"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets/ooxml"
)

// WriteCSV writes the press pack into dir, each file written safely, and
// removes the files of an earlier export that this one no longer writes
// (see ExportCSV). It returns the names of the files written.
func WriteCSV(dir string, season *scoring.Season, st *scoring.Standings, opts CSVOptions) ([]string, error) {
	r, err := ExportCSV(dir, season, st, opts)
	if err != nil {
		return nil, err
	}
	return r.Written, nil
}

// CSVReport says what ExportCSV did in the folder.
type CSVReport struct {
	// Written are the files of the press pack, in the pack's order.
	Written []string
	// Removed are files of an earlier export that this one does not write
	// (a class that no longer exists), removed.
	Removed []string
	// Kept are such files that changed since podium wrote them, left as
	// they are.
	Kept []string
}

// Manifest lists, in a press folder, the files podium wrote there with
// their SHA-256 ("<hex>  <name>", as sha256sum writes them). The next
// export into the folder removes the files listed that it does not write
// again, and only those still holding the bytes podium wrote: a file of the
// user's, even one named like podium's or a copy of podium's edited since,
// is never touched. (Recognising podium's files by name and first line
// would remove a journalist's renamed copy of an old table; the list says
// exactly what podium wrote.)
const Manifest = ".podium-press.txt"

// manifestHeader starts the manifest, saying what it is to whoever
// opens it.
const manifestHeader = "# podium press pack: the files podium wrote into this folder and their SHA-256.\n" +
	"# The next export into this folder removes those it no longer writes, if unchanged.\n"

// ExportCSV writes the press pack into dir (created if need be), each file
// written safely, then its manifest (Manifest), then removes the files
// the previous manifest lists that this export does not write, when they
// hold what podium wrote. Other files in the folder are never touched.
func ExportCSV(dir string, season *scoring.Season, st *scoring.Standings, opts CSVOptions) (*CSVReport, error) {
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		return nil, &ooxml.FileError{Path: dir, Err: fmt.Errorf("is a file, not a folder"), Hint: "give a folder for the CSV files"}
	} else if err != nil {
		if err := os.MkdirAll(dir, 0o777); err != nil {
			return nil, &ooxml.FileError{Path: dir, Err: ooxml.UnwrapPath(err), Hint: "check the path and permissions"}
		}
	}
	before := readCSVManifest(dir)
	report := &CSVReport{}
	var entries []manifestEntry
	written := map[string]bool{}
	cw := newCSVWriter(nil)
	for _, f := range pressPack(season, st) {
		sum := sha256.New()
		err := ooxml.WriteFile(filepath.Join(dir, f.name), true, func(w io.Writer) error { return f.writeWith(cw, io.MultiWriter(w, sum), opts) })
		if err != nil {
			// The manifest keeps listing the earlier export's files
			// beside those written, so that the next export still
			// knows them.
			for _, old := range before {
				if !written[old.name] {
					entries = append(entries, old)
				}
			}
			writeCSVManifest(dir, entries)
			return nil, err
		}
		report.Written = append(report.Written, f.name)
		written[f.name] = true
		entries = append(entries, manifestEntry{f.name, fmt.Sprintf("%x", sum.Sum(nil))})
	}
	if err := writeCSVManifest(dir, entries); err != nil {
		return nil, err
	}
	for _, old := range before {
		if written[old.name] {
			continue
		}
		path := filepath.Join(dir, old.name)
		info, err := os.Lstat(path)
		if err != nil {
			continue // removed by the user already
		}
		if !info.Mode().IsRegular() || info.Size() > maxPressFile || fileSHA256(path) != old.sum {
			report.Kept = append(report.Kept, old.name)
			continue
		}
		if err := os.Remove(path); err != nil {
			report.Kept = append(report.Kept, old.name)
			continue
		}
		report.Removed = append(report.Removed, old.name)
	}
	return report, nil
}

// maxPressFile bounds the files read back from a press folder (the
// manifest, and a stale file's content to compare).
const maxPressFile = 1 << 30

// manifestEntry is one file a manifest lists.
type manifestEntry struct{ name, sum string }

// writeCSVManifest writes the manifest of dir listing entries.
func writeCSVManifest(dir string, entries []manifestEntry) error {
	return ooxml.WriteFile(filepath.Join(dir, Manifest), true, func(w io.Writer) error {
		bw := bufio.NewWriter(w)
		bw.WriteString(manifestHeader)
		for _, e := range entries {
			fmt.Fprintf(bw, "%s  %s\n", e.sum, e.name)
		}
		return bw.Flush()
	})
}

// readCSVManifest reads the manifest of an earlier export in dir, in its
// order, keeping only well-formed lines naming a press file in dir itself
// (a name with a folder or of another shape is ignored, so that an edited
// manifest cannot point outside the folder). A folder without a manifest
// gives none.
func readCSVManifest(dir string) []manifestEntry {
	f, err := os.Open(filepath.Join(dir, Manifest))
	if err != nil {
		return nil
	}
	defer f.Close()
	var entries []manifestEntry
	sc := bufio.NewScanner(io.LimitReader(f, 1<<20))
	for sc.Scan() {
		sum, name, ok := strings.Cut(sc.Text(), "  ")
		if !ok || len(sum) != 64 || strings.Trim(sum, "0123456789abcdef") != "" || !isPressName(name) {
			continue
		}
		entries = append(entries, manifestEntry{name, sum})
	}
	return entries
}

// fileSHA256 is the hex SHA-256 of a file's content, "" when unreadable.
func fileSHA256(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// pressZipComment marks a zip written by podium's press pack (WriteCSVZip).
const pressZipComment = "podium press pack"

// IsPressZip reports whether the file at path is a press pack zip written
// by podium, which podium may replace: it carries podium's comment, and
// holds only CSV files at its top level, results.csv and standings.csv
// among them. A marker alone could be copied by another tool; the shape
// alone could be a journalist's own archive.
func IsPressZip(path string) bool {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return false
	}
	defer zr.Close()
	if zr.Comment != pressZipComment || len(zr.File) < 2 {
		return false
	}
	seen := map[string]bool{}
	for _, f := range zr.File {
		if !isPressName(f.Name) {
			return false
		}
		seen[f.Name] = true
	}
	return seen["results.csv"] && seen["standings.csv"]
}

// isPressName reports whether name has the shape of a press pack file
// name: lower-case ASCII letters, digits and dashes, ending in .csv, with no
// folder.
func isPressName(name string) bool {
	base, ok := strings.CutSuffix(name, ".csv")
	if !ok || base == "" {
		return false
	}
	for _, r := range base {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}
