package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The run functions called directly with an options literal, without
// urfave/cli: the errors they return (which run turns into exit codes) and
// their exact output.

// TestRunValidate: runValidate prints the report on Stdout, nothing on
// Stderr, and returns a dataError for errors, or for warnings with Strict.
func TestRunValidate(t *testing.T) {
	withWarning := withWarning(t, t.TempDir())
	warning := similarNamesWarning + "\n\nwarn.xlsx: 0 errors, 1 warning\n"
	clean := "demo.xlsx: no problems found (4 rounds, 9 cars, 21 driver rows, 34 results)\n"
	tests := []struct {
		name    string
		opts    validateOptions
		stdout  string
		dataErr string // the message of the dataError returned; "-" for none
	}{
		{"text", validateOptions{Season: demo, Format: "text"}, clean, "-"},
		{"json", validateOptions{Season: demo, Format: "json"},
			"{\n  \"file\": \"" + demo + "\",\n  \"errors\": 0,\n  \"warnings\": 0,\n  \"diagnostics\": []\n}\n", "-"},
		{"strict, clean", validateOptions{Season: demo, Format: "text", Strict: true}, clean, "-"},
		{"a warning", validateOptions{Season: withWarning, Format: "text"}, warning, "-"},
		{"a warning, strict", validateOptions{Season: withWarning, Format: "text", Strict: true}, warning,
			"podium: no errors, but --strict: the warning above fails the check"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			tt.opts.Stdout, tt.opts.Stderr = &stdout, &stderr
			err := runValidate(tt.opts)
			var data *dataError
			switch {
			case tt.dataErr == "-" && err != nil:
				t.Errorf("error %v", err)
			case tt.dataErr != "-" && (!errors.As(err, &data) || data.msg != tt.dataErr):
				t.Errorf("error %#v, want a dataError %q", err, tt.dataErr)
			}
			if got := stdout.String(); got != tt.stdout {
				t.Errorf("stdout:\n%s\nwant:\n%s", got, tt.stdout)
			}
			if stderr.Len() > 0 {
				t.Errorf("stderr: %s", stderr.String())
			}
		})
	}
}

// TestRunExportToStdout: Stdout "-" gets the press pack's standings.csv,
// byte for byte, and the "wrote" line of a folder export goes to Stdout
// with nothing on Stderr.
func TestRunExportToStdout(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "press")
	var stdout, stderr bytes.Buffer
	if err := runExport(exportOptions{Season: alms, CSV: "-", Stdout: &stdout, Stderr: &stderr}); err != nil {
		t.Fatal(err)
	}
	var summary, folderErr bytes.Buffer
	if err := runExport(exportOptions{Season: alms, CSV: dir, Stdout: &summary, Stderr: &folderErr}); err != nil {
		t.Fatal(err)
	}
	if want := "wrote 14 CSV files into " + dir + "\n"; summary.String() != want || folderErr.Len() > 0 {
		t.Errorf("stdout %q, stderr %q; want %q", summary.String(), folderErr.String(), want)
	}
	want, err := os.ReadFile(filepath.Join(dir, "standings.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(stdout.Bytes(), want) || stderr.Len() > 0 {
		t.Errorf("--csv - wrote %d bytes (stderr %q); standings.csv has %d", stdout.Len(), stderr.String(), len(want))
	}
}

// TestOnATerminal: export and score show the progress line on a terminal
// (export crashed when the line came up: it had no counter). /dev/null is
// a character device, which podium takes for a terminal.
func TestOnATerminal(t *testing.T) {
	tty, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil || !isTerminal(tty) {
		t.Skipf("no character device to stand for a terminal: %v", err)
	}
	defer tty.Close()
	dir := t.TempDir()
	press, out := filepath.Join(dir, "press"), filepath.Join(dir, "standings.xlsx")
	export := exportOptions{Season: alms, CSV: press, Stderr: tty, progressDelay: time.Nanosecond}
	tests := []struct {
		name string
		run  func(stdout *bytes.Buffer) error
		want string
	}{
		{"export", func(stdout *bytes.Buffer) error {
			o := export
			o.Stdout = stdout
			return runExport(o)
		}, "wrote 14 CSV files into " + press + "\n"},
		{"score", func(stdout *bytes.Buffer) error {
			o := scoreOptions{exportOptions: export, Out: out}
			o.Stdout = stdout
			return runScore(o)
		}, "wrote " + out + ": the standings after round 4\nwrote 14 CSV files into " + press + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout bytes.Buffer
			if err := tt.run(&stdout); err != nil || stdout.String() != tt.want {
				t.Errorf("error %v, stdout %q; want %q", err, stdout.String(), tt.want)
			}
		})
	}
}

// TestRunTemplateThenValidate: a new template says where it is and what to
// run next, and validates with two warnings only: no cars yet, and the
// example Sprint scheme of the Points sheet that no race pays yet (the
// rest of that warning's words are scoring.Check's).
func TestRunTemplateThenValidate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "season.xlsx")
	var stdout bytes.Buffer
	if err := runTemplate(templateOptions{Path: path, Series: "Asian Le Mans Series", Season: "2019–20", Rounds: 4, Stdout: &stdout}); err != nil {
		t.Fatal(err)
	}
	if want := "wrote " + path + ": fill it in, then run  podium validate " + path + "\n"; stdout.String() != want {
		t.Errorf("template: stdout %q, want %q", stdout.String(), want)
	}
	stdout.Reset()
	var stderr bytes.Buffer
	err := runValidate(validateOptions{Season: path, Format: "text", Strict: true, Stdout: &stdout, Stderr: &stderr})
	const sprint = `Points!D14: warning: points scheme "Sprint" is paid by no `
	want := "Entries: warning: no cars are entered yet (add a row per car to the Entries sheet)\n\nseason.xlsx: 0 errors, 2 warnings\n"
	first, rest, _ := strings.Cut(stdout.String(), "\n\n")
	var data *dataError
	if !errors.As(err, &data) || data.msg != "podium: no errors, but --strict: the 2 warnings of this report fail the check" ||
		!strings.HasPrefix(first, sprint) || rest != want || stderr.Len() > 0 {
		t.Errorf("validate: error %v\nstdout:\n%s\nwant:\n%s…\n\n%s\nstderr: %s", err, stdout.String(), sprint, want, stderr.String())
	}
}
