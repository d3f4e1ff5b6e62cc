package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// almsGolden is the site of the ALMS sample, dated 24 February 2020
// (sheets/site's golden files).
const almsGolden = "../../sheets/site/testdata/alms"

// siteFiles reads a folder's files by name.
func siteFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = data
	}
	return out
}

// TestPublishWritesTheSite: publish --html writes the site of the
// golden files (and its manifest) and nothing else, replaces it on the
// next run, and refuses it once it holds a file podium did not write.
func TestPublishWritesTheSite(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1582502400") // 24 February 2020, as the golden files
	dir := t.TempDir()
	season := copyFile(t, alms, dir, "alms.xlsx")
	before, _ := os.ReadFile(season)
	out := filepath.Join(dir, "web", "site")
	for run := 1; run <= 2; run++ {
		code, stdout, stderr := podium(t, "publish", season, "--html", out)
		want := "wrote the web site into " + out + ": the standings after round 4 (4 Hours of Buriram), Final\n"
		if code != 0 || stdout != want || stderr != "" {
			t.Fatalf("run %d: exit %d, stdout %q, stderr %q\nwant %q", run, code, stdout, stderr, want)
		}
		got := siteFiles(t, out)
		golden := siteFiles(t, almsGolden)
		for name, data := range golden {
			if !bytes.Equal(got[name], data) {
				t.Errorf("run %d: %s differs from %s", run, name, filepath.Join(almsGolden, name))
			}
		}
		var extra []string
		for name := range got {
			if _, ok := golden[name]; !ok && name != ".podium-site.txt" {
				extra = append(extra, name)
			}
		}
		if _, ok := got[".podium-site.txt"]; !ok || len(extra) > 0 {
			t.Errorf("run %d: manifest written %v, files beside the golden ones: %q", run, ok, extra)
		}
	}
	if after, _ := os.ReadFile(season); !bytes.Equal(before, after) {
		t.Error("the season workbook changed")
	}
	mine := filepath.Join(out, "photo.jpg")
	os.WriteFile(mine, []byte("the photographer's"), 0o644)
	code, stdout, stderr := podium(t, "publish", season, "--html", out)
	want := "podium: " + out + ": the site holds files podium did not write (not written by podium: photo.jpg) (move them elsewhere, then run podium again: the site is replaced as a whole)\n"
	if code != 2 || stdout != "" || stderr != want {
		t.Errorf("a file of the user's in the site: exit %d, stdout %q, stderr %q\nwant %q", code, stdout, stderr, want)
	}
	if data, _ := os.ReadFile(mine); string(data) != "the photographer's" {
		t.Error("the user's file was touched")
	}
}

// TestPublishValidationErrorWritesNothing: a season with errors exits 1
// and writes no site.
func TestPublishValidationErrorWritesNothing(t *testing.T) {
	season := brokenCopy(t, "Crashed")
	before, _ := os.ReadFile(season)
	out := filepath.Join(filepath.Dir(season), "site")
	code, stdout, stderr := podium(t, "publish", season, "--html", out)
	if code != 1 || stdout != "" || !bytes.Contains([]byte(stderr), []byte("Results!D3")) {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	entries, _ := os.ReadDir(filepath.Dir(season))
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if !slices.Equal(names, []string{"season.xlsx"}) {
		t.Errorf("the folder holds %q, want only the season", names)
	}
	if after, _ := os.ReadFile(season); !bytes.Equal(before, after) {
		t.Error("the season workbook changed")
	}
}

// TestPublishRefusals: no output, an output that is the input or holds
// it, a folder that is not podium's site: exit 2 before reading the
// season, nothing written.
func TestPublishRefusals(t *testing.T) {
	dir := t.TempDir()
	season := copyFile(t, demo, dir, "season.xlsx")
	before, _ := os.ReadFile(season)
	notes := filepath.Join(t.TempDir(), "notes")
	os.Mkdir(notes, 0o755)
	os.WriteFile(filepath.Join(notes, "todo.txt"), []byte("call the stewards"), 0o644)
	file := filepath.Join(t.TempDir(), "site.html")
	os.WriteFile(file, []byte("<p>mine</p>"), 0o644)
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"no output", nil, "podium: give at least one output: --html DIR, --wikitext FILE or --pdf FILE\n"},
		{"the input", []string{"--html", season},
			"podium: --html " + season + " is the season workbook itself; give another name: podium never writes over a file it reads\n"},
		{"the input's folder", []string{"--html", dir},
			"podium: the season workbook " + season + " is inside --html " + dir + ", which podium replaces as a whole; give a place outside it\n"},
		{"a folder of the user's", []string{"--html", notes},
			"podium: " + notes + ": the folder holds files and is not a site podium published (give a new or empty folder, or the folder of an earlier podium publish --html; podium never removes files it did not write)\n"},
		{"a file", []string{"--html", file},
			"podium: --html " + file + " is a file; give a folder for the web pages\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := podium(t, append([]string{"publish", season}, c.args...)...)
			if code != 2 || stdout != "" || stderr != c.want {
				t.Errorf("exit %d, stdout %q, stderr %q\nwant %q", code, stdout, stderr, c.want)
			}
			if after, _ := os.ReadFile(season); !bytes.Equal(before, after) {
				t.Error("the season workbook changed")
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Errorf("the season's folder holds %d files", len(entries))
			}
			if data, _ := os.ReadFile(filepath.Join(notes, "todo.txt")); string(data) != "call the stewards" {
				t.Error("the user's folder was touched")
			}
			if data, _ := os.ReadFile(file); string(data) != "<p>mine</p>" {
				t.Error("the user's file was touched")
			}
		})
	}
}

