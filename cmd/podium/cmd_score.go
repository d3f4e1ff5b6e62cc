package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets"
	"github.com/urfave/cli/v2"
)

func afterRoundFlag() cli.Flag {
	return &cli.IntFlag{Name: "after-round", Usage: "count rounds up to `N` only (standings after round N)"}
}

func csvFlags() []cli.Flag {
	return []cli.Flag{
		&cli.BoolFlag{Name: "bom", Usage: "start each CSV file with a byte order mark, for Excel users"},
		&cli.StringFlag{Name: "zip", Usage: "bundle the CSV files into the zip archive `FILE`"},
	}
}

// sourceDate is the date printed in generated files: SOURCE_DATE_EPOCH when
// set (reproducible builds), otherwise now.
func sourceDate() (time.Time, error) {
	if v := os.Getenv("SOURCE_DATE_EPOCH"); v != "" {
		sec, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return time.Time{}, usagef("SOURCE_DATE_EPOCH=%q: give seconds since 1970", v)
		}
		return time.Unix(sec, 0).UTC(), nil
	}
	return time.Now(), nil
}

// scored reads, validates and scores a season, printing the diagnostics.
// Errors in the data stop it.
func scored(c *cli.Context, path string, prog *sheets.Progress) (*scoring.Season, *scoring.Standings, scoring.Diagnostics, error) {
	snap, err := sheets.ReadSnapshot(path, sheets.OpenOptions{})
	if err != nil {
		return nil, nil, nil, err
	}
	return scoredSnapshot(c, snap, prog)
}

