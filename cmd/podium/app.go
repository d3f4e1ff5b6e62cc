package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/podium-dev/podium/sheets"
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
		err = usagef("%q is not a podium command (commands: %s)", notFound, strings.Join(commandNames(app), ", "))
	}
	if err == nil {
		return exitOK
	}
	var (
		usage *usageError
		data  *dataError
		file  *sheets.FileError
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
		Name:            "podium",
		Usage:           "championship standings from an Excel season workbook",
		Writer:          stdout,
		ErrWriter:       stderr,
		HideHelpCommand: true,
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
		},
	}
	for _, c := range app.Commands {
		c.OnUsageError = onUsageError
	}
	return app
}

func onUsageError(c *cli.Context, err error, _ bool) error {
	name := "podium"
	if c != nil && c.Command != nil && c.Command.Name != "" {
		name += " " + c.Command.Name
	}
	msg := strings.TrimPrefix(err.Error(), "flag provided but not defined: ")
	if msg != err.Error() {
		if len(msg) > 2 && !strings.HasPrefix(msg, "--") {
			msg = "-" + msg // the flag package prints one dash
		}
		msg = "unknown flag " + msg
	}
	return usagef("%s (see %s --help)", msg, name)
}

func commandNames(app *cli.App) []string {
	var names []string
	for _, c := range app.Commands {
		names = append(names, c.Name)
	}
	return names
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
