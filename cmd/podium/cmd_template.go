package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/podium-dev/podium/sheets/outputs"
	"github.com/podium-dev/podium/templates/workbook"
	"github.com/urfave/cli/v2"
)

// templateOptions are the options of podium template.
type templateOptions struct {
	Path   string // the workbook to write, named .xlsx
	Series string // --series: the championship's name for the Season sheet
	Season string // --season: the season's name, e.g. 2019–20
	Rounds int    // --rounds: calendar rows to pre-number, 0 to 100
	Force  bool   // --force: replace the file if it exists
	Stdout io.Writer
}

func templateCommand() *cli.Command {
	return &cli.Command{
		Name:      "template",
		Usage:     "write a new season workbook to fill in",
		ArgsUsage: "SEASON.xlsx",
		Description: `Writes a season workbook with an Instructions sheet, every sheet podium reads
(with drop-downs and help on each column), the usual points scheme
(25-18-15-12-10-8-6-4-2-1, 0.5 for other classified finishers, 1 for pole)
and a Season sheet ready for the series name. It never replaces an existing
file unless --force is given.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "series", Usage: "championship `NAME` for the Season sheet"},
			&cli.StringFlag{Name: "season", Usage: "season `NAME`, e.g. 2019–20"},
			&cli.IntFlag{Name: "rounds", Usage: "pre-number `N` calendar rows"},
			&cli.BoolFlag{Name: "force", Usage: "replace the file if it exists"},
		},
		Action: func(c *cli.Context) error {
			path, err := oneArg(c, "the name of the workbook to write")
			if err != nil {
				return err
			}
			return runTemplate(templateOptions{
				Path: path, Series: c.String("series"), Season: c.String("season"), Rounds: c.Int("rounds"),
				Force: c.Bool("force"), Stdout: c.App.Writer,
			})
		},
	}
}

// runTemplate writes a new season workbook to fill in.
func runTemplate(o templateOptions) error {
	if ext := strings.ToLower(filepath.Ext(o.Path)); ext != ".xlsx" {
		return usagef("%s: the template is an Excel workbook; give a name ending in .xlsx", o.Path)
	}
	if o.Rounds < 0 || o.Rounds > 100 {
		return usagef("--rounds %d: give a number of rounds from 0 to 100", o.Rounds)
	}
	plan := outputs.OutputPlan{Outputs: []outputs.Place{{Name: "the template", Path: o.Path, Kind: outputs.NewFile}}, Force: o.Force}
	if err := plan.Check(); err != nil {
		return err
	}
	err := ooxml.WriteFile(o.Path, o.Force, func(w io.Writer) error {
		return workbook.Write(w, workbook.Options{Series: o.Series, Season: o.Season, Rounds: o.Rounds, V2: true})
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(o.Stdout, "wrote %s: fill it in, then run  podium validate %s\n", o.Path, o.Path)
	return nil
}