// scoredSnapshot is scored on a workbook already read: score writes the
// standings back into the bytes it scored.
func scoredSnapshot(c *cli.Context, snap *sheets.Snapshot, prog *sheets.Progress) (*scoring.Season, *scoring.Standings, scoring.Diagnostics, error) {
	path := snap.Path
	after := c.Int("after-round")
	if c.IsSet("after-round") && after < 1 {
		return nil, nil, nil, usagef("--after-round %d: rounds are numbered from 1; give the last round to count, or leave --after-round out to count every round", after)
	}
	stop := startProgress(c.App.ErrWriter, prog)
	season, diags, err := snap.Read(sheets.OpenOptions{Password: c.String("password"), Progress: prog})
	stop()
	if err != nil {
		return nil, nil, nil, err
	}
	if diags.HasErrors() {
		if err := sheets.WriteDiagnostics(c.App.ErrWriter, path, season, diags); err != nil {
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
	if err := sheets.WriteWarnings(c.App.ErrWriter, all, restOfWarnings(c, path, warnings)); err != nil {
		return nil, nil, nil, err
	}
	return season, st, all, nil
}

// restOfWarnings says where every warning of a kind is when the terminal
// shows only the first of them: the Issues sheet, when score writes back;
// otherwise validate's JSON, or for the warnings of scoring itself (which
// validate does not score), a write-back's Issues sheet.
func restOfWarnings(c *cli.Context, path string, scoringWarnings scoring.Diagnostics) func(code string) string {
	if c.Command.Name == "score" && c.String("out") == "" {
		return func(code string) string { return sheets.IssuesSheet(path, code) }
	}
	fromScoring := map[string]bool{}
	for _, d := range scoringWarnings {
		fromScoring[d.Code] = true
	}
	return func(code string) string {
		if fromScoring[code] {
			return "podium score " + path + " (without --out) keeps every one in the Issues sheet"
		}
		return sheets.ValidateJSON(path)
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

func scoreCommand() *cli.Command {
	return &cli.Command{
		Name:      "score",
		Usage:     "score a season and write the standings sheets",
		ArgsUsage: "SEASON.xlsx",
		Description: `Validates the season (errors stop it), scores it and writes the standings
sheets back into SEASON.xlsx: per class a Teams and a Drivers sheet, Winners,
Breakdown, a Progression chart per class, and Issues when there are warnings
(write-back only: the --out workbook leaves the warnings to the terminal).
A season of more than 50,000 breakdown rows (some 500 cars × 25 rounds) gets
a note in the Breakdown sheet instead, and the whole breakdown as
breakdown.csv in the press pack; --breakdown writes it into the sheet too.
The sheets podium wrote last time are replaced; nothing else of the workbook
changes — podium checks that before replacing the file and keeps the previous
version as SEASON.xlsx.bak. With --out, a separate standings workbook is
written instead and SEASON.xlsx is only read.

No output may be the season workbook, its backup or another output of the
run. --out and --zip replace a file podium wrote, any other only with
--force. A read-only workbook is refused; a workbook reached by a symbolic
link is written through (the link is kept, the backup is beside the link).`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "out", Usage: "write a standalone standings workbook `FILE` instead of writing into the season"},
			&cli.StringFlag{Name: "csv", Usage: "also write the press CSV files into `DIR`"},
			afterRoundFlag(),
			&cli.BoolFlag{Name: "breakdown", Usage: "write the whole points breakdown into the Breakdown sheet, however long"},
			&cli.BoolFlag{Name: "force", Usage: "let --out and --zip replace a file that podium did not write"},
			passwordFlag(),
		}, csvFlags()...),
		Action: func(c *cli.Context) error {
			path, err := oneArg(c, "the season workbook to score")
			if err != nil {
				return err
			}
			date, err := sourceDate()
			if err != nil {
				return err
			}
			out := c.String("out")
			if out != "" {
				if err := checkOut(out); err != nil {
					return err
				}
			}
			if err := checkPlan(c, path, nil, nil); err != nil {
				return err
			}
			prog := new(sheets.Progress)
			// The workbook is read once: the standings are written into the
			// bytes they were scored from (a save meanwhile is refused).
			snap, err := sheets.ReadSnapshot(path, sheets.OpenOptions{})
			if err != nil {
				return err
			}
			season, st, warnings, err := scoredSnapshot(c, snap, prog)
			if err != nil {
				return err
			}
			if err := checkPlanCSV(c, path, season, st); err != nil {
				return err
			}
			if hook, ok := c.App.Metadata[afterScoreHook].(func()); ok {
				hook()
			}
			// The press pack is written while the workbook is: both only
			// read the standings, and each file is written safely on its
			// own, so a failure of one leaves the other complete. (CSV on
			// standard output waits, not to mix with the messages.)
			toStdout := c.String("csv") == "-"
			pack := make(chan packResult, 1)
			if !toStdout {
				go func() {
					msgs, err := exportCSV(c, season, st, date)
					pack <- packResult{msgs, err}
				}()
			}
			stop := startProgress(c.App.ErrWriter, prog)
			wrote, err := writeStandings(snap, out, season, st, sheets.PublishOptions{Generated: date, Warnings: warnings, Progress: prog, FullBreakdown: c.Bool("breakdown")})
			var csv packResult
			if !toStdout {
				csv = <-pack
			}
			stop()
			summary := summaryWriter(c)
			if err == nil {
				fmt.Fprintln(summary, wrote)
				if toStdout {
					csv.msgs, csv.err = exportCSV(c, season, st, date)
				}
			}
			for _, m := range csv.msgs {
				fmt.Fprintln(summary, m)
			}
			if err != nil {
				return err
			}
			return csv.err
		},
	}
}

// summaryWriter is where a command's "wrote …" lines go: standard output,
// as every result of podium, unless --csv - puts the CSV there; then
// standard error, not to mix with the data.
func summaryWriter(c *cli.Context) io.Writer {
	if c.String("csv") == "-" {
		return c.App.ErrWriter
	}
	return c.App.Writer
}

// checkPlanCSV checks the plan again once the names of the CSV files are
// known (the rest was checked before reading).
func checkPlanCSV(c *cli.Context, path string, season *scoring.Season, st *scoring.Standings) error {
	if dir := c.String("csv"); dir == "" || dir == "-" {
		return nil
	}
	return checkPlan(c, path, season, st)
}

// checkPlan refuses, before anything is written, a score or export run
// whose outputs would write over the season workbook or over one another,
// or replace a file podium did not write (see sheets.OutputPlan). Before
// the season is read (season nil) the CSV files known are those every
// press pack has; once scored, all of them.
func checkPlan(c *cli.Context, path string, season *scoring.Season, st *scoring.Standings) error {
	plan := sheets.OutputPlan{
		Inputs: []sheets.Place{{Name: "the season workbook", Path: path}},
		Force:  c.Bool("force"),
	}
	out := c.String("out")
	if out != "" {
		plan.Outputs = append(plan.Outputs, sheets.Place{Name: "--out", Path: out, Kind: sheets.StandingsFile})
	} else if c.Command.Name == "score" {
		plan.Outputs = append(plan.Outputs,
			sheets.Place{Name: "the season workbook", Path: path, Kind: sheets.InPlace},
			sheets.Place{Name: "the backup", Path: sheets.BackupPath(path), Kind: sheets.Backup})
	}
	if dir := c.String("csv"); dir != "" && dir != "-" {
		names := []string{"results.csv", "standings.csv"}
		if season != nil {
			names = sheets.PressPackNames(season, st)
		}
		plan.Outputs = append(plan.Outputs, sheets.Place{Name: "--csv", Path: dir, Kind: sheets.PressFolder, Files: names})
	}
	if zip := c.String("zip"); zip != "" {
		plan.Outputs = append(plan.Outputs, sheets.Place{Name: "--zip", Path: zip, Kind: sheets.PressZip})
	}
	return plan.Check()
}

// packResult is what writing the press pack printed and its error.
type packResult struct {
	msgs []string
	err  error
}

// afterScoreHook is the key of a func() in the app's Metadata that score
// runs between scoring and writing (tests use it to save the workbook
// meanwhile).
const afterScoreHook = "podium.afterScore"

// writeStandings writes the standings sheets: into the season workbook
// read as snap, or into the standalone workbook out. It returns the line
// to print.
func writeStandings(snap *sheets.Snapshot, out string, season *scoring.Season, st *scoring.Standings, opts sheets.PublishOptions) (string, error) {
	path := snap.Path
	if out != "" {
		err := sheets.WriteFile(out, true, func(w io.Writer) error { return sheets.WriteStandingsWorkbook(w, season, st, opts) })
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("wrote %s: the standings after round %d", out, st.AfterRound), nil
	}
	report, err := sheets.WriteBackSnapshot(snap, season, st, opts, sheets.Limits{})
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("wrote %d standings sheets into %s (after round %d); the previous version is %s",
		len(report.Sheets), path, st.AfterRound, report.Backup), nil
}

// checkOut refuses an --out that is not named .xlsx; checkPlan checks the
// rest.
func checkOut(out string) error {
	if !strings.EqualFold(filepath.Ext(out), ".xlsx") {
		return usagef("--out %s: give a name ending in .xlsx", out)
	}
	return nil
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
			if c.String("csv") == "" && c.String("zip") == "" {
				return usagef("give --csv DIR (or --csv - for standard output) or --zip FILE")
			}
			if err := checkPlan(c, path, nil, nil); err != nil {
				return err
			}
			date, err := sourceDate()
			if err != nil {
				return err
			}
			season, st, _, err := scored(c, path, nil)
			if err != nil {
				return err
			}
			if err := checkPlanCSV(c, path, season, st); err != nil {
				return err
			}
			msgs, err := exportCSV(c, season, st, date)
			summary := summaryWriter(c)
			for _, m := range msgs {
				fmt.Fprintln(summary, m)
			}
			return err
		},
	}
}

// exportCSV writes the press pack where --csv and --zip say and returns
// the lines to print.
func exportCSV(c *cli.Context, season *scoring.Season, st *scoring.Standings, date time.Time) ([]string, error) {
	opts := sheets.CSVOptions{BOM: c.Bool("bom"), Modified: date}
	var msgs []string
	if dir := c.String("csv"); dir == "-" {
		if err := sheets.WriteStandingsCSV(c.App.Writer, season, st, opts); err != nil {
			return msgs, err
		}
	} else if dir != "" {
		r, err := sheets.ExportCSV(dir, season, st, opts)
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
	if zipPath := c.String("zip"); zipPath != "" {
		err := sheets.WriteFile(zipPath, true, func(w io.Writer) error { return sheets.WriteCSVZip(w, season, st, opts) })
		if err != nil {
			return msgs, err
		}
		msgs = append(msgs, "wrote "+zipPath)
	}
	return msgs, nil
}