// TestPublishWikitextAndPDF: publish --wikitext and --pdf write the
// golden wikitext and a notice-board PDF whose document number goes up
// with each publication to the same file (or is --number); a file there
// that podium did not write is refused untouched unless --force.
func TestPublishWikitextAndPDF(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1582502400")
	dir := t.TempDir()
	season := copyFile(t, alms, dir, "alms.xlsx")
	wiki := filepath.Join(dir, "standings.wiki")
	pdf := filepath.Join(dir, "board.pdf")
	for run, want := range []struct {
		args   []string
		number string
		status string
	}{
		{nil, "1", "Final"},
		{[]string{"--after-round", "2"}, "2", "Provisional"},
		{[]string{"--number", "7"}, "7", "Final"},
		{nil, "8", "Final"},
	} {
		args := append([]string{"publish", season, "--wikitext", wiki, "--pdf", pdf, "--clerk", "Jane Doe"}, want.args...)
		code, stdout, stderr := podium(t, args...)
		wantOut := "wrote " + wiki + ": the standings as wikitext, 10 championship tables\n" +
			"wrote " + pdf + ": notice-board document No. " + want.number + ", " + want.status + "\n"
		if code != 0 || stdout != wantOut || stderr != "" {
			t.Fatalf("run %d: exit %d, stdout %q, stderr %q\nwant %q", run+1, code, stdout, stderr, wantOut)
		}
	}
	golden, err := os.ReadFile("../../sheets/wikitext/testdata/alms-2019-20.wiki")
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(wiki); !bytes.Equal(got, golden) {
		t.Error("the wikitext differs from sheets/wikitext's golden file")
	}

	foreign := filepath.Join(dir, "notes.pdf")
	os.WriteFile(foreign, []byte("%PDF-1.4 the steward's notes"), 0o644)
	mine := filepath.Join(dir, "article.wiki")
	os.WriteFile(mine, []byte("== My article ==\n"), 0o644)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--pdf", foreign}, "podium: --pdf " + foreign + " exists and is not a notice-board document written by podium; give another name, or add --force to replace it\n"},
		{[]string{"--wikitext", mine}, "podium: --wikitext " + mine + " exists and is not a wikitext file written by podium; give another name, or add --force to replace it\n"},
		{[]string{"--wikitext", pdf, "--pdf", pdf}, "podium: --wikitext " + pdf + " and --pdf " + pdf + " are the same file; give each its own name: one would replace the other\n"},
		{[]string{"--pdf", season}, "podium: --pdf " + season + " is the season workbook itself; give another name: podium never writes over a file it reads\n"},
		{[]string{"--pdf", pdf, "--number", "0"}, "podium: --number 0: a document number is a whole number from 1\n"},
	} {
		before, _ := os.ReadFile(pdf)
		code, stdout, stderr := podium(t, append([]string{"publish", season}, tc.args...)...)
		if code != 2 || stdout != "" || stderr != tc.want {
			t.Errorf("%q: exit %d, stdout %q, stderr %q\nwant %q", tc.args, code, stdout, stderr, tc.want)
		}
		if after, _ := os.ReadFile(pdf); !bytes.Equal(before, after) {
			t.Errorf("%q: the previous notice-board document changed", tc.args)
		}
	}
	if data, _ := os.ReadFile(foreign); string(data) != "%PDF-1.4 the steward's notes" {
		t.Error("the foreign PDF was touched")
	}
	if data, _ := os.ReadFile(mine); string(data) != "== My article ==\n" {
		t.Error("the user's wikitext was touched")
	}
	code, stdout, _ := podium(t, "publish", season, "--pdf", foreign, "--force")
	if want := "wrote " + foreign + ": notice-board document No. 1, Final\n"; code != 0 || stdout != want {
		t.Errorf("--force: exit %d, stdout %q, want %q", code, stdout, want)
	}
}
