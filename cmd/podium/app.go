package main

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/urfave/cli/v2"
)

// Exit codes, documented in the README.
const (
	exitOK    = 0
	exitData  = 1 // the data has errors (or warnings with --strict)
	exitUsage = 2 // usage error, or a file that cannot be read or written
)

// usageError is a mistake in the command line.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// dataError says the data has problems that were already printed.
type dataError struct{ msg string }

func (e *dataError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// run runs podium with the command-line args and returns the exit code. It
// is the one place where errors become exit codes.
func run(args []string, stdout, stderr io.Writer) int {
	app := newApp(stdout, stderr)
	notFound := ""
	app.CommandNotFound = func(_ *cli.Context, name string) { notFound = name }
	err := app.Run(reorderArgs(app, args))
	if notFound != "" && err == nil {
		err = unknownCommand(app, notFound)
	}
	if err == nil {
		return exitOK
	}
	var (
		usage *usageError
		data  *dataError
		file  *ooxml.FileError
	)
	switch {
	case errors.As(err, &data):
		if data.msg != "" {
			fmt.Fprintln(stderr, data.msg)
		}
		return exitData
	case errors.As(err, &usage):
		fmt.Fprintf(stderr, "podium: %s\n", usage.msg)
		return exitUsage
	case errors.As(err, &file):
		fmt.Fprintf(stderr, "podium: %s\n", file.Error())
		return exitUsage
	}
	fmt.Fprintf(stderr, "podium: %s\n", err)
	return exitUsage
}

func newApp(stdout, stderr io.Writer) *cli.App {
	app := &cli.App{
		Name:      "podium",
		Usage:     "championship standings from an Excel season workbook",
		Version:   version(debug.ReadBuildInfo()),
		Writer:    stdout,
		ErrWriter: stderr,
		// --class 'A=B' values are class names, not comma-separated lists.
		DisableSliceFlagSeparator: true,
		EnableBashCompletion:      false,
		// Errors are returned, never turned into os.Exit inside Run.
		ExitErrHandler: func(*cli.Context, error) {},
		OnUsageError:   onUsageError,
		Commands: []*cli.Command{
			templateCommand(),
			validateCommand(),
			scoreCommand(),
			exportCommand(),
			importCommand(),
			publishCommand(),
		},
	}
	for _, c := range app.Commands {
		c.OnUsageError = onUsageError
	}
	return app
}

func onUsageError(c *cli.Context, err error, _ bool) error {
	name := "podium"
	var flags []cli.Flag
	if c != nil && c.Command != nil {
		flags = c.Command.Flags
		if c.Command.Name != "" && c.Command.Name != c.App.Name {
			name += " " + c.Command.Name
		}
	}
	msg := strings.TrimPrefix(err.Error(), "flag provided but not defined: ")
	if msg != err.Error() {
		if len(msg) > 2 && !strings.HasPrefix(msg, "--") {
			msg = "-" + msg // the flag package prints one dash
		}
		msg = "unknown flag " + msg
	} else if m := invalidValue.FindStringSubmatch(msg); m != nil {
		msg = badFlagValue(flags, m[2], m[1])
	}
	return usagef("%s (see %s --help)", msg, name)
}

// invalidValue matches the flag package's message for a value of the wrong
// type: invalid value "abc" for flag -rounds: parse error.
var invalidValue = regexp.MustCompile(`^invalid value "(.*)" for flag -{1,2}([^:]+): `)

// badFlagValue says what is wrong with the value given to flag name and
// what the flag expects: --rounds "abc" is not a whole number; expected
// --rounds N: pre-number N calendar rows.
func badFlagValue(flags []cli.Flag, name, value string) string {
	want, usage := "a valid value", ""
	for _, f := range flags {
		if !slices.Contains(f.Names(), name) {
			continue
		}
		switch f.(type) {
		case *cli.IntFlag, *cli.Int64Flag, *cli.UintFlag, *cli.Uint64Flag:
			want = "a whole number"
		case *cli.Float64Flag:
			want = "a number"
		case *cli.BoolFlag:
			want = "true or false"
		case *cli.DurationFlag:
			want = "a duration such as 90s or 5m"
		}
		if df, ok := f.(cli.DocGenerationFlag); ok {
			placeholder, text := unquoteUsage(df.GetUsage())
			usage = fmt.Sprintf("; expected --%s %s: %s", name, placeholder, text)
		}
	}
	return fmt.Sprintf("--%s %q is not %s%s", name, value, want, usage)
}

// unquoteUsage splits a flag's usage text into its placeholder (the word
// in backquotes, "VALUE" when none) and the text without backquotes:
// "pre-number `N` calendar rows" gives N and "pre-number N calendar rows".
func unquoteUsage(usage string) (placeholder, text string) {
	before, rest, ok := strings.Cut(usage, "`")
	if !ok {
		return "VALUE", usage
	}
	name, after, ok := strings.Cut(rest, "`")
	if !ok {
		return "VALUE", usage
	}
	return name, before + name + after
}

func commandNames(app *cli.App) []string {
	var names []string
	for _, c := range app.Commands {
		if !c.Hidden {
			names = append(names, c.Name)
		}
	}
	return names
}

// unknownCommand answers a command podium does not have, with the command
// probably meant ("scroe": did you mean score?), or the list of commands.
func unknownCommand(app *cli.App, name string) error {
	names := commandNames(app)
	if guess := scoring.Closest(name, names, 2); guess != "" {
		return usagef("%q is not a podium command; did you mean %s?", name, guess)
	}
	return usagef("%q is not a podium command (commands: %s)", name, strings.Join(names, ", "))
}

// version is podium's version from the build information: the module
// version of a released build (go install …@v1.2.0), otherwise the commit
// it was built from, with "-dirty" when the tree had changes, otherwise
// "devel".
func version(info *debug.BuildInfo, ok bool) string {
	if !ok || info == nil {
		return "devel"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev string
	dirty := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "devel"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if dirty {
		rev += "-dirty"
	}
	return rev
}

// reorderArgs moves a command's flags before its positional arguments, so
// that "podium validate season.xlsx --strict" works as typed: urfave/cli v2
// stops reading flags at the first positional argument and would otherwise
// take --strict for a file name. "--" ends the flags as usual.
func reorderArgs(app *cli.App, args []string) []string {
	if len(args) < 2 {
		return args
	}
	out := []string{args[0]}
	i := 1
	for i < len(args) && strings.HasPrefix(args[i], "-") && args[i] != "-" && args[i] != "--" {
		out = append(out, args[i])
		i++
	}
	if i >= len(args) {
		return out
	}
	cmd := app.Command(args[i])
	if cmd == nil {
		return append(out, args[i:]...)
	}
	out = append(out, args[i])
	var flags, positional []string
	rest := args[i+1:]
	for j := 0; j < len(rest); j++ {
		a := rest[j]
		switch {
		case a == "--":
			positional = append(positional, rest[j+1:]...)
			j = len(rest)
		case strings.HasPrefix(a, "-") && a != "-":
			flags = append(flags, a)
			if !strings.Contains(a, "=") && takesValue(cmd, strings.TrimLeft(a, "-")) && j+1 < len(rest) {
				flags = append(flags, rest[j+1])
				j++
			}
		default:
			positional = append(positional, a)
		}
	}
	out = append(out, flags...)
	if len(positional) > 0 {
		out = append(out, "--")
		out = append(out, positional...)
	}
	return out
}

// takesValue reports whether the command's flag called name expects a value.
func takesValue(cmd *cli.Command, name string) bool {
	for _, f := range cmd.Flags {
		for _, n := range f.Names() {
			if n != name {
				continue
			}
			if _, isBool := f.(*cli.BoolFlag); isBool {
				return false
			}
			return true
		}
	}
	return false
}

// oneArg returns the command's single positional argument, what it is
// being described for messages ("the workbook to check").
func oneArg(c *cli.Context, what string) (string, error) {
	switch c.NArg() {
	case 0:
		return "", usagef("give %s: podium %s %s", what, c.Command.Name, c.Command.ArgsUsage)
	case 1:
		return c.Args().First(), nil
	}
	return "", usagef("podium %s takes one file (%s), got %d: %s", c.Command.Name, what, c.NArg(), strings.Join(c.Args().Slice(), " "))
}
