package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets"
	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/podium-dev/podium/sheets/press"
	"github.com/podium-dev/podium/sheets/report"
	"github.com/podium-dev/podium/sheets/writeback"
	"github.com/urfave/cli/v2"
)

// exportOptions are the options of podium export. Score has them all
// (scoreOptions embeds them): it writes the same press pack beside the
// standings.
type exportOptions struct {
	Season   string // the season workbook, only read
	Password string // --password: opens a password-protected workbook
	// AfterRound is --after-round, the last round counted; 0 counts every
	// round. AfterRoundSet says it was given: then it must be 1 or more.
	AfterRound    int
	AfterRoundSet bool
	CSV           string // --csv: the press folder, "-" for standard output, "" for none
	Zip           string // --zip: the press pack zip, "" for none
	BOM           bool   // --bom: start each CSV file with a byte order mark
	Force         bool   // --force: outputs may replace files podium did not write
	// Stdout gets the results (the "wrote …" lines, or the CSV of --csv -),
	// Stderr the problems of the data and the progress line.
	Stdout, Stderr io.Writer
	// progressDelay, when above 0, is how soon a terminal gets the progress
	// line (tests; otherwise after a second).
	progressDelay time.Duration
}

func afterRoundFlag() cli.Flag {
	return &cli.IntFlag{Name: "after-round", Usage: "count rounds up to `N` only (standings after round N)"}
}

func csvFlags() []cli.Flag {
	return []cli.Flag{
		&cli.BoolFlag{Name: "bom", Usage: "start each CSV file with a byte order mark, for Excel users"},
		&cli.StringFlag{Name: "zip", Usage: "bundle the CSV files into the zip archive `FILE`"},
	}
}

// exportOptionsFrom reads the flags score and export share.
func exportOptionsFrom(c *cli.Context, season string) exportOptions {
	return exportOptions{
		Season: season, Password: c.String("password"),
		AfterRound: c.Int("after-round"), AfterRoundSet: c.IsSet("after-round"),
		CSV: c.String("csv"), Zip: c.String("zip"), BOM: c.Bool("bom"), Force: c.Bool("force"),
		Stdout: c.App.Writer, Stderr: c.App.ErrWriter,
	}
}

func exportCommand() *cli.Command {
	return &cli.Command{
		Name:      "export",
		Usage:     "write the press CSV files of a season",
		ArgsUsage: "SEASON.xlsx",
		Description: `Writes, for each class, <class>-teams.csv and <class>-drivers.csv, plus
results.csv (every result of every round), standings.csv (long form: one
row per competitor and round), breakdown.csv (every point explained, as the
Breakdown sheet) and season.csv (series, season, the round the standings
are after, Provisional or Final). UTF-8; --bom for Excel. --csv - writes
standings.csv to standard output.

Exporting again into the same folder removes the files of the earlier
export that this one does not write (a class that no longer exists), as
listed in the folder's .podium-press.txt, if they are unchanged; other files
are never touched. --zip replaces a press pack zip podium wrote, any other
file only with --force.`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "csv", Usage: "folder `DIR` for the CSV files, or - for standard output"},
			afterRoundFlag(),
			&cli.BoolFlag{Name: "force", Usage: "let --zip replace a file that podium did not write"},
			passwordFlag(),
		}, csvFlags()...),
		Action: func(c *cli.Context) error {
			path, err := oneArg(c, "the season workbook to export")
			if err != nil {
				return err
			}
			return runExport(exportOptionsFrom(c, path))
		},
	}
}

// runExport scores the season and writes its press pack.
func runExport(o exportOptions) error {
	if o.CSV == "" && o.Zip == "" {
		return usagef("give --csv DIR (or --csv - for standard output) or --zip FILE")
	}
	if err := o.checkPlan(nil, nil, nil); err != nil {
		return err
	}
	date, err := sourceDate()
	if err != nil {
		return err
	}
	snap, err := writeback.ReadSnapshot(o.Season, ooxml.Limits{})
	if err != nil {
		return err
	}
	season, st, _, err := o.score(snap, newProgress(o.Stderr, o.progressDelay), false)
	if err != nil {
		return err
	}
	if err := o.checkPlanCSV(nil, season, st); err != nil {
		return err
	}
	msgs, err := o.exportCSV(season, st, date)
	o.printSummary(msgs)
	return err
}

