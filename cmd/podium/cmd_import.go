package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets/importer"
	"github.com/podium-dev/podium/sheets/outputs"
	"github.com/podium-dev/podium/sheets/timing"
	"github.com/urfave/cli/v2"
)

// importOptions are the options of podium import.
type importOptions struct {
	Timing string // the timing system's classification (CSV)
	Season string // the season workbook written into
	// Round is --round, the Calendar round of the classification;
	// RoundSet says it was given (it is required).
	Round    int
	RoundSet bool
	Session  string // --session: "race" or "qualifying" (any case)
	// FastestLap is --fastest-lap (on by default): mark the fastest lap of
	// each class and cup from the file's lap times.
	FastestLap   bool
	AddEntries   bool     // --add-entries: append the cars missing from Entries
	Classes      []string // --class values: "TIMING CLASS=WORKBOOK CLASS"
	ReplaceRound bool     // --replace-round: remove results of cars not in the file
	DryRun       bool     // --dry-run: print what would change, write nothing
	// Stdout gets the report of the import, Stderr the problems of the
	// timing file.
	Stdout, Stderr io.Writer
}

func importCommand() *cli.Command {
	return &cli.Command{
		Name:      "import",
		Usage:     "put a timing system's classification (CSV) into the Results sheet",
		ArgsUsage: "TIMING.csv SEASON.xlsx",
		Description: `Reads a session classification exported by the timing system and writes it
into the season workbook's Results sheet for one round:

  podium import --round 3 race.csv season.xlsx
  podium import --round 3 --session qualifying qualifying.csv season.xlsx

Reads the ACO/FIA endurance export (overall or by class), club timing
exports and any CSV with the Results sheet's headers (Pos, No., Class,
Status, Laps, Pole, Fastest lap), separated by semicolons, commas or tabs,
in UTF-8, UTF-16 (Excel's "Unicode text") or Windows-1252.

A race gives each car's Pos (its position in class), Status and Laps, and
the Fastest lap of each class and cup from the lap times. A qualifying gives
the Pole of each class and cup: the first car of each. Importing a file again
replaces what it wrote; Pole cells set by hand or by a qualifying import are
kept by a race import. The workbook is written safely: the previous version
is kept as SEASON.xlsx.bak, and nothing is written if a check fails. A
read-only workbook is refused; one reached by a symbolic link is written
through (the link is kept, the backup is beside the link).

A race import never removes results silently: when the round holds results
of cars that are not in the file, it refuses and names them; --replace-round
removes them. A file that does not look like a classification (no class,
status, laps or lap time column; one car for a round that holds many;
positions that do not run 1, 2, 3 …) is refused with the reason. Every
problem of the file is reported at once.

When the Results sheet has no Laps or Fastest lap column, the import says
once that the laps or fastest laps of the file were not kept.

Exit code 0 when imported, 1 when the timing file has problems (each named
with its line and cell) or would remove results, 2 when a file cannot be
read or written.`,
		Flags: []cli.Flag{
			&cli.IntFlag{Name: "round", Usage: "the Calendar round `N` the classification belongs to (required)"},
			&cli.StringFlag{Name: "session", Value: "race", Usage: "`SESSION`: race or qualifying"},
			&cli.BoolFlag{Name: "fastest-lap", Value: true, Usage: "mark the fastest lap of each class and cup from the file's lap times; --fastest-lap=false leaves the Fastest lap cells as they are"},
			&cli.BoolFlag{Name: "add-entries", Usage: "append cars missing from Entries to Entries and Drivers from the file (each is reported: check them)"},
			&cli.StringSliceFlag{Name: "class", Usage: "map a class name of the timing file to the workbook's: --class 'LMP2 Pro-Am=LMP2 Am' (repeat for several)"},
			&cli.BoolFlag{Name: "replace-round", Usage: "let a race import remove the round's results of cars that are not in the file (without it the import refuses and names them)"},
			&cli.BoolFlag{Name: "dry-run", Usage: "print what would change without writing anything"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 2 {
				return usagef("give the timing file and the season workbook: podium import --round N TIMING.csv SEASON.xlsx (got %d %s)", c.NArg(), pluralWord(c.NArg(), "file", "files"))
			}
			return runImport(importOptions{
				Timing: c.Args().Get(0), Season: c.Args().Get(1),
				Round: c.Int("round"), RoundSet: c.IsSet("round"), Session: c.String("session"),
				FastestLap: c.Bool("fastest-lap"), AddEntries: c.Bool("add-entries"), Classes: c.StringSlice("class"),
				ReplaceRound: c.Bool("replace-round"), DryRun: c.Bool("dry-run"),
				Stdout: c.App.Writer, Stderr: c.App.ErrWriter,
			})
		},
	}
}

// runImport puts a timing system's classification into the season
// workbook's Results sheet for one round.
func runImport(o importOptions) error {
	if strings.EqualFold(filepath.Ext(o.Timing), ".xlsx") && !strings.EqualFold(filepath.Ext(o.Season), ".xlsx") {
		return usagef("the timing file comes first, then the season workbook: podium import --round N %s %s", o.Season, o.Timing)
	}
	if !o.RoundSet {
		return usagef("give the round with --round N (the Calendar's round number)")
	}
	if o.Round < 1 {
		return usagef("--round %d: give a round number of the Calendar (1, 2, …)", o.Round)
	}
	session := importer.Session(strings.ToLower(o.Session))
	if session != importer.Race && session != importer.Qualifying {
		return usagef("--session %q: choose race or qualifying", o.Session)
	}
	classes, err := classMap(o.Classes)
	if err != nil {
		return err
	}
	if !o.DryRun {
		plan := outputs.OutputPlan{
			Inputs:  []outputs.Place{{Name: "the timing file", Path: o.Timing}},
			Outputs: writeBackOutputs(o.Season),
		}
		if err := plan.Check(); err != nil {
			return err
		}
	}
	tf, err := timing.ReadFile(o.Timing, timing.Limits{})
	if err != nil && tf == nil {
		return timingError(o.Stderr, err)
	}
	// With problems on some lines, the cars read are still checked against
	// the workbook, so that every problem of the file is reported at once;
	// nothing is imported then.
	report, err := importer.Import(o.Season, tf, importer.Options{
		Round: o.Round, Session: session, FastestLap: o.FastestLap, AddEntries: o.AddEntries,
		Classes: classes, ReplaceRound: o.ReplaceRound, DryRun: o.DryRun,
	})
	var problems timing.Problems
	if err != nil && !errors.As(err, &problems) && tf.Problems() != nil {
		// The workbook cannot take the import: the file's own problems
		// are listed all the same.
		timingError(o.Stderr, timing.Problems(tf.Problems()))
		return err
	}
	if err != nil {
		return timingError(o.Stderr, err)
	}
	return writeImportReport(o.Stdout, o.Timing, o.Season, report, o.DryRun)
}

// classMap reads the --class values, 'TIMING CLASS=WORKBOOK CLASS', into a
// map from the timing file's class to the workbook's.
func classMap(values []string) (map[string]string, error) {
	classes := map[string]string{}
	for _, m := range values {
		from, to, ok := strings.Cut(m, "=")
		from, to = strings.TrimSpace(from), strings.TrimSpace(to)
		if !ok || from == "" || to == "" {
			return nil, usagef("--class %q: write it as 'TIMING CLASS=WORKBOOK CLASS', e.g. --class 'LMP2 Pro-Am=LMP2 Am'", m)
		}
		classes[from] = to
	}
	return classes, nil
}

// timingError prints the problems of a timing file, one per line (the
// same problem on several lines on one), and returns a data error; other
// errors are returned as they are.
func timingError(w io.Writer, err error) error {
	var problems timing.Problems
	if !errors.As(err, &problems) || len(problems) == 0 {
		return err
	}
	lines := problems.Lines()
	bw := bufio.NewWriter(w)
	for _, line := range lines {
		bw.WriteString(line + "\n")
	}
	bw.Flush()
	return &dataError{fmt.Sprintf("podium: nothing imported: %s in %s", count(len(lines), "problem"), problems[0].Ref.File)}
}

// rowRanges writes row numbers as "rows 40–70, 72".
func rowRanges(rows []int) string {
	s := scoring.Rounds(rows...).String()
	return pluralWord(len(rows), "row ", "rows ") + s
}

func writeImportReport(w io.Writer, timingPath, seasonPath string, r *importer.Report, dryRun bool) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format+"\n", args...) }
	p("%s: %s; %s", timingPath, r.Timing, count(r.Cars, "car"))
	verb := "imported"
	if dryRun {
		verb = "would import"
	}
	if !r.Changed {
		p("%s already holds this round %d %s classification: nothing to write", seasonPath, r.Round, r.Session)
		return bw.Flush()
	}
	p("%s round %d %s into %s", verb, r.Round, r.Session, seasonPath)
	if len(r.Replaced) > 0 {
		p("  Results: %s %s", rowRanges(r.Replaced), ifDry(dryRun, "would be rewritten", "rewritten"))
	}
	if len(r.Added) > 0 {
		p("  Results: %s %s", rowRanges(r.Added), ifDry(dryRun, "would be added", "added"))
	}
	if len(r.Cleared) > 0 {
		p("  Results: %s %s", rowRanges(r.Cleared), ifDry(dryRun, "would be emptied", "emptied"))
	}
	if len(r.NewEntries) > 0 {
		p("  Entries: %s %s", pluralWord(len(r.NewEntries), "car", "cars")+" "+strings.Join(r.NewEntries, ", "), ifDry(dryRun, "would be added", "added"))
	}
	if r.Session == importer.Qualifying && len(r.Added) > 0 {
		p("  (the cars of %s have only their Pole until the race is imported)", rowRanges(r.Added))
	}
	for _, m := range r.Marks {
		p("  %s", m)
	}
	for _, note := range r.Notes {
		p("note: %s", note)
	}
	for _, warn := range r.Warnings {
		p("warning: %s", warn.Text())
	}
	errs, warns := r.After.Count(scoring.Error), r.After.Count(scoring.Warning)
	switch {
	case errs == 0 && warns == 0:
		p("%s then: no problems found", filepath.Base(seasonPath))
	default:
		p("%s then: %s, %s (podium validate %s lists them)", filepath.Base(seasonPath), count(errs, "error"), count(warns, "warning"), seasonPath)
		shown := 0
		for _, d := range r.After {
			if d.Severity == scoring.Error && shown < 10 {
				p("  %s", d.String())
				shown++
			}
		}
	}
	if dryRun {
		p("dry run: nothing written")
	} else {
		p("the previous version is %s", r.Backup)
	}
	return bw.Flush()
}

func ifDry(dry bool, would, did string) string {
	if dry {
		return would
	}
	return did
}
