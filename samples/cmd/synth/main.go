// Command synth writes a synthetic, contract-valid season workbook of any
// size, for benchmarks and for trying podium on a big season:
//
//	go run ./samples/cmd/synth -cars 2500 -rounds 40 -classes 20 big.xlsx
//	go run ./samples/cmd/synth -cars 2500 -rounds 40 -classes 20 -shape lean lean.xlsx
//	go run ./samples/cmd/synth -cars 2500 -rounds 40 -classes 20 -shape lean -championships champs.xlsx
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/podium-dev/podium/samples"
	"github.com/podium-dev/podium/sheets/ooxml"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("synth", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var opts samples.Synth
	fs.IntVar(&opts.Cars, "cars", 50, "number of cars")
	fs.IntVar(&opts.Rounds, "rounds", 8, "number of rounds")
	fs.IntVar(&opts.Classes, "classes", 4, "number of classes")
	fs.IntVar(&opts.DriversPerCar, "drivers", 3, "regular drivers per car")
	fs.Uint64Var(&opts.Seed, "seed", 1, "random seed; the same seed gives the same season")
	shape := fs.String("shape", "rich", "rich: a season with a real one's variety; lean: as a timing export fills it (names \"Driver 12-1 Name\", class positions with gaps, Results with Round, No., Pos, Status, Pole only)")
	fs.BoolVar(&opts.Championships, "championships", false, "write a contract v2 season: an Entries Make column (five makes, teams of three cars per class) and a Championships sheet running Teams (Car), Drivers (Driver), Team Cup (Team, best 2 cars) and Makes (Make, all cars) per class")
	force := fs.Bool("force", false, "replace OUT.xlsx if it exists")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: synth [-cars N] [-rounds R] [-classes C] [-drivers D] [-seed S] [-shape rich|lean] [-championships] [-force] OUT.xlsx")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	switch *shape {
	case "rich":
		opts.Shape = samples.ShapeRich
	case "lean":
		opts.Shape = samples.ShapeLean
	default:
		fmt.Fprintf(stderr, "synth: -shape %q: want rich or lean\n", *shape)
		return 2
	}
	out := fs.Arg(0)
	err := ooxml.WriteFile(out, *force, func(w io.Writer) error { return samples.WriteSynthetic(w, opts) })
	if err != nil {
		fmt.Fprintln(stderr, "synth:", err)
		return 1
	}
	fmt.Fprintf(stderr, "wrote %s: %d cars × %d rounds = %d results\n", out, opts.Cars, opts.Rounds, opts.Results())
	return 0
}
