package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/podium-dev/podium/sheets/outputs"
	"github.com/podium-dev/podium/sheets/present"
	"github.com/podium-dev/podium/sheets/site"
	"github.com/podium-dev/podium/sheets/writeback"
	"github.com/urfave/cli/v2"
)

// publishOptions are the options of podium publish: the season read as
// export reads it (Season, Password, AfterRound, Stdout, Stderr), and
// where each publication goes.
type publishOptions struct {
	exportOptions
	HTML string // --html: the folder of the web site, "" for none
}

// publication is one output of publish: its place in the output plan,
// and how it is written once the season is scored. An output is added
// by one more entry in publications (and its flag).
type publication struct {
	place outputs.Place
	// write writes the publication and returns the line to print.
	write func(season *scoring.Season, st *scoring.Standings, date time.Time) (string, error)
}

func publishCommand() *cli.Command {
	return &cli.Command{
		Name:      "publish",
		Usage:     "publish the standings: a static web site",
		ArgsUsage: "SEASON.xlsx",
		Description: `Validates the season (errors stop it, and nothing is written), scores it
and publishes the standings; give at least one output. SEASON.xlsx is only
read.

--html DIR writes a static web site, no JavaScript: index.html (the series,
Provisional or Final and after which round, the championships and the
rounds), a page per championship table, a page per round's results,
style.css, and .podium-site.txt (the files podium wrote and their SHA-256).
The site is written beside DIR and put in place whole. DIR may be missing,
empty, or a site podium published there before, which is replaced; any
other DIR is refused, as is a site holding files podium did not write or
that changed since: podium never removes them.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "html", Usage: "write the standings as a static web site into the folder `DIR`"},
			afterRoundFlag(),
			passwordFlag(),
		},
		Action: func(c *cli.Context) error {
			path, err := oneArg(c, "the season workbook to publish")
			if err != nil {
				return err
			}
			return runPublish(publishOptions{exportOptions: exportOptionsFrom(c, path), HTML: c.String("html")})
		},
	}
}

// publications are the outputs asked for, in the order they are written.
func (o publishOptions) publications() []publication {
	var out []publication
	if o.HTML != "" {
		out = append(out, publication{
			place: outputs.Place{Name: "--html", Path: o.HTML, Kind: outputs.SiteFolder},
			write: func(season *scoring.Season, st *scoring.Standings, date time.Time) (string, error) {
				if err := site.Write(o.HTML, season, st, site.Options{Generated: date}); err != nil {
					return "", err
				}
				after := present.AfterRound(st)
				return fmt.Sprintf("wrote the web site into %s: the standings %s, %s", o.HTML,
					strings.ToLower(after[:1])+after[1:], present.Status(season, st)), nil
			},
		})
	}
	return out
}

// runPublish scores the season and writes each publication asked for.
// Nothing is written when the command line, the outputs or the data are
// refused.
func runPublish(o publishOptions) error {
	pubs := o.publications()
	if len(pubs) == 0 {
		return usagef("give at least one output: --html DIR")
	}
	date, err := sourceDate()
	if err != nil {
		return err
	}
	plan := outputs.OutputPlan{Inputs: []outputs.Place{seasonInput(o.Season)}}
	for _, p := range pubs {
		plan.Outputs = append(plan.Outputs, p.place)
	}
	if err := plan.Check(); err != nil {
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
	var msgs []string
	for _, p := range pubs {
		msg, err := p.write(season, st, date)
		if err != nil {
			o.printSummary(msgs)
			return err
		}
		msgs = append(msgs, msg)
	}
	o.printSummary(msgs)
	return nil
}
