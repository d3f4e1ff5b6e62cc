package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/podium-dev/podium/sheets"
	"github.com/podium-dev/podium/templates/workbook"
	"github.com/urfave/cli/v2"
)

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
			if ext := strings.ToLower(filepath.Ext(path)); ext != ".xlsx" {
				return usagef("%s: the template is an Excel workbook; give a name ending in .xlsx", path)
			}
			rounds := c.Int("rounds")
			if rounds < 0 || rounds > 100 {
				return usagef("--rounds %d: give a number of rounds from 0 to 100", rounds)
			}
			plan := sheets.OutputPlan{Outputs: []sheets.Place{{Name: "the template", Path: path, Kind: sheets.NewFile}}, Force: c.Bool("force")}
			if err := plan.Check(); err != nil {
				return err
			}
			opts := workbook.Options{Series: c.String("series"), Season: c.String("season"), Rounds: rounds}
			err = sheets.WriteFile(path, c.Bool("force"), func(w io.Writer) error { return workbook.Write(w, opts) })
			if err != nil {
				return err
			}
			fmt.Fprintf(c.App.Writer, "wrote %s: fill it in, then run  podium validate %s\n", path, path)
			return nil
		},
	}
}
