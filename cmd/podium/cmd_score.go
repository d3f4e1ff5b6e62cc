package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/podium-dev/podium/sheets/outputs"
	"github.com/podium-dev/podium/sheets/standings"
	"github.com/podium-dev/podium/sheets/writeback"
	"github.com/urfave/cli/v2"
)

// scoreOptions are the options of podium score: export's, and where the
// standings go.
type scoreOptions struct {
	exportOptions
	// Out is --out, a standalone standings workbook named .xlsx; "" writes
	// the standings into the season workbook.
	Out       string
	Breakdown bool // --breakdown: the whole breakdown into its sheet, however long
	// afterScore, when set, runs between scoring and writing (tests save
	// the workbook meanwhile).
	afterScore func()
}

func scoreCommand() *cli.Command {
	return &cli.Command{
		Name:      "score",
		Usage:     "score a season and write the standings sheets",
		ArgsUsage: "SEASON.xlsx",
		Description: `Validates the season (errors stop it), scores it and writes the standings
sheets back into SEASON.xlsx: a sheet per championship (without a
Championships sheet, per class a Teams and a Drivers sheet), Winners,
Breakdown, Progression charts, and Issues when there are warnings
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
			return runScore(scoreOptions{exportOptions: exportOptionsFrom(c, path), Out: c.String("out"), Breakdown: c.Bool("breakdown")})
		},
	}
}

// runScore scores the season and writes the standings (into the season
// workbook, or into Out) and the press pack, if asked for.
func runScore(o scoreOptions) error {
	date, err := sourceDate()
	if err != nil {
		return err
	}
	if o.Out != "" {
		if err := checkOut(o.Out); err != nil {
			return err
		}
	}
	if err := o.checkPlan(o.standingsOutputs(), nil, nil); err != nil {
		return err
	}
	prog := newProgress(o.Stderr, o.progressDelay)
	// The workbook is read once: the standings are written into the
	// bytes they were scored from (a save meanwhile is refused).
	snap, err := writeback.ReadSnapshot(o.Season, ooxml.Limits{})
	if err != nil {
		return err
	}
	season, st, warnings, err := o.score(snap, prog, o.Out == "")
	if err != nil {
		return err
	}
	if err := o.checkPlanCSV(o.standingsOutputs(), season, st); err != nil {
		return err
	}
	if o.afterScore != nil {
		o.afterScore()
	}
	// The press pack is written while the workbook is: both only read the
	// standings, and each file is written safely on its own, so a failure
	// of one leaves the other complete. (CSV on standard output waits, not
	// to mix with the messages.)
	toStdout := o.CSV == "-"
	pack := make(chan packResult, 1)
	if !toStdout {
		go func() {
			msgs, err := o.exportCSV(season, st, date)
			pack <- packResult{msgs, err}
		}()
	}
	stop := prog.start()
	wrote, err := writeStandings(snap, o.Out, season, st, standings.PublishOptions{Generated: date, Warnings: warnings, Progress: &prog.counter, FullBreakdown: o.Breakdown})
	var csv packResult
	if !toStdout {
		csv = <-pack
	}
	stop()
	if err == nil {
		o.printSummary([]string{wrote})
		if toStdout {
			csv.msgs, csv.err = o.exportCSV(season, st, date)
		}
	}
	o.printSummary(csv.msgs)
	if err != nil {
		return err
	}
	return csv.err
}

// standingsOutputs are the files score writes the standings to: --out, or
// the season workbook and its backup.
func (o scoreOptions) standingsOutputs() []outputs.Place {
	if o.Out != "" {
		return []outputs.Place{{Name: "--out", Path: o.Out, Kind: outputs.StandingsFile}}
	}
	return writeBackOutputs(o.Season)
}

// packResult is what writing the press pack printed and its error.
type packResult struct {
	msgs []string
	err  error
}

// writeStandings writes the standings sheets: into the season workbook
// read as snap, or into the standalone workbook out. It returns the line
// to print.
func writeStandings(snap *writeback.Snapshot, out string, season *scoring.Season, st *scoring.Standings, opts standings.PublishOptions) (string, error) {
	path := snap.Path
	if out != "" {
		err := ooxml.WriteFile(out, true, func(w io.Writer) error { return standings.WriteStandingsWorkbook(w, season, st, opts) })
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("wrote %s: the standings after round %d", out, st.AfterRound), nil
	}
	report, err := standings.WriteBackSnapshot(snap, season, st, opts, ooxml.Limits{})
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