// score reads, validates and scores the season held by snap, printing its
// problems: errors in the data stop it. writesIssues says that the run
// writes every warning into the workbook's Issues sheet. It returns the
// warnings too, for the Issues sheet.
func (o exportOptions) score(snap *writeback.Snapshot, prog *progress, writesIssues bool) (*scoring.Season, *scoring.Standings, scoring.Diagnostics, error) {
	path := snap.Path
	after := o.AfterRound
	if o.AfterRoundSet && after < 1 {
		return nil, nil, nil, usagef("--after-round %d: rounds are numbered from 1; give the last round to count, or leave --after-round out to count every round", after)
	}
	season, diags, err := prog.read(o.Password, func(opts sheets.OpenOptions) (*scoring.Season, scoring.Diagnostics, error) {
		return sheets.SnapshotSeason(snap, opts)
	})
	if err != nil {
		return nil, nil, nil, err
	}
	if diags.HasErrors() {
		if err := report.WriteDiagnostics(o.Stderr, path, season, diags); err != nil {
			return nil, nil, nil, err
		}
		return nil, nil, nil, &dataError{msg: "podium: fix the errors above, then run podium again"}
	}
	if after > 0 && !hasRound(season, after) {
		var numbers []int
		for _, r := range season.Rounds {
			numbers = append(numbers, r.Number)
		}
		return nil, nil, nil, usagef("--after-round %d: round %d is not in the calendar, which has rounds %s", after, after, scoring.Rounds(numbers...).String())
	}
	st, warnings := scoring.Score(season, scoring.Options{AfterRound: after})
	all := append(diags, warnings...)
	if err := report.WriteWarnings(o.Stderr, all, restOfWarnings(path, writesIssues, warnings)); err != nil {
		return nil, nil, nil, err
	}
	return season, st, all, nil
}

// restOfWarnings says where every warning of a kind is when the terminal
// shows only the first of them: the Issues sheet, when the run writes it
// (score writing back); otherwise validate's JSON, or for the warnings of
// scoring itself (which validate does not score), a write-back's Issues
// sheet.
func restOfWarnings(path string, writesIssues bool, scoringWarnings scoring.Diagnostics) func(code string) string {
	if writesIssues {
		return func(code string) string { return report.IssuesSheet(path, code) }
	}
	fromScoring := map[string]bool{}
	for _, d := range scoringWarnings {
		fromScoring[d.Code] = true
	}
	return func(code string) string {
		if fromScoring[code] {
			return "podium score " + path + " (without --out) keeps every one in the Issues sheet"
		}
		return report.ValidateJSON(path)
	}
}

func hasRound(s *scoring.Season, n int) bool {
	for _, r := range s.Rounds {
		if r.Number == n {
			return true
		}
	}
	return false
}

// summaryWriter is where a command's "wrote …" lines go: standard output,
// as every result of podium, unless --csv - puts the CSV there; then
// standard error, not to mix with the data.
func (o exportOptions) summaryWriter() io.Writer {
	if o.CSV == "-" {
		return o.Stderr
	}
	return o.Stdout
}

// printSummary prints the "wrote …" lines msgs (see summaryWriter).
func (o exportOptions) printSummary(msgs []string) {
	w := o.summaryWriter()
	for _, m := range msgs {
		fmt.Fprintln(w, m)
	}
}

// exportCSV writes the press pack where --csv and --zip say and returns
// the lines to print.
func (o exportOptions) exportCSV(season *scoring.Season, st *scoring.Standings, date time.Time) ([]string, error) {
	opts := press.CSVOptions{BOM: o.BOM, Modified: date}
	var msgs []string
	if dir := o.CSV; dir == "-" {
		if err := press.WriteStandingsCSV(o.Stdout, season, st, opts); err != nil {
			return msgs, err
		}
	} else if dir != "" {
		r, err := press.ExportCSV(dir, season, st, opts)
		if err != nil {
			return msgs, err
		}
		msg := fmt.Sprintf("wrote %d CSV files into %s", len(r.Written), dir)
		if len(r.Removed) > 0 {
			msg += fmt.Sprintf("; removed %s of an earlier export that this one does not write: %s",
				count(len(r.Removed), "file"), strings.Join(r.Removed, ", "))
		}
		msgs = append(msgs, msg)
		for _, name := range r.Kept {
			msgs = append(msgs, fmt.Sprintf("kept %s: an earlier export wrote it and it has changed since (remove it if it is no longer wanted)", filepath.Join(dir, name)))
		}
	}
	if zipPath := o.Zip; zipPath != "" {
		err := ooxml.WriteFile(zipPath, true, func(w io.Writer) error { return press.WriteCSVZip(w, season, st, opts) })
		if err != nil {
			return msgs, err
		}
		msgs = append(msgs, "wrote "+zipPath)
	}
	return msgs, nil
}
